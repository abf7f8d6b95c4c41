package org.crisis.model;

import java.util.List;

/**
 * The relation between two countries {@code a < b}: the symmetric level and, per
 * direction (index 0 is a's view of b, 1 is b's view of a), grievance, trade dependence
 * and posture on the escalation ladder. Created only when a pair is first touched, so
 * untouched pairs cost nothing. What a run measures about the pair is kept by observers.
 */
public final class Dyad {
    /** Order in which the pair was first touched in its run: 0, 1, 2, ... */
    final int id;
    final int a;
    final int b;
    int level;
    /** Whether both sides are major powers, which keep a channel open (section 3.5). */
    final boolean majorPowers;
    /**
     * The side that is no major power facing one, which defers to it (section 3.5): 0 (a), 1 (b),
     * or -1 when both or neither are major powers.
     */
    final int weakerSide;
    final double[] grievance = new double[2];
    final double[] trade = new double[2];
    /** Rung of each side's last act towards the other. */
    final int[] posture = new int[2];
    /** Governments of the side and of the other when the side took its posture. */
    final int[] postureOwnGovernment = new int[2];
    final int[] postureOtherGovernment = new int[2];
    /** Day each side took its posture, or the pair was listed with it: under faceHalfLife its face fades from then. */
    final int[] postureDay = new int[2];
    /**
     * Day each side's grievance against the other last rose, or far in the past (a listed
     * grievance is standing): a side escalates only within memory of it (section 3.5).
     */
    final int[] lastAggrieved = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * Day each side last stepped down towards the other (a dialogue of its own, or a restoration,
     * which both governments agreed; decided or scripted), or far in the past: a step down closes
     * the rises of grievance of the days before it, so the side climbs again only on a rise of
     * that day or later (section 3.5). It is the state's, and outlasts a change of government.
     */
    final int[] lastStepDown = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * The last day each side's grievance rose from a grave act: one whose cause chain starts at a
     * breach, an interference or a territorial act, a border incident included (3.5).
     */
    final int[] lastGraveAggrieved = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * Under the {@code armedExchange} option: the day each side last did an armed act against the
     * other, and the day its grievance last rose from an armed act of the other, kept apart from
     * {@link #lastAggrieved}; far in the past otherwise. Force answers force (section 3.5): an armed
     * act closes the rises before it, and a rise from the other's force while the side's own forces
     * are engaged opens no climb.
     */
    final int[] lastArmed = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    final int[] lastArmedRise = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * The day of the other side's latest exogenous hostile act (scripted trigger) against each
     * side, and the latest day before that one, or far in the past. A trigger within memory of an
     * earlier day's is part of a campaign (3.3, campaignGain); reciprocity in kind (3.5,
     * triggerReciprocity) counts the acts while the latest is within memory.
     */
    final int[] lastTrigger = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    final int[] priorTrigger = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * The weight |γ|·severity/10 of the heaviest of the run of triggers against each side that
     * ends with the latest, each within memory of the one before (triggerReciprocity, 3.5).
     */
    final double[] triggerWeight = new double[2];
    /** Day each side last escalated against the other (reciprocity), or far in the past. */
    final int[] lastEscalation = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * Day each side last broke a norm against the other (a raid on its embassy, say), or far
     * in the past: the other side answering it within memory pays no norm cost (section 3.5).
     */
    final int[] lastBreach = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * Day each side last made a cooperative gesture to the other other than a restoration itself
     * (dialogue, a statement of support, a scripted gesture), or far in the past: an occasion to
     * restore relations (section 3.5); under reciprocalGesture both must lie within memory.
     */
    final int[] lastGestureBy = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * Day each side's grievance last rose from a hostile act of the other against it, read as
     * its target (not as an observer of an act against a third state), or far in the past: under
     * borrowedQuarrelOnly a side injured itself within memory is not held to a victim's rung (3.5).
     */
    final int[] lastOwnInjury = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /**
     * The day of the pair's first change of standing today, and each side's standing before it:
     * a third party reads the victim's standing as of the start of the day (followVictim, 3.5),
     * so the day's decisions do not depend on the order in which pairs decide.
     */
    int standingDay = Integer.MIN_VALUE;
    final int[] standingBefore = new int[2];
    /**
     * Weight |γ|·severity/10 of the heaviest injury the other side did each side in the present
     * dispute: an exogenous hostile act of the other that took the pair below NORMAL (the root of
     * the act that did) or came while it stood there; cleared when the pair is back at NORMAL or
     * above. It raises the bar for a restoration (section 3.5) and is the state's, not its
     * government's.
     */
    final double[] injury = new double[2];
    /**
     * The exogenous hostile acts between the two (scripted triggers with γ < 0), in order, kept
     * under the {@code inKindTriggers} option only: an answer in kind to one is expected (3.3).
     * Null until the first.
     */
    List<Event> triggers;
    /**
     * Under {@code lastingActs}: what acts of one side against the other that last have done (a
     * scripted trigger's {@code lastsUntil}, 3.5); null until the first, so that the decay, the
     * sampling and the business of every other pair take their plain path.
     */
    Lasting lasting;
    /** Day each side's injury was done: with injuryFading it fades from then on. */
    final int[] injuryDay = new int[2];
    /**
     * The day a recall took the pair from NORMAL or above to DOWNGRADED, while no expulsion,
     * rupture or sanction has followed it; far in the past otherwise. Under {@code recallLapse} such a
     * recall is for consultations and lapses (section 3.5).
     */
    int recallDay = NO_RECALL;
    /** {@link #recallDay} when no recall for consultations stands. */
    static final int NO_RECALL = Integer.MIN_VALUE / 2;
    /**
     * The rung each side declared, before an act of the other against it, that it answers such an
     * act with (a scripted trigger's declared answer, or the expulsion an envoy's own act owes), the
     * last day the declaration binds (the act's day plus memory; {@link Ladder#NONE} and far in the
     * past when none was made), and the share of the audience costs that holding short of it costs:
     * 1 for a declaration, a_env for an envoy's act (3.5).
     */
    final int[] declaredRung = new int[2];
    final int[] declaredUntil = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    final double[] declaredWeight = new double[2];
    /** Governments of a and b when the level was last set: a later change is an occasion to restore (section 3.5). */
    final int[] levelGovernment = new int[2];
    /** The pair's ideological distance when its level was last set (alignedOccasion, section 3.5). */
    double levelDistance;
    /**
     * The pair's level when it was listed or first touched, and, for a listed pair, the
     * governments then: under {@code standingLevel} relations are restored above that level only
     * after a change of government since (section 3.5). A pair first touched in a run starts at
     * {@code NORMAL}, above which nothing is restored, so its governments are never read.
     */
    int startLevel;
    final int[] startGovernment = new int[2];
    /** Id of the latest event each side would be answering, for causes. */
    final int[] grievanceCause = {Event.NONE, Event.NONE};
    /** Decaying count of third-party condemnations of each side's acts against the other. */
    final double[] condemnation = new double[2];
    /** Ideological distance and shared blocs of the two, cached; refreshed when a government changes. */
    double distance;
    double sharedBlocs;
    /**
     * What the two governments' statements about each other have built, in [-1, 1]: support
     * moves it up, condemnation down; part of the affinity, discounted by a new government.
     */
    double stance;
    int lastEventDay = Integer.MIN_VALUE / 2;
    /**
     * Day of the last hostile act between the two (a trigger or a ladder response, not a third
     * party's statement), or far in the past: a scripted mediation works on a live dispute (3.9).
     */
    int lastHostileAct = Integer.MIN_VALUE / 2;
    /**
     * Grievance and condemnation are stored as of the end of this day: the daily decay and
     * mediation of the days after it are owed, and applied when the pair is next read
     * ({@link Relations#catchUp}).
     */
    int decayedThrough = -1;
    /** Counts changes of the stored state (a touch, a catch-up), for observers that cache what they read. */
    int stamp;
    int mediationUntil = Integer.MIN_VALUE / 2;
    double mediationCredibility;
    int mediationEvent = Event.NONE;

