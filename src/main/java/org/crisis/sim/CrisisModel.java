package org.crisis.sim;

import java.util.List;
import org.crisis.model.Country;
import org.crisis.model.Dyad;
import org.crisis.model.Level;
import org.crisis.model.World;
import org.crisis.scenario.Scenario;
import sim.engine.RandomSequence;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One run of a scenario as a MASON {@link SimState}. Each day, in this order: the scenario's
 * triggers due that day, the countries' decisions in a random order, third parties and
 * mediation, grievance decay, then the observer (docs/MODEL.md, "Schedule").
 *
 * <pre>{@code
 * CrisisModel run = new CrisisModel(scenario, seed, DailyObserver.NONE);
 * run.runToEnd();
 * Dyad pm = run.world().existing(run.world().indexOf("PER"), run.world().indexOf("MEX"));
 * }</pre>
 */
public final class CrisisModel extends SimState {
    private static final long serialVersionUID = 1L;

    /** Orderings of the daily phases. */
    static final int TRIGGERS = 0;
    static final int DECISIONS = 1;
    static final int NETWORK = 2;
    static final int DECAY = 3;
    static final int OBSERVE = 4;

    private final Scenario scenario;
    private final transient DailyObserver observer;
    private transient World world;
    private int nextTrigger;
    private int daysRun;
    private final int[] stopPair;

    public CrisisModel(Scenario scenario, long seed, DailyObserver observer) {
        super(seed);
        this.scenario = scenario;
        this.observer = observer;
        this.stopPair = scenario.stop().flatMap(Scenario.Stop::pair)
                .map(p -> new int[] {scenario.indexOf(p.a()), scenario.indexOf(p.b())}).orElse(null);
    }

    @Override
    public void start() {
        super.start();
        world = WorldBuilder.build(scenario, random);
        observer.startOfRun(world);
        nextTrigger = 0;
        daysRun = 0;
        List<Country> countries = world.countries();
        Steppable[] agents = countries.toArray(new Steppable[0]);
        schedule.scheduleRepeating(Schedule.EPOCH, TRIGGERS, (Steppable) s -> triggers(), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, DECISIONS, new RandomSequence(agents), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, NETWORK, (Steppable) s -> world.reactAndMediate(), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, DECAY, (Steppable) s -> world.decay(), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, OBSERVE, (Steppable) s -> {
            observer.endOfDay(world);
            daysRun++;
        }, 1.0);
    }

    private void triggers() {
        int day = (int) schedule.getTime();
        world.setDay(day);
        List<Scenario.Trigger> events = scenario.events();
        while (nextTrigger < events.size() && events.get(nextTrigger).day() == day) {
            WorldBuilder.apply(world, scenario, events.get(nextTrigger++));
        }
    }

    /** Runs the whole horizon, or until the scenario's stop condition holds. */
    public void runToEnd() {
        start();
        while (daysRun < scenario.days() && schedule.step(this)) {
            if (stopped()) {
                break;
            }
        }
        finish();
    }

    private boolean stopped() {
        if (scenario.stop().isEmpty()) {
            return false;
        }
        Scenario.Stop stop = scenario.stop().get();
        Dyad d = stopPair == null ? null : world.existing(stopPair[0], stopPair[1]);
        return switch (stop.when()) {
            case SEVERED -> d != null && d.level() == Level.SEVERED;
            case RESTORED -> d != null && d.restoredDay() >= 0;
            case QUIET -> world.day() - world.lastEventDay() >= world.parameters()
                    .get(org.crisis.model.Parameter.MEMORY) && (d == null || d.level().compareTo(Level.NORMAL) >= 0);
        };
    }

    public World world() {
        return world;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Days simulated (the horizon unless stopped early). */
    public int daysRun() {
        return daysRun;
    }

    /** Called at the end of each simulated day, after decay; must not change the world. */
    @FunctionalInterface
    public interface DailyObserver {
        DailyObserver NONE = w -> { };

        /** Called once the world is built, before day 0. */
        default void startOfRun(World world) {}

        void endOfDay(World world);
    }
}
