package org.crisis.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The regional network (docs/MODEL.md 3.8): observers take sides on salient
 * events, norm-breaking acts and domestic crises aggrieve them, and friends of both sides
 * mediate ({@link Mediation}). Each observer speaks at most once per crisis, and statements draw no statements.
 */
public final class ThirdParties {
    private final World w;
    final double salience;
    private final boolean enabled;
    private final boolean mediationOn;
    private final double attention;
    private final double lambda;
    private final double bs;
    private final double sideThreshold;
    private final double bn;
    private final double observerGain;
    private final double oustedFriends;
    private final double solidarity;
    private final double clause;
    private final double statementGravity;
    private final boolean breachOnceADay;
    /**
     * Under {@code breachOnceADay}: what each observer has read today of each actor's breaches,
     * by actor ({@code null} until the actor breaks a norm); the actors read today are listed in
     * {@link #readActors} so the day's readings can be cleared.
     */
    private double[][] readToday;
    private int[] readActors = new int[4];
    private int readActorCount;
    /**
     * Who has spoken on what (docs/MODEL.md 3.8, damping). An observer speaks at most once per cause
     * chain (everything that descends from one exogenous event), so a rupture provoked by a
     * condemnation does not draw the region in again; and at most once per pair, so a second
     * trigger in the same dispute does not either, unless it breaks a norm, which observers
     * judge on its own.
     */
    private final LongSet spokenOnChain = new LongSet();
    private final LongSet spokenOnPair = new LongSet();
    private final List<Event> today = new ArrayList<>();
    /** Who spoke on the event at hand, as index + 1, negated for the side of the actor. */
    private int[] speakers = new int[16];
    private int speakerCount;
    /** The speakers' blocs (the two words of {@link Country#blocs}), by their place in {@link #speakers}. */
    private long[] blocs0 = new long[0];
    private long[] blocs1 = new long[0];
    private long[][] condemnedBy;
    private long[][] supportedBy;

    private static final Comparator<Event> GRAVEST_FIRST = Comparator
            .comparing((Event e) -> !e.normBreaking())
            .thenComparingDouble(e -> -Math.abs(e.gamma()) * e.severity());

    ThirdParties(World w) {
        this.w = w;
        Parameters p = w.parameters;
        salience = p.get(Parameter.SALIENCE);
        enabled = p.on(Parameter.THIRD_PARTIES);
        mediationOn = p.on(Parameter.MEDIATION);
        attention = p.get(Parameter.ATTENTION);
        lambda = p.get(Parameter.RATIONALITY);
        bs = p.get(Parameter.SIDE_WEIGHT);
        sideThreshold = p.get(Parameter.SIDE_THRESHOLD);
        bn = p.get(Parameter.NORM_WEIGHT);
        observerGain = p.get(Parameter.OBSERVER_GAIN);
        oustedFriends = p.get(Parameter.OUSTED_FRIENDS);
        solidarity = p.get(Parameter.SOLIDARITY);
        clause = p.get(Parameter.DEMOCRATIC_CLAUSE);
        statementGravity = p.get(Parameter.STATEMENT_GRAVITY);
        breachOnceADay = p.on(Parameter.BREACH_ONCE_A_DAY);
    }

    /** The network phase of the day (section 1.3): reactions to today's salient events. */
    void react() {
        if (w.salient.isEmpty()) {
            return;
        }
        today.clear();
        today.addAll(w.salient);
        clearReadings();
        w.salient.clear();
        // observers judge a day's news by its gravest event: when a pair has several salient
        // events on one day (an asylum grant and the raid that answers it), only the
        // norm-breaking or heaviest is judged
        today.sort(GRAVEST_FIRST);
        shuffleTies();
        for (int x = 0; x < today.size(); x++) {
            Event e = today.get(x);
            speakerCount = 0;
            if (e.bilateral()) {
                if (graverToday(x)) {
                    continue;
                }
                bilateral(e);
            } else {
                domestic(e);
            }
            alignSpeakers();
        }
    }

