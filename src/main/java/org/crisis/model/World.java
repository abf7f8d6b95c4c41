package org.crisis.model;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All state of one run's world: countries, the relations touched so far, the event log,
 * and the rules that apply events to them (docs/MODEL.md, sections 1 to 6). Randomness comes
 * only from the generator handed in, the run's own.
 */
public final class World {
    final Parameters parameters;
    final MersenneTwisterFast random;
    final List<Country> countries = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, Integer> blocIndex = new HashMap<>();
    private final Map<Long, Dyad> dyads = new HashMap<>();
    /** Dyads ever touched, in the order they were touched (deterministic). */
    final List<Dyad> touched = new ArrayList<>();
    /**
     * Dyads with business, the only ones the daily phases visit, so a day costs in
     * proportion to them and not to all pairs. A dyad leaves when its business ends and
     * catches up on the decay it missed when it comes back.
     */
    private final ArrayList<Dyad> active = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    /** Events of today that third parties react to (MODEL 5). */
    final List<Event> salient = new ArrayList<>();
    final Decision decision;
    final ThirdParties thirdParties;
    int day;
    int lastEventDay = Integer.MIN_VALUE / 2;
    int severedNow;
    int severedPeak;
    double totalConflict;

    // parameters read on the hot path
    final int memory;
    final double businessFloor;
    private final double gain;
    private final double coopGain;
    private final double amplifier;
    private final double decay;
    private final double aIdeo;
    private final double aBloc;
    private final double aLevel;
    private final double turnover;
    private final double continuity;
    private final double stanceWeight;
    private final double stanceGain;
    private final double inKindDiscount;
    private final double socialWeight;