    // ----- sampling of the two sides' decisions (docs/MODEL.md 3.11) ----------------------
    /** Touched since its sides were last sampled. */
    boolean dirty;
    /** Each side's sampling state and entry on the schedule, from its first sampling on. */
    Sampler.Turn[] turns;

    Dyad(int id, int a, int b, int level, boolean aMajor, boolean bMajor) {
        this.id = id;
        this.a = a;
        this.b = b;
        this.level = level;
        this.startLevel = level;
        this.majorPowers = aMajor && bMajor;
        this.weakerSide = aMajor == bMajor ? -1 : aMajor ? 1 : 0;
    }

    int side(int country) {
        return country == a ? 0 : 1;
    }

    int other(int country) {
        return country == a ? b : a;
    }

    /** Side {@code s}'s injury on {@code day}: as done, faded by {@code 1 − fading} a day since (3.5). */
    double injuryOn(int s, int day, double fading) {
        return faded(injury[s], injuryDay[s], day, fading);
    }

    /** An injury of weight {@code x} done on day {@code done}, as it stands on {@code day}. */
    static double faded(double x, int done, int day, double fading) {
        return x == 0 || fading == 0 ? x : x * Math.pow(1 - fading, day - done);
    }

    boolean mediated(int day) {
        return day < mediationUntil;
    }

