package org.crisis.sim;

import java.util.List;
import org.crisis.model.Agenda;
import org.crisis.model.Dyad;
import org.crisis.model.Event;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.model.World;
import org.crisis.model.WorldListener;
import org.crisis.scenario.Scenario;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One run of a scenario as a MASON {@link SimState}, event by event (docs/MODEL.md 1.3 and
 * 3.11). A day's phases are times within the day on MASON's clock: the scenario's triggers
 * of the day, the decisions of the sides whose sampled candidate day it is (one entry each,
 * shuffled by MASON), the third parties' reactions if the day had salient events, and the
 * stop condition on days that can meet it. Nothing is scheduled on a day without work:
 * decay and mediations are applied when a pair is read, and an observer that reads every
 * day reads the days between two entries in a row.
 *
 * <pre>{@code
 * CrisisModel run = new CrisisModel(scenario, seed, DailyObserver.NONE);
 * run.runToEnd();
 * Dyad pm = run.world().existing(run.world().indexOf("PER"), run.world().indexOf("MEX"));
 * }</pre>
 */
public final class CrisisModel extends SimState {
    private static final long serialVersionUID = 1L;

    /** Phases within a day (section 1.3), at {@code day + phase/8} on MASON's clock. */
    static final int TRIGGERS = 0;
    static final int DECISIONS = 1;
    static final int REACTIONS = 2;
    static final int OBSERVE = 3;
    static final int STOP = 4;

    private final Scenario scenario;
    /** The day of the scenario's last scripted event (-1 if it has none): a quiet stop waits for it. */
    private final int lastScriptedDay;
    private final transient DailyObserver observer;
    private final transient List<WorldListener> measures;
    private transient World world;
    private int nextTrigger;
    private int daysRun;
    private int stopDay;
    private int reactionsDay;
    /*
     * The days whose end the stop condition is checked at, kept beside the schedule, not on it, so
     * that a stop rule leaves the run as it would be without one up to its stop (an entry on MASON's
     * heap would change the order in which the day's turns leave it, and so the draws). At most two
     * are pending: the day of the events just recorded, and the first later day the world could be
     * quiet (a later such day supersedes an earlier one, which could no longer be quiet); -1 for none.
     */
    private int eventCheckDay;
    private int quietCheckDay;
    private final int[] stopPair;
    /** For a {@code stop: restored} condition: the stop pair has been low, and has come back. */
    private boolean stopPairWasLow;
    private boolean stopPairRestored;
    private final transient Steppable triggers = new Triggers();
    private final transient Steppable reactions = new Reactions();
    /** The last day the observer has read (daily observers). */
    private int observed;

    public CrisisModel(Scenario scenario, long seed, DailyObserver observer) {
        this(scenario, seed, observer, List.of());
    }

    /**
     * A run whose {@code measures} (observe's recorders of what happens) hear the world from
     * its first pair on, after the observer, in the order given.
     */
    public CrisisModel(Scenario scenario, long seed, DailyObserver observer, List<WorldListener> measures) {
        super(seed, new DaySchedule());
        this.scenario = scenario;
        // under lastingActs a scripted act that lasts is news until its last day
        boolean lasting = scenario.parameters().on(Parameter.LASTING_ACTS);
        this.lastScriptedDay = scenario.events().stream().mapToInt(t -> lasting ? Math.max(t.day(), t.lastsUntil()) : t.day())
                .max().orElse(-1);
        this.observer = observer;
        this.measures = List.copyOf(measures);
        this.stopPair = scenario.stop().flatMap(Scenario.Stop::pair)
                .map(p -> new int[] {scenario.indexOf(p.a()), scenario.indexOf(p.b())}).orElse(null);
    }

    private DaySchedule days() {
        return (DaySchedule) schedule;
    }

    @Override
    public void start() {
        super.start();
        world = new World(scenario.parameters(), random);
        world.listen(observer);
        measures.forEach(world::listen);
        stopPairWasLow = false;
        stopPairRestored = false;
        stopDay = -1;
        reactionsDay = -1;
        eventCheckDay = -1;
        quietCheckDay = -1;
        daysRun = 0;
        observed = -1;
        nextTrigger = 0;
        if (scenario.stop().isPresent()) {
            world.listen(new StopWatch());
        }
        world.runOn(new ScheduleAgenda(), scenario.days());
        WorldBuilder.populate(world, scenario);
        observer.startOfRun(world);
        world.sample(0);
        List<Scenario.Trigger> events = scenario.events();
        if (!events.isEmpty()) {
            at(events.get(0).day(), TRIGGERS, triggers);
        }
        if (scenario.stop().isPresent()) {
            eventCheckDay = 0; // a run may meet its stop on day 0
        }
    }