    /**
     * Events of equal gravity are judged in a random order (section 3.8): the reactions to one
     * move affinities and grievances before the next is judged, so the order matters, and the
     * order in which the day's acts were recorded is incidental (which side's turn came first,
     * or a country's list of counterparts). Draws only when a day has ties.
     */
    private void shuffleTies() {
        for (int i = 0, n = today.size(); i < n - 1; ) {
            int j = i + 1;
            while (j < n && GRAVEST_FIRST.compare(today.get(i), today.get(j)) == 0) {
                j++;
            }
            for (int k = j - 1; k > i; k--) { // Fisher-Yates on [i, j)
                int x = i + w.random.nextInt(k - i + 1);
                Event t = today.get(k);
                today.set(k, today.get(x));
                today.set(x, t);
            }
            i = j;
        }
    }

    /**
     * Speakers on one event who sit in a bloc together: those on the same side move closer,
     * those on opposite sides apart (the side a country took is what it shares or disputes
     * with its bloc partners). Outside blocs, speakers do not answer to each other.
     */
    private void alignSpeakers() {
        int m = speakerCount;
        if (m < 2) {
            return;
        }
        // the speakers' blocs side by side: the pairs are many (a coup draws most of the world), those in a bloc few
        if (blocs0.length < m) {
            blocs0 = new long[speakers.length];
            blocs1 = new long[speakers.length];
        }
        long[] b0 = blocs0;
        long[] b1 = blocs1;
        for (int x = 0; x < m; x++) {
            long[] b = w.countries.get(Math.abs(speakers[x]) - 1).blocs;
            b0[x] = b[0];
            b1[x] = b[1];
        }
        for (int x = 0; x < m; x++) {
            long x0 = b0[x];
            long x1 = b1[x];
            for (int y = x + 1; y < m; y++) {
                if ((x0 & b0[y]) != 0 || (x1 & b1[y]) != 0) { // Affinity.shareBloc
                    int sx = speakers[x];
                    int sy = speakers[y];
                    w.affinity.takeStance(Math.abs(sx) - 1, Math.abs(sy) - 1, (sx > 0) == (sy > 0));
                }
            }
        }
    }

    /** Whether an event before the {@code x}-th of today's, in gravest-first order, concerns the same pair. */
    private boolean graverToday(int x) {
        Event e = today.get(x);
        for (int y = 0; y < x; y++) {
            Event f = today.get(y);
            if (f.bilateral() && (f.actor() == e.actor() && f.target() == e.target()
                    || f.actor() == e.target() && f.target() == e.actor())) {
                return true;
            }
        }
        return false;
    }

    private void addSpeaker(int signedIndex) {
        if (speakerCount == speakers.length) {
            speakers = Arrays.copyOf(speakers, 2 * speakerCount);
        }
        speakers[speakerCount++] = signedIndex;
    }

    boolean hasSpoken(int k, Event e) {
        int n = w.countries.size();
        if (spokenOnChain.contains((long) e.root() * n + k)) {
            return true;
        }
        return e.bilateral() && !e.normBreaking() && spokenOnPair.contains(pairKey(k, e));
    }

    private void spoke(int k, Event e) {
        spokenOnChain.add((long) e.root() * w.countries.size() + k);
        if (e.bilateral()) {
            spokenOnPair.add(pairKey(k, e));
        }
    }

    private long pairKey(int k, Event e) {
        long n = w.countries.size();
        return ((long) Math.min(e.actor(), e.target()) * n + Math.max(e.actor(), e.target())) * n + k;
    }

