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

    /** Adds a country; returns its index. */
    public int addCountry(String id, double economic, double social, double sovereignty, double pressure,
            double hawkishness, double normAdherence, List<String> blocs) {
        int index = countries.size();
        long[] mask = new long[2];
        for (String bloc : blocs) {
            int b = blocIndex.computeIfAbsent(bloc, k -> blocIndex.size());
            if (b >= 128) {
                throw new IllegalArgumentException("at most 128 distinct blocs are supported");
            }
            mask[b >> 6] |= 1L << (b & 63);
        }
        countries.add(new Country(this, index, id, economic, social, sovereignty, pressure, hawkishness,
                normAdherence, mask));
        byId.put(id, index);
        return index;
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
        levels.start(d, level.ordinal());
        int si = d.side(i);
        d.grievance[si] = grievanceIJ;
        d.grievance[1 - si] = grievanceJI;
        d.trade[si] = tradeIJ;
        d.trade[1 - si] = tradeJI;
        for (int s = 0; s < 2; s++) {
            Country c = countries.get(s == 0 ? d.a : d.b);
            int justified = Ladder.justifiedRung(parameters, d.grievance[s], c.domesticPressure, c.hawkishness);
            d.posture[s] = Math.max(level.impliedRung(), Math.min(justified, level.holdsUpTo()));
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

    /** Keeps a dyad in the active set for the whole run (observers read it every day). */
    public void pin(Dyad d) {
        d.pinned = true;
        relations.activate(d);
    }

    void activate(Dyad d) {
        relations.activate(d);
    }

    public int indexOf(String id) {
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    // ----- events (sections 3.1, 3.3, 3.7) ---------------------------------------------

    /** Records an act as an event and applies its effects; returns the event. */
    public Event act(Act a) {
        return record(a, null);
    }

    /** An act with its type's own weight and flags. */
    public Event act(int actor, int target, EventType type, int cause) {
        return act(Act.of(actor, target, type, cause));
    }

    /** An exogenous ELECTION or COUP with the new government's traits. */
    public Event changeGovernment(int actor, EventType type, GovernmentChange change, String label) {
        if (!type.changesGovernment()) {
            throw new IllegalArgumentException(type + " does not change a government");
        }
        return record(new Act(actor, Event.NONE, type, type.gamma(), 1.0, false, type.normBreaking(), Event.NONE,
                Event.NONE, label), change);
    }

    private Event record(Act a, GovernmentChange change) {
        int id = events.size() + 1;
        int root = a.cause() == Event.NONE ? id : events.get(a.cause() - 1).root();
        Event e = new Event(id, day, a.actor(), a.target(), a.type(), a.gamma(), a.severity(), a.interference(),
                a.normBreaking(), a.cause(), a.about(), a.label(), root);
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
            salient.add(e);
        }
        for (int k = 0; k < listeners.size(); k++) {
            listeners.get(k).eventRecorded(e, onPair);
        }
        return e;
    }

    private Dyad applyBilateral(Event e) {
        Dyad d = dyad(e.actor(), e.target());
        relations.activate(d);
        int sa = d.side(e.actor());
        d.lastEventDay = day;
        if (e.type() == EventType.INTERFERENCE_STATEMENT) {
            affinity.takeStance(e.actor(), e.target(), false); // a leader disputing a government is on the record
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

    // ----- daily phases (section 1.3) ------------------------------------------------------

    /** Grievance and condemnation fade (section 3.3); dyads whose business has ended leave the active set. */
    public void decay() {
        relations.decay();
    }

    /** Third parties react to today's salient events (3.8); mediations work (3.9). */
    public void reactAndMediate() {
        thirdParties.react();
        mediation.work();
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

    /** Dyads in the active set now. */
    public int activeDyads() {
        return relations.activeCount();
    }

    public void setDay(int day) {
        this.day = day;
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

    public List<Event> events() {
        return Collections.unmodifiableList(events);
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
