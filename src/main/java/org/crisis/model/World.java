package org.crisis.model;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All state of one run's world: countries, their relations, the event log and the day; the
 * rules that change it are objects of their own (docs/MODEL.md, section 3): {@link Perception},
 * {@link Levels}, {@link Governments}, {@link Affinity}, {@link Decision}, {@link ThirdParties}
 * and {@link Mediation}. Every change goes through {@link #act(Act)}. Randomness comes only
 * from the generator handed in, the run's own. Measures are taken from outside, by
 * {@link WorldListener}s.
 *
 * <pre>{@code
 * World w = new World(Parameters.defaults(), new MersenneTwisterFast(1));
 * int per = w.addCountry("PER", 0.4, 0.5, 0.9, 0.8, 0.6, 0.6, List.of("OAS"));
 * int mex = w.addCountry("MEX", -0.5, -0.2, 0.6, 0.3, 0.3, 0.8, List.of("OAS"));
 * w.act(Act.of(mex, per, EventType.ASYLUM_GRANT, Event.NONE));
 * }</pre>
 */
public final class World {
    final Parameters parameters;
    final MersenneTwisterFast random;
    final List<Country> countries = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, Integer> blocIndex = new HashMap<>();
    /** Blocs whose members are committed to act together on a break of democratic order (section 3.8). */
    final long[] clauseBlocs = new long[2];
    final List<Event> events = new ArrayList<>();
    /** Events of today that third parties react to (section 3.8). */
    final List<Event> salient = new ArrayList<>();
    private final List<WorldListener> listeners = new ArrayList<>();
    int day;
    /** The last day whose end (decay, mediation) reads include: the day before today until the day has ended. */
    int settledThrough = -1;
    /** Samples the sides' decisions when a schedule runs the world; null when it is stepped day by day. */
    Sampler sampler;
    int lastEventDay = Integer.MIN_VALUE / 2;
    double totalConflict;
    final int memory;

    final Relations relations;
    final Affinity affinity;
    final Perception perception;
    final Levels levels;
    final Governments governments;
    final Decision decision;
    final ThirdParties thirdParties;
    final Mediation mediation;

    public World(Parameters parameters, MersenneTwisterFast random) {
        this.parameters = parameters;
        this.random = random;
        this.memory = (int) parameters.get(Parameter.MEMORY);
        this.relations = new Relations(this, parameters);
        this.affinity = new Affinity(this, parameters);
        this.perception = new Perception(this, parameters);
        this.levels = new Levels(this, parameters);
        this.governments = new Governments(this, parameters);
        this.decision = new Decision(this);
        this.thirdParties = new ThirdParties(this);
        this.mediation = new Mediation(this, parameters);
    }

    /** Registers an observer of the run; register before adding relations to hear of every pair. */
    public void listen(WorldListener listener) {
        listeners.add(listener);
    }

    // ----- building -------------------------------------------------------------------

    /** Adds a country that is not a major power; returns its index. */
    public int addCountry(String id, double economic, double social, double sovereignty, double pressure,
            double hawkishness, double normAdherence, List<String> blocs) {
        return addCountry(id, economic, social, sovereignty, pressure, hawkishness, normAdherence, blocs, false);
    }

    /** Adds a country, a major power or not (section 3.5); returns its index. */
    public int addCountry(String id, double economic, double social, double sovereignty, double pressure,
            double hawkishness, double normAdherence, List<String> blocs, boolean majorPower) {
        int index = countries.size();
        long[] mask = new long[2];
        for (String bloc : blocs) {
            int b = blocIndex.computeIfAbsent(bloc, k -> blocIndex.size());
            if (b >= 128) {
                throw new IllegalArgumentException("at most 128 distinct blocs are supported");
            }
            mask[b >> 6] |= 1L << (b & 63);
        }
        countries.add(new Country(index, id, economic, social, sovereignty, pressure, hawkishness,
                normAdherence, mask, majorPower));
        byId.put(id, index);
        return index;
    }

    /**
     * Sets how far country {@code i}'s record in the library's earlier crises stands from the
     * library's share (section 3.5, "A state's record"), before its relations are listed: their
     * standing rungs read it.
     */
    public void record(int i, double shift) {
        countries.get(i).recordShift = shift;
    }

    /** Declares that the members of {@code bloc} have a democratic clause (section 3.8). */
    public void democraticClause(String bloc) {
        Integer b = blocIndex.get(bloc);
        if (b != null) {
            clauseBlocs[b >> 6] |= 1L << (b & 63);
        }
    }

    /** Whether {@code i} and {@code k} sit together in a bloc with a democratic clause. */
    boolean shareClause(int i, int k) {
        long[] x = countries.get(i).blocs;
        long[] y = countries.get(k).blocs;
        return (x[0] & y[0] & clauseBlocs[0]) != 0 || (x[1] & y[1] & clauseBlocs[1]) != 0;
    }

    /**
     * Sets a pair's initial state. The state is standing (section 4): each side's posture is
     * the rung its listed grievance already justifies, as far as the level holds, so a listed
     * grievance does not by itself start acts on day 0.
     */
    public void setRelation(int i, int j, Level level, double grievanceIJ, double grievanceJI, double tradeIJ,
            double tradeJI) {
        Dyad d = relations.getOrCreate(i, j, level);
        touch(d); // a pair listed again changes too
        levels.start(d, level.ordinal());
        int si = d.side(i);
        d.grievance[si] = grievanceIJ;
        d.grievance[1 - si] = grievanceJI;
        d.trade[si] = tradeIJ;
        d.trade[1 - si] = tradeJI;
        for (int s = 0; s < 2; s++) {
            Country c = countries.get(s == 0 ? d.a : d.b);
            int justified = Ladder.justifiedRung(parameters, d.grievance[s], c.domesticPressure, c.hawkishness,
                    c.recordShift);
            d.posture[s] = Math.max(level.impliedRung(), Math.min(justified, level.holdsUpTo()));
            d.postureDay[s] = day;
        }
    }

    /** The pair's relation, created at NORMAL with no grievance or trade if never touched. */
    public Dyad dyad(int i, int j) {
        return relations.getOrCreate(i, j, Level.NORMAL);
    }

    /** The pair's relation if it was ever touched, else null (read-only look-ups). */
    public Dyad existing(int i, int j) {
        return relations.existing(i, j);
    }

    /**
     * Something is about to change the pair: its stored values are brought up to date, and
     * its sides' decisions are sampled again (docs/MODEL.md 3.11). Every change of a pair's
     * state goes through here first.
     */
    void touch(Dyad d) {
        relations.catchUp(d);
        d.stamp++;
        if (sampler != null) {
            sampler.touch(d);
        }
    }

    public int indexOf(String id) {
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    // ----- events (sections 3.1, 3.3, 3.7) ---------------------------------------------

    /** Records an act as an event and applies its effects; returns the event. */
    public Event act(Act a) {
        return record(a, null, null);
    }

    /**
     * Records a scripted bilateral trigger that itself put its pair at {@code setsLevel} (DOWNGRADED
     * or SEVERED; docs/FORMATS.md 1.4): the pair's level becomes the lower of the two, as the act's move.
     */
    public Event act(Act a, Level setsLevel) {
        return record(a, null, setsLevel);
    }

    /**
     * Records that {@code target} had declared, before {@code actor}'s act of today, that it answers
     * such an act by climbing to {@code rung} (a declared answer, section 3.5): for {@code memory}
     * days from today, holding short of it costs the target the audience costs of backing down. Call
     * it just before the act; a second declaration within memory keeps the higher rung, and its
     * term then runs {@code memory} days from the later act.
     */
    public void declare(int actor, int target, int rung) {
        owe(actor, target, rung, 1.0);
    }

    /**
     * Records that act {@code e} of today, just done, goes on through day {@code until}: under
     * {@code lastingActs} its target's grievance against its actor does not fade over the ends of
     * the days from today to {@code until}, and each of them counts as a rise of it as the act's
     * own did: from an armed act under armedExchange, grave if the act is (section 3.5). An act
     * that starts while another of its kind lasts extends it. Without the option nothing.
     */
    public void lasting(Event e, int until) {
        if (!parameters.on(Parameter.LASTING_ACTS) || until <= day || e.target() == Event.NONE) {
            return;
        }
        Dyad d = dyad(e.actor(), e.target());
        touch(d);
        int s = d.side(e.target());
        if (d.lasting == null) {
            d.lasting = new Lasting();
        }
        Lasting l = d.lasting;
        if (l.until[s] < day) {
            l.from[s] = day - 1;
        }
        l.until[s] = Math.max(l.until[s], until);
        if (parameters.on(Parameter.ARMED_EXCHANGE) && e.armed()) {
            if (l.armedUntil[s] < day) {
                l.armedFrom[s] = day;
            }
            l.armedUntil[s] = Math.max(l.armedUntil[s], until);
        } else {
            if (l.plainUntil[s] < day) {
                l.plainFrom[s] = day;
            }
            l.plainUntil[s] = Math.max(l.plainUntil[s], until);
        }
        if (grave(e.id())) {
            l.graveUntil[s] = Math.max(l.graveUntil[s], until);
        }
    }

    /**
     * Records that {@code actor}'s act of today is its own head of mission's conduct in
     * {@code target}'s country: under {@code envoyAnswer} a_env it owes the target the envoy's
     * expulsion as a declared answer does, holding short of it costing a_env times the audience
     * costs of a declared expulsion (section 3.5); at a_env 0 nothing. Call it just before the act.
     */
    public void envoyAct(int actor, int target) {
        double weight = parameters.get(Parameter.ENVOY_ANSWER);
        if (weight > 0) {
            owe(actor, target, Ladder.EXPEL, weight);
        }
    }

    /**
     * An answer {@code target} owes to {@code actor}'s act of today: a side owes one at a time, the
     * higher rung (at an equal rung the greater weight), its term running {@code memory} days
     * from the later act.
     */
    private void owe(int actor, int target, int rung, double weight) {
        if (rung < Ladder.PROTEST || rung > Ladder.TOP) {
            throw new IllegalArgumentException("a declared answer is a rung of the ladder, 1.." + Ladder.TOP + ": " + rung);
        }
        Dyad d = dyad(actor, target);
        touch(d);
        int s = d.side(target);
        boolean open = day <= d.declaredUntil[s];
        if (!open || rung > d.declaredRung[s] || rung == d.declaredRung[s] && weight > d.declaredWeight[s]) {
            d.declaredRung[s] = rung;
            d.declaredWeight[s] = weight;
        }
        d.declaredUntil[s] = day + memory;
    }

    /** An act with its type's own weight and flags. */
    public Event act(int actor, int target, EventType type, int cause) {
        return act(Act.of(actor, target, type, cause));
    }

    /** An exogenous ELECTION or COUP of severity 1 with the new government's traits. */
    public Event changeGovernment(int actor, EventType type, GovernmentChange change, String label) {
        return changeGovernment(actor, type, 1.0, change, label);
    }

    /**
     * An exogenous ELECTION or COUP with the new government's traits; its severity scales
     * what observers read in it, as for any event (sections 3.3 and 3.8).
     */
    public Event changeGovernment(int actor, EventType type, double severity, GovernmentChange change, String label) {
        if (!type.changesGovernment()) {
            throw new IllegalArgumentException(type + " does not change a government");
        }
        return record(new Act(actor, Event.NONE, type, type.gamma(), severity, false, type.normBreaking(), false, false,
                Event.NONE, Event.NONE, label), change, null);
    }

    private Event record(Act a, GovernmentChange change, Level setsLevel) {
        int id = events.size() + 1;
        int root = a.cause() == Event.NONE ? id : events.get(a.cause() - 1).root();
        Event e = new Event(id, day, a.actor(), a.target(), a.type(), a.gamma(), a.severity(), a.interference(),
                a.normBreaking(), a.territorial(), a.armed(), a.cause(), a.about(), a.label(), root, setsLevel);
        events.add(e);
        lastEventDay = day;
        if (e.gamma() < 0) {
            totalConflict += e.gamma();
        }
        if (e.type().changesGovernment()) {
            governments.apply(e, change == null ? GovernmentChange.NONE : change);
        }
        Dyad onPair = e.bilateral() ? applyBilateral(e) : null;
        EventType type = e.type();
        if (type.kind() == EventType.Kind.DOMESTIC ? type != EventType.ELECTION
                : (type.kind() == EventType.Kind.TRIGGER && Math.abs(e.gamma()) >= thirdParties.salience)
                        || type == EventType.SEVER_RELATIONS || e.normBreaking()) {
            if (salient.isEmpty() && sampler != null) {
                sampler.agenda.salient(day); // third parties react today
            }
            salient.add(e);
        }
        for (int k = 0; k < listeners.size(); k++) {
            listeners.get(k).eventRecorded(e, onPair);
        }
        return e;
    }

    private Dyad applyBilateral(Event e) {
        Dyad d = dyad(e.actor(), e.target());
        touch(d);
        int sa = d.side(e.actor());
        d.lastEventDay = day;
        if (e.gamma() < 0 && e.type().kind() != EventType.Kind.STATEMENT) {
            d.lastHostileAct = day;
        }
        if (e.type() == EventType.INTERFERENCE_STATEMENT) {
            affinity.takeStance(e.actor(), e.target(), false); // a leader disputing a government is on the record
        }
        if (e.normBreaking()) {
            d.lastBreach[sa] = day;
        } else if (e.cooperative() && !e.type().restores()) {
            d.lastGestureBy[sa] = day;
        }
        // a step down, decided or scripted, closes the rises of grievance before it (3.5): a dialogue
        // the actor's, a restoration both governments' (an agreement)
        if (e.type() == EventType.DIALOGUE) {
            d.lastStepDown[sa] = day;
        } else if (e.type().restores()) {
            d.lastStepDown[0] = day;
            d.lastStepDown[1] = day;
        }
        perception.receive(d, 1 - sa, e);
        levels.apply(d, sa, e);
        return d;
    }

    void relationCreated(Dyad d) {
        for (int k = 0; k < listeners.size(); k++) {
            listeners.get(k).relationCreated(d, d.level, day);
        }
    }

    void levelChanged(Dyad d, int from, int to) {
        for (int k = 0; k < listeners.size(); k++) {
            listeners.get(k).levelChanged(d, from, to, day);
        }
    }

    // ----- derived quantities (section 3.2) ----------------------------------------------

    /** Ideological distance of two countries, in [0, 1]. */
    public double distance(int i, int j) {
        return affinity.distance(i, j);
    }

    /** Affinity A(i,j) in [-1, 1] (docs/MODEL.md 3.2). */
    public double affinity(int i, int j) {
        return affinity.of(i, j);
    }

    double affinity(Dyad d) {
        return affinity.of(d);
    }

    // ----- running on a schedule (sections 1.3, 3.11) ---------------------------------------

    /**
     * Runs the world on a schedule for {@code days} days: each side's decisions are sampled
     * on the days it may act (docs/MODEL.md 3.11) and put on the schedule through
     * {@code agenda}. Draws the salt of the days' orders of countries from the run's generator.
     */
    public void runOn(Agenda agenda, int days) {
        sampler = new Sampler(this, agenda, days);
    }

    /** End of a phase: the sides of the pairs touched since the last call are sampled again, from {@code day} on. */
    public void sample(int day) {
        sampler.flush(day);
    }

    /** Work of the sampler so far: candidate days tried, acts, windows, bounds computed (benchmarks). */
    public long[] samplingWork() {
        return sampler == null ? new long[4]
                : new long[] {sampler.candidates, sampler.acts, sampler.windows, sampler.bounds};
    }

    // ----- daily phases (section 1.3) ------------------------------------------------------

    /** Third parties react to today's salient events (3.8), and may offer mediation (3.9). */
    public void react() {
        thirdParties.react();
    }

    /** Whether events of today await the third parties' reaction. */
    public boolean hasSalientEvents() {
        return !salient.isEmpty();
    }

    /** A scripted MEDIATE (section 3.9): recorded, and the mediation it starts. */
    public Event mediateScripted(Act act) {
        return mediation.scripted(act);
    }

    public ThirdParties thirdParties() {
        return thirdParties;
    }

    public Mediation mediation() {
        return mediation;
    }

    /** Today is {@code day}, not yet ended: reads include the decay of the days before it. */
    public void setDay(int day) {
        this.day = day;
        this.settledThrough = day - 1;
    }

    /** Today, {@code day}, has ended: reads include its decay and mediation (observers, the end of a run). */
    public void endDay(int day) {
        this.day = day;
        this.settledThrough = day;
    }

    /** Brings every pair's stored values up to the days that have ended (the end of a run). */
    public void settle() {
        relations.settle(settledThrough);
    }

    /**
     * Grievance of {@code country} against the other side of {@code d} as it stands now,
     * including the decay of the days since the pair last changed (docs/MODEL.md 3.3). Reading
     * changes nothing.
     */
    public double grievance(Dyad d, int country) {
        int s = d.side(country);
        return d.grievance[s] * relations.grievanceFactor(d, s, d.decayedThrough, settledThrough);
    }

    /**
     * The factor by which the grievance of {@code country} against the other side of {@code d}
     * shrinks over the end of {@code day} (decay and mediation).
     */
    public double dailyFactor(Dyad d, int country, int day) {
        return relations.grievanceFactor(d, d.side(country), day - 1, day);
    }

    // ----- read access for observers ----------------------------------------------------

    public int day() {
        return day;
    }

    public List<Country> countries() {
        return Collections.unmodifiableList(countries);
    }

    public List<Dyad> touchedDyads() {
        return Collections.unmodifiableList(relations.touched);
    }

    /**
     * Whether the event {@code id} belongs to a crisis that started with a grave act: the root of
     * its cause chain breaks a norm, interferes in a government's affairs or disputes the target's
     * territory, a border incident included (section 3.5, a rupture answers a grave act). False for
     * {@link Event#NONE}.
     */
    boolean grave(int id) {
        if (id == Event.NONE) {
            return false;
        }
        Event root = event(event(id).root());
        return root.normBreaking() || root.interference() || root.territorial();
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    /** The event of this id (ids count from 1 in the order events were recorded). */
    Event event(int id) {
        return events.get(id - 1);
    }

    public int lastEventDay() {
        return lastEventDay;
    }

    public int severedNow() {
        return levels.severedNow;
    }

    public int severedPeak() {
        return levels.severedPeak;
    }

    public double totalConflict() {
        return totalConflict;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Countries that condemned / supported {@code country}, distinct, so far. */
    public int condemners(int country) {
        return thirdParties.condemners(country);
    }

    public int supporters(int country) {
        return thirdParties.supporters(country);
    }
}