    private void bilateral(Event e) {
        int i = e.actor();
        int j = e.target();
        if (e.normBreaking()) {
            observe(e, i);
        }
        if (!enabled) {
            if (mediationOn) {
                w.mediation.offer(e, i, j);
            }
            return;
        }
        for (int k = 0, n = w.countries.size(); k < n; k++) {
            if (k == i || k == j) {
                continue;
            }
            double aki = w.affinity(k, i);
            double akj = w.affinity(k, j);
            if (!(w.affinity.shareBloc(k, i) || w.affinity.shareBloc(k, j) || Math.abs(aki) > attention || Math.abs(akj) > attention)) {
                continue;
            }
            if (hasSpoken(k, e)) {
                continue;
            }
            // S_k > 0 leans to the target j; a norm-breaking act pushes norm-abiding observers to its victim
            double sk = akj - aki + (e.normBreaking() ? bn * w.countries.get(k).normAdherence : 0);
            int choice = choose(bs * (sk - sideThreshold), bs * (-sk - sideThreshold));
            if (choice != 0) {
                spoke(k, e);
                addSpeaker(choice > 0 ? k + 1 : -(k + 1));
                int favoured = choice > 0 ? j : i;
                int blamed = choice > 0 ? i : j;
                state(k, favoured, blamed, EventType.SUPPORT, e, false);
                state(k, blamed, favoured, EventType.CONDEMN, e, false);
                if (e.normBreaking() && favoured == j && solidarity > 0) {
                    // the victim's defender takes up its injury, as far as its leader's disposition goes;
                    // the breach is one injury, so this and the norm reading do not add: the stronger holds
                    Country ck = w.countries.get(k);
                    double taken = solidarity * ck.hawkishness * w.perception.feltAsBreach(k, e);
                    double read = breachOnceADay ? readings(i)[k] : normReading(e, ck, aki);
                    if (taken > read) {
                        w.perception.aggrieve(k, i, taken - read, e.id());
                        if (breachOnceADay) {
                            readToday[i][k] = taken;
                        }
                    }
                }
            }
        }
        if (mediationOn) {
            w.mediation.offer(e, i, j);
        }
    }

    private void domestic(Event e) {
        int i = e.actor();
        observe(e, i);
        if (!enabled) {
            return;
        }
        for (int k = 0, n = w.countries.size(); k < n; k++) {
            if (k == i) {
                continue;
            }
            double aki = w.affinity(k, i);
            // a break of democratic order is news to every government (section 3.8), not only to the attentive
            if (hasSpoken(k, e)) {
                continue;
            }
            // a friend of the government backs it; the norm-abiding and distant condemn it
            double sk = aki - bn * w.countries.get(k).normAdherence - (w.shareClause(i, k) ? clause * (1 - Math.max(0, aki)) : 0);
            int choice = choose(bs * (sk - sideThreshold), bs * (-sk - sideThreshold));
            if (choice != 0) {
                spoke(k, e);
                addSpeaker(choice > 0 ? k + 1 : -(k + 1));
                // condemning a disputed election or a coup disputes the government's legitimacy:
                // it weighs as an interference statement (docs/MODEL.md 3.1), not as a plain statement
                state(k, i, Event.NONE, choice > 0 ? EventType.SUPPORT : EventType.CONDEMN, e, choice < 0);
            }
        }
    }

    /**
     * Observers (countries whose attention covers the event) are aggrieved by a norm-breaking
     * act, a coup or a disputed election of {@code actor}.
     */
    private void observe(Event e, int actor) {
        int target = e.target();
        double[] read = breachOnceADay && e.bilateral() ? readings(actor) : null;
        for (int k = 0, n = w.countries.size(); k < n; k++) {
            if (k == actor || k == target) {
                continue;
            }
            double affinity = w.affinity(k, actor);
            boolean attentive = target == Event.NONE || w.affinity.shareBloc(k, actor) || Math.abs(affinity) > attention
                    || (target != Event.NONE && (w.affinity.shareBloc(k, target) || Math.abs(w.affinity(k, target)) > attention));
            if (!attentive) {
                continue;
            }
            double delta = normReading(e, w.countries.get(k), affinity);
            if (!e.bilateral() && w.shareClause(actor, k)) {
                delta *= 1 + clause; // a break of democratic order in a partner the clause binds it to answer
            }
            if (read != null) {
                // one government's breaches of one day are one breach to an observer: the gravest reading holds
                double before = read[k];
                read[k] = Math.max(before, delta);
                delta -= before;
            }
            if (delta > 1e-9) {
                w.perception.aggrieve(k, actor, delta, e.id());
            }
        }
    }

    /** Today's readings of {@code actor}'s breaches, by observer (under {@code breachOnceADay}). */
    private double[] readings(int actor) {
        int n = w.countries.size();
        if (readToday == null) {
            readToday = new double[n][];
        }
        if (readToday[actor] == null) {
            readToday[actor] = new double[n];
        }
        if (readActorCount == readActors.length) {
            readActors = Arrays.copyOf(readActors, 2 * readActorCount);
        }
        boolean listed = false;
        for (int x = 0; x < readActorCount && !listed; x++) {
            listed = readActors[x] == actor;
        }
        if (!listed) {
            readActors[readActorCount++] = actor;
        }
        return readToday[actor];
    }

