package org.crisis.sim;

import java.util.List;
import org.crisis.model.Country;
import org.crisis.model.Dyad;
import org.crisis.model.Level;
import org.crisis.model.World;
import org.crisis.model.WorldListener;
import org.crisis.scenario.Scenario;
import sim.engine.RandomSequence;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One run of a scenario as a MASON {@link SimState}. Each day, in this order: the scenario's
 * triggers due that day, the countries' decisions in a random order, third parties'
 * reactions, mediation, grievance decay, then the observer (docs/MODEL.md 1.3); each phase
 * is a {@link Steppable} of its own.
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
    static final int REACTIONS = 2;
    static final int MEDIATION = 3;
    static final int DECAY = 4;
    static final int OBSERVE = 5;

    private final Scenario scenario;
    private final transient DailyObserver observer;
    private transient World world;
    private int nextTrigger;
    private int daysRun;
    private final int[] stopPair;
    /** For a {@code stop: restored} condition: the stop pair has been low, and has come back. */
    private boolean stopPairWasLow;
    private boolean stopPairRestored;

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
        world = new World(scenario.parameters(), random);
        world.listen(observer);
        stopPairWasLow = false;
        stopPairRestored = false;
        if (stopPair != null) {
            world.listen(new StopPairWatch());
        }
        WorldBuilder.populate(world, scenario);
        observer.startOfRun(world);
        nextTrigger = 0;
        daysRun = 0;
        List<Country> countries = world.countries();
        Steppable[] agents = countries.toArray(new Steppable[0]);
        schedule.scheduleRepeating(Schedule.EPOCH, TRIGGERS, new Triggers(), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, DECISIONS, new RandomSequence(agents), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, REACTIONS, world.thirdParties(), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, MEDIATION, world.mediation(), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, DECAY, (Steppable) s -> world.decay(), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, OBSERVE, (Steppable) s -> {
            observer.endOfDay(world);
            daysRun++;
        }, 1.0);
    }

    /** The scenario's exogenous triggers due today (section 1.3, phase 1). */
    private final class Triggers implements Steppable {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            int day = (int) schedule.getTime();
            world.setDay(day);
            List<Scenario.Trigger> events = scenario.events();
            while (nextTrigger < events.size() && events.get(nextTrigger).day() == day) {
                WorldBuilder.apply(world, scenario, events.get(nextTrigger++));
            }
        }
    }

    /** Hears the stop pair's level changes, for {@code stop: restored}. */
    private final class StopPairWatch implements WorldListener {
        @Override
        public void relationCreated(Dyad d, int level, int day) {
            if (isStopPair(d) && level <= Level.DOWNGRADED.ordinal()) {
                stopPairWasLow = true;
            }
        }

        @Override
        public void levelChanged(Dyad d, int from, int to, int day) {
            if (!isStopPair(d)) {
                return;
            }
            if (to <= Level.DOWNGRADED.ordinal()) {
                stopPairWasLow = true;
            } else if (stopPairWasLow) {
                stopPairRestored = true;
            }
        }

        private boolean isStopPair(Dyad d) {
            return Math.min(stopPair[0], stopPair[1]) == d.a() && Math.max(stopPair[0], stopPair[1]) == d.b();
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
            case RESTORED -> stopPairRestored;
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
    public interface DailyObserver extends WorldListener {
        DailyObserver NONE = w -> { };

        /** Called once the world is built, before day 0. */
        default void startOfRun(World world) {}

        void endOfDay(World world);
    }
}