    /** Schedules {@code s} on {@code day} in {@code phase}, unless the day is past the horizon. */
    private void at(int day, int phase, Steppable s) {
        if (day >= 0 && day < scenario.days()) {
            days().at(day, phase, s);
        }
    }

    private int today() {
        return (int) days().now();
    }

    /** The side turns and the reactions the world asks for. */
    private final class ScheduleAgenda implements Agenda {
        @Override
        public int today() {
            return CrisisModel.this.today();
        }

        @Override
        public void decisions(int day, Steppable turn) {
            at(day, DECISIONS, turn);
        }

        @Override
        public void salient(int day) {
            if (reactionsDay != day) {
                reactionsDay = day;
                at(day, REACTIONS, reactions);
            }
        }
    }

    /** The scenario's exogenous triggers due today (section 1.3, phase 1). */
    private final class Triggers implements Steppable {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            int day = today();
            world.setDay(day);
            List<Scenario.Trigger> events = scenario.events();
            while (nextTrigger < events.size() && events.get(nextTrigger).day() == day) {
                WorldBuilder.apply(world, scenario, events.get(nextTrigger++));
            }
            world.sample(day); // touched pairs decide from today on
            if (nextTrigger < events.size()) {
                at(events.get(nextTrigger).day(), TRIGGERS, this);
            }
        }
    }

    /** Third parties react to the day's salient events (phase 3); the pairs they touch decide from tomorrow. */
    private final class Reactions implements Steppable {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            int day = today();
            world.setDay(day);
            world.react();
            world.sample(day + 1);
        }
    }

    /**
     * The observer's readings at the end of each day before {@code time} (phase 4, at
     * {@code day + 3/8}), for observers that keep a daily record. Between two entries of the
     * schedule nothing changes but by decay, which reads include, so the days without work are
     * read in a row when the schedule moves past them, without an entry of their own.
     */
    private void observeBefore(double time) {
        while (observed + 1 < scenario.days() && observed + 1 + OBSERVE / (double) DaySchedule.PHASES < time) {
            observed++;
            world.endDay(observed);
            observer.endOfDay(world);
        }
    }

    /** The stop condition, at the end of a day that may meet it (after the day's observation, phase 4). */
    private void checkStop(int day) {
        world.endDay(day);
        if (stopped()) {
            stopDay = day;
        } else if (scenario.stop().get().when() == Scenario.StopWhen.QUIET) {
            // the first later day the world could be quiet; a world quiet already with the pair still below NORMAL
            // waits for the next event (the pair only comes back by one), which checks again
            int next = Math.max(world.lastEventDay() + (int) world.parameters().get(Parameter.MEMORY), lastScriptedDay);
            if (next > day && next < scenario.days()) {
                quietCheckDay = Math.max(quietCheckDay, next);
            }
        }
    }

    /** Checks the stop condition at the end of each pending day before the schedule's next entry at {@code next}. */
    private void checkStopsBefore(double next, boolean daily) {
        while (stopDay < 0) {
            int day = eventCheckDay < 0 ? quietCheckDay : quietCheckDay < 0 ? eventCheckDay : Math.min(eventCheckDay, quietCheckDay);
            if (day < 0 || day + STOP / (double) DaySchedule.PHASES >= next) {
                return;
            }
            if (day == eventCheckDay) {
                eventCheckDay = -1;
            }
            if (day == quietCheckDay) {
                quietCheckDay = -1;
            }
            if (daily) {
                observeBefore(day + STOP / (double) DaySchedule.PHASES);
            }
            checkStop(day);
        }
    }

    /** Hears events, for the stop check of their day, and the stop pair's level changes, for {@code stop: restored}. */
    private final class StopWatch implements WorldListener {
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

        @Override
        public void eventRecorded(Event e, Dyad onPair) {
            eventCheckDay = e.day(); // events come in day order: the day now running
        }

        private boolean isStopPair(Dyad d) {
            return stopPair != null && Math.min(stopPair[0], stopPair[1]) == d.a()
                    && Math.max(stopPair[0], stopPair[1]) == d.b();
        }
    }

    /** Runs the whole horizon, or until the scenario's stop condition holds. */
    public void runToEnd() {
        start();
        boolean daily = observer.daily();
        while (stopDay < 0) {
            double next = days().next();
            checkStopsBefore(next, daily);
            if (stopDay >= 0) {
                break;
            }
            if (daily) {
                observeBefore(next);
            }
            if (!schedule.step(this)) {
                break; // nothing left before the horizon
            }
        }
        int last = stopDay >= 0 ? stopDay : scenario.days() - 1;
        daysRun = last + 1;
        world.endDay(last);
        world.settle();
        finish();
    }

    private boolean stopped() {
        Scenario.Stop stop = scenario.stop().get();
        Dyad d = stopPair == null ? null : world.existing(stopPair[0], stopPair[1]);
        return switch (stop.when()) {
            case SEVERED -> d != null && d.level() == Level.SEVERED;
            case RESTORED -> stopPairRestored;
            // quiet: nothing for memory days, the pair (if given) at NORMAL or above, and no scripted news still to come
            case QUIET -> world.day() - world.lastEventDay() >= world.parameters().get(Parameter.MEMORY)
                    && (d == null || d.level().compareTo(Level.NORMAL) >= 0) && world.day() >= lastScriptedDay;
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

    /**
     * MASON's schedule with the day's phases at fixed times: {@code day + phase/8}. The keys of
     * those times are shared and never change (nothing is scheduled at the current time), so
     * putting an entry on the schedule allocates nothing.
     */
    static final class DaySchedule extends Schedule {
        private static final long serialVersionUID = 1L;
        static final int PHASES = 8;
        private static volatile Key[] keys = new Key[0];

        void at(int day, int phase, Steppable s) {
            int index = day * PHASES + phase;
            Key[] k = keys;
            if (index >= k.length) {
                k = grow(index);
            }
            if (!scheduleOnce(k[index], s)) {
                throw new IllegalStateException("cannot schedule day " + day + " phase " + phase);
            }
        }

        private static synchronized Key[] grow(int index) {
            Key[] k = keys;
            if (index < k.length) {
                return k;
            }
            Key[] larger = java.util.Arrays.copyOf(k, Math.max(index + 1, 2 * k.length + 64 * PHASES));
            for (int i = k.length; i < larger.length; i++) {
                larger[i] = new Key(i / PHASES + (i % PHASES) / (double) PHASES, 0);
            }
            keys = larger;
            return larger;
        }

        /** MASON's heap, move for move, comparing keys held as numbers ({@link DayHeap}). */
        @Override
        protected sim.util.Heap createHeap() {
            return new DayHeap();
        }

        static double timeOf(Comparable<?> key) {
            return ((Key) key).getTime();
        }

        static int orderingOf(Comparable<?> key) {
            return ((Key) key).getOrdering();
        }

        /** The current time, read without the lock: the schedule is stepped by one thread. */
        double now() {
            return time;
        }

        /** The time of the next entry, or +∞. */
        double next() {
            return queue.isEmpty() ? Double.POSITIVE_INFINITY : ((Key) queue.getMinKey()).getTime();
        }

        @Override
        protected boolean scheduleOnce(Key key, Steppable event) {
            if (key.getTime() <= time) {
                // MASON would move an entry at the current time to the next instant, changing the shared key
                throw new IllegalStateException("an entry at or before the current time " + getTime());
            }
            return super.scheduleOnce(key, event);
        }
    }

    /** Hears the run; if {@link #daily()}, reads the end of each simulated day. Must not change the world. */
    @FunctionalInterface
    public interface DailyObserver extends WorldListener {
        /** Observes nothing, and no day. */
        DailyObserver NONE = new DailyObserver() {
            @Override
            public void endOfDay(World world) {}

            @Override
            public boolean daily() {
                return false;
            }
        };

        /** Called once the world is built, before day 0. */
        default void startOfRun(World world) {}

        /**
         * Called at the end of every day if {@link #daily()}; reads see the day's end
         * ({@link World#grievance}).
         */
        void endOfDay(World world);

        /** Whether {@link #endOfDay} is to be called for every day (a trajectory's cost: a read per day). */
        default boolean daily() {
            return true;
        }
    }
}