    private void clearReadings() {
        for (int x = 0; x < readActorCount; x++) {
            Arrays.fill(readToday[readActors[x]], 0);
        }
        readActorCount = 0;
    }

    /**
     * A coup in {@code actor} costs the friends of the government it ousted (section 3.8): each
     * other country whose ideological distance to the actor grew with the change, from the
     * ousted government's outlook ({@code economic}, {@code social}) to the new one, is
     * aggrieved against the new government by κ_oust·|γ|/10·severity·(distance gained).
     * Called by the change itself, when the ousted government's outlook is still known.
     */
    void ousted(Event e, double economic, double social) {
        if (oustedFriends == 0) {
            return;
        }
        int actor = e.actor();
        Country c = w.countries.get(actor);
        double scale = oustedFriends * Math.abs(e.gamma()) / 10 * e.severity();
        for (int k = 0, n = w.countries.size(); k < n; k++) {
            if (k == actor) {
                continue;
            }
            Country o = w.countries.get(k);
            double gained = w.affinity.distance(c.economic - o.economic, c.social - o.social)
                    - w.affinity.distance(economic - o.economic, social - o.social);
            if (gained * scale > 1e-9) {
                w.perception.aggrieve(k, actor, gained * scale, e.id());
            }
        }
    }

    /** Δ of an observer of a norm-breaking act, a coup or a disputed election, with this affinity to the actor. */
    private double normReading(Event e, Country observer, double affinityWithActor) {
        return observerGain * Math.abs(e.gamma()) / 10 * e.severity() * observer.normAdherence
                * (1 - Math.max(0, affinityWithActor));
    }

    /**
     * The weight of a statement: that of the event it speaks to, |γ|·severity/10 capped at 1,
     * by a share {@code g_s}; words about a threat weigh less than words about a raid.
     */
    private double gravity(Event cause) {
        return 1 - statementGravity + statementGravity * Math.min(1, Math.abs(cause.gamma()) * cause.severity() / 10);
    }

    /** Logit over stay out (0), option +1 and option -1; returns the choice. */
    int choose(double uPlus, double uMinus) {
        double max = Math.max(0, Math.max(uPlus, uMinus));
        double p0 = Math.exp(-lambda * max);
        double p1 = Math.exp(lambda * (uPlus - max));
        double p2 = Math.exp(lambda * (uMinus - max));
        double u = w.random.nextDouble() * (p0 + p1 + p2);
        return u < p0 ? 0 : u < p0 + p1 ? 1 : -1;
    }

    private void state(int speaker, int target, int about, EventType type, Event cause, boolean legitimacy) {
        double gamma = legitimacy ? EventType.INTERFERENCE_STATEMENT.gamma() : type.gamma();
        w.act(Act.statement(speaker, target, type, gamma, legitimacy, cause.id(), about).withSeverity(gravity(cause)));
        w.affinity.takeStance(speaker, target, type == EventType.SUPPORT);
        int n = w.countries.size();
        if (type == EventType.CONDEMN) {
            if (about != Event.NONE) {
                Dyad d = w.dyad(target, about);
                w.touch(d);
                d.condemnation[d.side(target)] += 1;
            }
            condemnedBy = mark(condemnedBy, target, speaker, n);
        } else {
            supportedBy = mark(supportedBy, target, speaker, n);
        }
    }

    private static long[][] mark(long[][] sets, int target, int speaker, int n) {
        if (sets == null) {
            sets = new long[n][];
        }
        if (sets[target] == null) {
            sets[target] = new long[(n + 63) >> 6];
        }
        sets[target][speaker >> 6] |= 1L << (speaker & 63);
        return sets;
    }

    private static int count(long[][] sets, int target) {
        if (sets == null || sets[target] == null) {
            return 0;
        }
        int c = 0;
        for (long word : sets[target]) {
            c += Long.bitCount(word);
        }
        return c;
    }

    int condemners(int country) {
        return count(condemnedBy, country);
    }

    int supporters(int country) {
        return count(supportedBy, country);
    }

}