    /** Business (docs/MODEL.md 3.4) on {@code day}, with the grievances as they stand. */
    boolean hasBusiness(int day, int memory, double floor) {
        return hasBusiness(day, memory, floor, grievance[0], grievance[1]);
    }

    /**
     * Business on {@code day} with grievances {@code g0}, {@code g1}; an act that lasts keeps it
     * until {@code memory} days after its end, while its target may climb (lastingActs, 3.5).
     */
    boolean hasBusiness(int day, int memory, double floor, double g0, double g1) {
        return g0 > floor || g1 > floor || day - lastEventDay <= memory
                || day < mediationUntil || level < Level.NORMAL.ordinal()
                || lasting != null && day - Math.max(lasting.until[0], lasting.until[1]) <= memory;
    }

    /** Whether the two sides' grievances fade alike, no act of one lasting against the other apart (lastingActs, 3.5). */
    public boolean fadeAlike() {
        return lasting == null || lasting.from[0] == lasting.from[1] && lasting.until[0] == lasting.until[1];
    }

    /** Order in which the pair was first touched in its run (0, 1, 2, ...): an index for observers. */
    public int id() {
        return id;
    }

    public int a() {
        return a;
    }

    public int b() {
        return b;
    }

    public Level level() {
        return Level.of(level);
    }

    /**
     * Grievance of {@code country} against the other side, as stored: current once the run
     * has ended; during a run, {@link World#grievance(Dyad, int)} gives today's value.
     */
    public double grievanceOf(int country) {
        return grievance[side(country)];
    }

    public double grievanceA() {
        return grievance[0];
    }

    public double grievanceB() {
        return grievance[1];
    }

    /** Changes with every change of the pair's stored state: an observer that cached a read may reuse it while it holds. */
    public int stamp() {
        return stamp;
    }

    public int posture(int country) {
        return posture[side(country)];
    }

    /** Keeps both sides' standings as they were at the start of {@code day}, before its first change. */
    void noteStanding(int day) {
        if (standingDay != day) {
            standingDay = day;
            standingBefore[0] = Decision.standing(this, 0);
            standingBefore[1] = Decision.standing(this, 1);
        }
    }

    /** Side {@code s}'s standing at the start of {@code day}. */
    int standingAtStart(int s, int day) {
        return standingDay == day ? standingBefore[s] : Decision.standing(this, s);
    }

    /** Whether either side's government has changed since the pair was listed (standingLevel, section 3.5). */
    boolean governmentsChangedSinceStart(int governmentA, int governmentB) {
        return governmentA != startGovernment[0] || governmentB != startGovernment[1];
    }

    /** Day of the pair's last cooperative gesture, by either side. */
    int lastGesture() {
        return Math.max(lastGestureBy[0], lastGestureBy[1]);
    }
}