    public World(Parameters parameters, MersenneTwisterFast random) {
        this.parameters = parameters;
        this.random = random;
        this.memory = (int) parameters.get(Parameter.MEMORY);
        this.businessFloor = parameters.get(Parameter.BUSINESS_FLOOR);
        this.gain = parameters.get(Parameter.GRIEVANCE_GAIN);
        this.coopGain = parameters.get(Parameter.COOPERATION_GAIN);
        this.amplifier = parameters.get(Parameter.IDEOLOGY_AMPLIFIER);
        this.decay = parameters.get(Parameter.GRIEVANCE_DECAY);
        this.aIdeo = parameters.get(Parameter.AFFINITY_IDEOLOGY);
        this.aBloc = parameters.get(Parameter.AFFINITY_BLOC);
        this.aLevel = parameters.get(Parameter.AFFINITY_LEVEL);
        this.turnover = parameters.get(Parameter.TURNOVER_DISCOUNT);
        this.continuity = parameters.get(Parameter.CONTINUITY_SHIFT);
        this.stanceWeight = parameters.get(Parameter.STANCE_WEIGHT);
        this.stanceGain = parameters.get(Parameter.STANCE_GAIN);
        this.inKindDiscount = parameters.get(Parameter.IN_KIND_DISCOUNT);
        this.socialWeight = parameters.get(Parameter.SOCIAL_AXIS_WEIGHT);
        this.decision = new Decision(this);
        this.thirdParties = new ThirdParties(this);
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

    /** Sets a pair's initial state; both sides' postures stand at the rung the level implies. */
    public void setRelation(int i, int j, Level level, double grievanceIJ, double grievanceJI, double tradeIJ,
            double tradeJI) {
        Dyad d = new Dyad(Math.min(i, j), Math.max(i, j), level.ordinal());
        register(d);
        int si = d.side(i);
        d.grievance[si] = grievanceIJ;
        d.grievance[1 - si] = grievanceJI;
        d.trade[si] = tradeIJ;
        d.trade[1 - si] = tradeJI;
        int rung = level.impliedRung();
        for (int s = 0; s < 2; s++) {
            d.posture[s] = rung;
        }
        if (level == Level.SEVERED) {
            severedNow++;
            severedPeak = Math.max(severedPeak, severedNow);
        }
    }

    private void register(Dyad d) {
        refresh(d);
        d.decayedThrough = day - 1;
        dyads.put(key(d.a, d.b), d);
        touched.add(d);
        countries.get(d.a).dyads.add(d);
        countries.get(d.b).dyads.add(d);
        activate(d);
    }

    /** Brings a dyad into the active set, applying the decay it missed while out of it. */
    void activate(Dyad d) {
        if (d.active) {
            return;
        }
        catchUp(d);
        d.active = true;
        d.indexInActive = active.size();
        active.add(d);
        countries.get(d.a).active.add(d);
        countries.get(d.b).active.add(d);
    }

    /** Applies to an inactive dyad the daily decay of the days it spent out of the active set. */
    private void catchUp(Dyad d) {
        int missed = day - 1 - d.decayedThrough;
        if (!d.active && missed > 0) {
            double keep = Math.pow(1 - decay, missed);
            d.grievance[0] *= keep;
            d.grievance[1] *= keep;
            d.condemnation[0] *= keep;
            d.condemnation[1] *= keep;
            d.decayedThrough = day - 1;
        }
    }

    private void deactivate(Dyad d) {
        d.active = false;
        Dyad last = active.remove(active.size() - 1);
        if (last != d) {
            active.set(d.indexInActive, last);
            last.indexInActive = d.indexInActive;
        }
        d.indexInActive = -1;
        countries.get(d.a).active.remove(d);
        countries.get(d.b).active.remove(d);
    }

    /** Keeps a dyad in the active set for the whole run (observers read it every day). */
    public void pin(Dyad d) {
        d.pinned = true;
        activate(d);
    }

    private long key(int i, int j) {
        return i < j ? (long) i * countries.size() + j : (long) j * countries.size() + i;
    }

    /** The pair's relation, created at NORMAL with no grievance or trade if never touched. */
    public Dyad dyad(int i, int j) {
        Dyad d = dyads.get(key(i, j));
        if (d == null) {
            d = new Dyad(Math.min(i, j), Math.max(i, j), Level.NORMAL.ordinal());
            register(d);
        }
        return d;
    }

    /** The pair's relation if it was ever touched, else null (read-only look-ups). */
    public Dyad existing(int i, int j) {
        return dyads.get(key(i, j));
    }

    public int indexOf(String id) {
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    // ----- derived quantities (MODEL 1) -------------------------------------------------

    /**
     * Ideological distance scaled to [0, 1]: a weighted Euclidean distance in which the
     * social axis counts {@code w_s} and the economic (left-right) axis {@code 1 − w_s}.
     */
    public double distance(int i, int j) {
        Country x = countries.get(i);
        Country y = countries.get(j);
        return distance(x.economic - y.economic, x.social - y.social);
    }

    private double distance(double de, double ds) {
        return Math.sqrt((1 - socialWeight) * de * de + socialWeight * ds * ds) / 2;
    }

    /** Shared blocs, saturating at two: 0, 0.5 or 1. */
    double sharedBlocs(int i, int j) {
        long[] x = countries.get(i).blocs;
        long[] y = countries.get(j).blocs;
        int shared = Long.bitCount(x[0] & y[0]) + Long.bitCount(x[1] & y[1]);
        return Math.min(shared, 2) / 2.0;
    }

    boolean shareBloc(int i, int j) {
        long[] x = countries.get(i).blocs;
        long[] y = countries.get(j).blocs;
        return (x[0] & y[0]) != 0 || (x[1] & y[1]) != 0;
    }

    /** Affinity A(i,j) in [-1, 1] (docs/MODEL.md, "Affinity"). */
    public double affinity(int i, int j) {
        Dyad d = existing(i, j);
        return d == null ? affinity(distance(i, j), sharedBlocs(i, j), Level.NORMAL.ordinal()) : affinity(d);
    }

    /** Affinity of a pair with a relation: structure, level, and the stance its statements built. */
    double affinity(Dyad d) {
        double a = affinity(d.distance, d.sharedBlocs, d.level) + stanceWeight * d.stance;
        return a > 1 ? 1 : a < -1 ? -1 : a;
    }

    /**
     * A statement of {@code speaker} about {@code target} moves their stance a share
     * {@code stanceGain} of the way to +1 (support) or -1 (condemnation).
     */
    void takeStance(int speaker, int target, boolean support) {
        Dyad d = dyad(speaker, target);
        d.stance += stanceGain * ((support ? 1 : -1) - d.stance);
    }

    private void refresh(Dyad d) {
        d.distance = distance(d.a, d.b);
        d.sharedBlocs = sharedBlocs(d.a, d.b);
    }

    double affinity(double distance, double shared, int level) {
        double raw = aIdeo * (1 - distance) + aBloc * shared + aLevel * (level - 2) / 2.0;
        double lo = -aLevel;
        double hi = aIdeo + aBloc + aLevel;
        return hi > lo ? 2 * (raw - lo) / (hi - lo) - 1 : 0;
    }

    // ----- events (MODEL 2, 3, 6) ----------------------------------------------------

    /** Records an event and applies its effects; returns it. */
    public Event act(int actor, int target, EventType type, double gamma, double severity, boolean interference,
            boolean normBreaking, int cause, int about, String label) {
        int id = events.size() + 1;
        int root = cause == Event.NONE ? id : events.get(cause - 1).root();
        Event e = new Event(id, day, actor, target, type, gamma, severity, interference, normBreaking, cause, about,
                label, root);
        events.add(e);
        lastEventDay = day;
        if (gamma < 0) {
            totalConflict += gamma;
        }
        if (type.changesGovernment()) {
            changeGovernment(e);
        }
        if (e.bilateral()) {
            applyBilateral(e);
        }
        if (type.kind() == EventType.Kind.DOMESTIC ? type != EventType.ELECTION
                : (type.kind() == EventType.Kind.TRIGGER && Math.abs(gamma) >= thirdParties.salience)
                        || type == EventType.SEVER_RELATIONS || normBreaking) {
            salient.add(e);
        }
        return e;
    }

    /** An act with its type's own weight and flags. */
    public Event act(int actor, int target, EventType type, int cause) {
        return act(actor, target, type, type.gamma(), 1.0, type.interference(), type.normBreaking(), cause,
                Event.NONE, "");
    }

    private void applyBilateral(Event e) {
        Dyad d = dyad(e.actor(), e.target());
        activate(d);
        int sa = d.side(e.actor());
        int st = 1 - sa;
        d.lastEventDay = day;
        if (e.type() == EventType.INTERFERENCE_STATEMENT) {
            takeStance(e.actor(), e.target(), false); // a leader disputing a government is on the record
        }
        if (e.hostile()) {
            d.hostileEvents++;
            perceiveHostile(d, st, e);
        } else if (e.cooperative()) {
            d.cooperativeEvents++;
            d.grievance[st] = Math.max(0, d.grievance[st] - coopGain * e.gamma() / 10);
        }
        int rung = e.type().rung();
        if (rung > 0) {
            // reciprocity answers a raise of the stakes, not an answer in kind (section 3.5)
            if (rung > Decision.standing(d, st)) {
                d.lastEscalation[sa] = day;
            }
            d.posture[sa] = rung;
            d.postureOwnGovernment[sa] = countries.get(e.actor()).government;
            d.postureOtherGovernment[sa] = countries.get(e.target()).government;
        }
        int before = d.level;
        boolean full = d.grievance[0] < restoreThreshold() / 2 && d.grievance[1] < restoreThreshold() / 2;
        int after = e.type().levelAfter(Level.of(before), full).ordinal();
        if (after != before) {
            setLevel(d, after);
        }
    }

    /**
     * The saturating grievance update of MODEL 3 for side {@code s} of {@code d}. A move on
     * the ladder that only answers in kind (no higher than the victim's own posture towards
     * the actor) was expected and is felt at {@code 1 − φ} of its weight.
     */
    void perceiveHostile(Dyad d, int s, Event e) {
        int victim = s == 0 ? d.a : d.b;
        int rung = e.type().rung();
        boolean expected = rung > 0 && d.posture[s] >= rung || answersOwnBreach(e, victim);
        aggrieve(d, s, (expected ? 1 - inKindDiscount : 1) * felt(countries.get(victim), e, d.distance, e.interference()), e.id());
    }

    /**
     * Whether {@code e} answers a norm-breaking act of {@code victim} without disputing its
     * government's legitimacy: censure the breaker expected when it chose to break the norm.
     */
    private boolean answersOwnBreach(Event e, int victim) {
        if (e.cause() == Event.NONE || e.interference()) {
            return false;
        }
        Event cause = events.get(e.cause() - 1);
        return cause.normBreaking() && cause.actor() == victim;
    }

    /**
     * How hard {@code k} feels a breach {@code e} of another state's sovereign rights, as if
     * done to itself: MODEL 3's Δ with the sovereignty term on, since what the breach touches
     * is the rights {@code k} holds too.
     */
    double feltAsBreach(int k, Event e) {
        return felt(countries.get(k), e, distance(k, e.actor()), true);
    }

    /** The saturating update of {@code k}'s grievance against {@code j}. */
    void aggrieve(int k, int j, double delta, int cause) {
        Dyad d = dyad(k, j);
        aggrieve(d, d.side(k), delta, cause);
    }

    /**
     * Δ of MODEL 3: how hard {@code victim}, at distance {@code distance} from the actor, feels
     * {@code e}; the sovereignty term is on when the act touches what the victim holds sovereign.
     */
    private double felt(Country victim, Event e, double distance, boolean touchesSovereignty) {
        return gain * Math.abs(e.gamma()) / 10 * e.severity()
                * (1 + (touchesSovereignty ? victim.sovereignty : 0))
                * (1 + amplifier * distance);
    }

    /** {@code G ← 1 − (1 − G)·exp(−Δ)}: bounded in [0, 1] however many blows land. */
    void aggrieve(Dyad d, int s, double delta, int cause) {
        activate(d);
        d.grievance[s] = 1 - (1 - d.grievance[s]) * Math.exp(-delta);
        d.grievanceCause[s] = cause;
    }

    void setLevel(Dyad d, int level) {
        if (d.level == Level.SEVERED.ordinal()) {
            severedNow--;
        }
        if (level == Level.SEVERED.ordinal()) {
            severedNow++;
            severedPeak = Math.max(severedPeak, severedNow);
        }
        d.level = level;
        d.lowestLevel = Math.min(d.lowestLevel, level);
        for (int l = level; l < d.firstAtOrBelow.length && d.firstAtOrBelow[l] < 0; l++) {
            d.firstAtOrBelow[l] = day;
        }
        if (level <= Level.DOWNGRADED.ordinal()) {
            d.wasLow = true;
            if (d.firstDowngraded < 0) {
                d.firstDowngraded = day;
            }
            if (level == Level.SEVERED.ordinal() && d.firstSevered < 0) {
                d.firstSevered = day;
            }
        } else if (d.wasLow && d.restoredDay < 0) {
            d.restoredDay = day;
        }
        // relations move up: both sides' postures fall to what the new level allows
        if (level >= Level.NORMAL.ordinal()) {
            capPostures(d, Ladder.SUMMON);
        } else if (level == Level.DOWNGRADED.ordinal()) {
            capPostures(d, Ladder.EXPEL);
        }
    }

    private void capPostures(Dyad d, int cap) {
        for (int s = 0; s < 2; s++) {
            if (d.posture[s] > cap) {
                d.posture[s] = cap;
            }
        }
    }

    double restoreThreshold() {
        return decision.restoreThreshold;
    }

    /**
     * A new government (MODEL 6): new traits; unless its outlook is within the continuity
     * shift of its predecessor's, it is a new government that discounts the old grievances
     * and is not bound by its predecessor's commitments.
     */
    private void changeGovernment(Event e) {
        Country c = countries.get(e.actor());
        GovernmentChange change = pendingChange;
        pendingChange = null;
        double economic = change == null || Double.isNaN(change.economic) ? c.economic : change.economic;
        double social = change == null || Double.isNaN(change.social) ? c.social : change.social;
        double shift = distance(economic - c.economic, social - c.social);
        c.economic = economic;
        c.social = social;
        if (change != null) {
            c.sovereignty = orElse(change.sovereignty, c.sovereignty);
            c.domesticPressure = orElse(change.domesticPressure, c.domesticPressure);
            c.hawkishness = orElse(change.hawkishness, c.hawkishness);
            c.normAdherence = orElse(change.normAdherence, c.normAdherence);
        }
        for (Dyad d : c.dyads) {
            refresh(d);
        }
        if (e.type() == EventType.COUP || shift >= continuity) {
            c.government++;
            for (Dyad d : c.dyads) {
                catchUp(d);
                d.grievance[d.side(c.index)] *= 1 - turnover;
                d.stance *= 1 - turnover;
            }
        }
    }

    private static double orElse(double value, double otherwise) {
        return Double.isNaN(value) ? otherwise : value;
    }

    /** Traits a new government brings; NaN keeps the old value. */
    public record GovernmentChange(double economic, double social, double sovereignty, double domesticPressure,
            double hawkishness, double normAdherence) {}

    private GovernmentChange pendingChange;

    /** An exogenous ELECTION or COUP with the new government's traits. */
    public Event changeGovernment(int actor, EventType type, GovernmentChange change, String label) {
        pendingChange = change;
        return act(actor, Event.NONE, type, type.gamma(), 1.0, false, type.normBreaking(), Event.NONE, Event.NONE,
                label);
    }

    // ----- daily phases ---------------------------------------------------------------

    /** Grievance and condemnation fade (MODEL 3); dyads whose business has ended leave the active set. */
    public void decay() {
        double keep = 1 - decay;
        for (int k = active.size() - 1; k >= 0; k--) {
            Dyad d = active.get(k);
            d.grievance[0] *= keep;
            d.grievance[1] *= keep;
            d.condemnation[0] *= keep;
            d.condemnation[1] *= keep;
            d.decayedThrough = day;
            if (!d.pinned && !d.hasBusiness(day + 1, memory, businessFloor)) {
                deactivate(d);
            }
        }
    }

    /** Dyads in the active set now. */
    public int activeDyads() {
        return active.size();
    }

    /**
     * A scripted MEDIATE names one target: the mediation covers that country's worst
     * relation, the one with the highest grievance on either side (ties: the lower level).
     */
    public void mediateScripted(int mediator, int target, Event offer) {
        Dyad worst = null;
        double worstGrievance = -1;
        for (Dyad d : countries.get(target).dyads) {
            if (d.other(target) == mediator) {
                continue;
            }
            double g = Math.max(d.grievance[0], d.grievance[1]) + (Level.NORMAL.ordinal() - Math.min(d.level, 2));
            if (g > worstGrievance) {
                worstGrievance = g;
                worst = d;
            }
        }
        if (worst != null) {
            double credibility = Math.max(0.1, Math.min(affinity(mediator, worst.a), affinity(mediator, worst.b)));
            thirdParties.startMediation(worst, credibility, offer.id());
        }
    }

    /** Third parties react to today's salient events; mediations work (MODEL 5). */
    public void reactAndMediate() {
        thirdParties.react();
        thirdParties.mediate();
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
        return Collections.unmodifiableList(touched);
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    public int lastEventDay() {
        return lastEventDay;
    }

    public int severedNow() {
        return severedNow;
    }

    public int severedPeak() {
        return severedPeak;
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
