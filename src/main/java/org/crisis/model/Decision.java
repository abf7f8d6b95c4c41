package org.crisis.model;

/**
 * The daily choice of a country towards one counterpart: hold, escalate to the rung its
 * grievance justifies, or step down, by a logit over utilities (docs/MODEL.md 3.5).
 * {@link #decide} is the rule of one day with one draw; {@link #weigh} gives the day's
 * weights, from which {@link Sampler} takes the probability of acting, and {@link #bound}
 * bounds that probability over days on which nothing touches the pair (section 3.11).
 * Allocation-free.
 */
final class Decision {
    private final World w;
    private final double lambda;
    private final double bg;
    private final double bp;
    private final double bh;
    private final double bRecord;
    private final double br;
    /** b_t: reciprocity in kind for the other's exogenous hostile acts, by their weight (3.5). */
    private final double bt;
    private final double bw;
    private final double ba;
    private final double bc;
    private final double normCost;
    private final double bm;
    private final double audienceCost;
    /** ln 2 / faceHalfLife: the daily rate at which the face of a posture fades; 0 when it never does. */
    private final double faceRate;
    /** The share of a posture's face taken off once both sides have made a gesture since it was taken (gestureRelief). */
    private final double gestureRelief;
    private final double ruptureCost;
    /** What a recall, an expulsion or a rupture between two major powers costs more (section 3.5). */
    private final double channelCost;
    private final double deferenceCost;
    /** Whether a rupture (and sanctions) needs a grave act at the root of the dispute (section 3.5). */
    private final boolean ruptureGate;
    /** Whether a restoration waits for the grievance to be ripe, with no pull from a mediator (section 3.5). */
    private final boolean ripeRestoration;
    /** Whether, after a rupture, a gesture is an occasion to restore only when answered (section 3.5). */
    private final boolean reciprocalGesture;
    /** Whether a third party climbs no higher than the victim of the act it answers stands (section 3.5). */
    private final boolean followVictim;
    /** Whether a pair's starting level is its standing, restored above only after a change of government (3.5). */
    private final boolean standingLevel;
    /**
     * Whether a change of government is an occasion to restore only when the pair's distance has
     * fallen since its level was set (3.5); above a standing level, standingLevel's rule stands.
     */
    private final boolean alignedOccasion;
    /** How much nearer the governments must stand under alignedOccasion: above rounding, no more. */
    private static final double ALIGNED_MARGIN = 1e-9;
    /** Under followVictim: whether a side the other injured itself within memory is never capped (3.5). */
    private final boolean borrowedQuarrelOnly;
    /** How far a grave injury of the dispute raises the bar for a restoration, in grievance per unit of weight (section 3.5). */
    private final double injuryMemory;
    /** How fast that injury fades, a day (section 3.5). */
    private final double injuryFading;
    /** Days after which a recall for consultations lapses; 0: a recall lasts until an occasion (section 3.5). */
    private final int recallLapse;
    private final double[] theta = new double[Ladder.TOP + 1];
    final double restoreThreshold;

    // ----- the weights of the options of the day last weighed (no allocation) --------------
    /** Weights of HOLD, ESCALATE and STEP DOWN, ∝ exp(λ·U), options below e^-40 of the best set to 0. */
    private double wHold;
    private double wUp;
    private double wDown;
    /** The rung an escalation climbs to. */
    private int target;
    /** Below NORMAL, stepping down is a restoration, which needs the other government's consent. */
    private boolean below;
    /** The other government's step-down utility, whose logit is its consent to a restoration. */
    private double consent;
    /** A lower estimate of the probability of acting in the window last bounded (for choosing windows; not a bound). */
    double lowEstimate;

    Decision(World w) {
        this.w = w;
        Parameters p = w.parameters;
        lambda = p.get(Parameter.RATIONALITY);
        bg = p.get(Parameter.GRIEVANCE_WEIGHT);
        bp = p.get(Parameter.PRESSURE_WEIGHT);
        bh = p.get(Parameter.HAWK_WEIGHT);
        bRecord = p.get(Parameter.RECORD_WEIGHT);
        br = p.get(Parameter.RECIPROCITY);
        bt = p.get(Parameter.TRIGGER_RECIPROCITY);
        bw = p.get(Parameter.TRADE_WEIGHT);
        ba = p.get(Parameter.AFFINITY_WEIGHT);
        bc = p.get(Parameter.CONDEMNATION_WEIGHT);
        normCost = p.get(Parameter.NORM_COST);
        bm = p.get(Parameter.MEDIATION_WEIGHT);
        audienceCost = p.get(Parameter.AUDIENCE_COST);
        double halfLife = p.get(Parameter.FACE_HALF_LIFE);
        faceRate = halfLife > 0 ? Math.log(2) / halfLife : 0;
        gestureRelief = p.get(Parameter.GESTURE_RELIEF);
        ruptureCost = p.get(Parameter.RUPTURE_COST);
        channelCost = p.get(Parameter.CHANNEL_COST);
        deferenceCost = p.get(Parameter.DEFERENCE_COST);
        ruptureGate = p.on(Parameter.RUPTURE_GATE);
        ripeRestoration = p.on(Parameter.RIPE_RESTORATION);
        reciprocalGesture = p.on(Parameter.RECIPROCAL_GESTURE);
        followVictim = p.on(Parameter.FOLLOW_VICTIM);
        standingLevel = p.on(Parameter.STANDING_LEVEL);
        alignedOccasion = p.on(Parameter.ALIGNED_OCCASION);
        borrowedQuarrelOnly = p.on(Parameter.BORROWED_QUARREL_ONLY);
        injuryMemory = p.get(Parameter.INJURY_MEMORY);
        injuryFading = p.get(Parameter.INJURY_FADING);
        recallLapse = (int) p.get(Parameter.RECALL_LAPSE);
        restoreThreshold = p.get(Parameter.RESTORE_THRESHOLD);
        theta[Ladder.PROTEST] = p.get(Parameter.THRESHOLD_PROTEST);
        theta[Ladder.SUMMON] = p.get(Parameter.THRESHOLD_SUMMON);
        theta[Ladder.RECALL] = p.get(Parameter.THRESHOLD_RECALL);
        theta[Ladder.EXPEL] = p.get(Parameter.THRESHOLD_EXPEL);
        theta[Ladder.SEVER] = p.get(Parameter.THRESHOLD_SEVER);
        theta[Ladder.SANCTION] = p.get(Parameter.THRESHOLD_SANCTION);
    }

    /** Options whose weight is below e^-40 of the best are dropped: below a double's resolution. */
    private static final double NEGLIGIBLE = -40;
    /**
     * Added to the utilities of a bound: the bound is then above the day's value however the
     * two are rounded. Any bound at or above the truth samples exactly; this costs nothing.
     */
    private static final double MARGIN = 1e-9;

    /** The factor of grievance in E(i→j): {@code 1 + b_p·(p − ½) + b_h·(h − ½) + b_rec·ρ_i}. */
    private double disposition(Country i) {
        return 1 + bp * (i.domesticPressure - 0.5) + bh * (i.hawkishness - 0.5) + bRecord * i.recordShift;
    }

    /**
     * The reciprocity terms of E for side {@code s} on {@code day}: b_r if the other raised the
     * stakes against it within memory, plus b_t times the weight of the other's exogenous hostile
     * acts against it within memory (3.5). Each ends on a known day while nothing touches the pair.
     */
    private double reciprocity(Dyad d, int s, int day) {
        return reciprocity(day, d.lastEscalation[1 - s] + w.memory, d.lastTrigger[s] + w.memory, bt * d.triggerWeight[s]);
    }

    /** Those terms on {@code day}, given the last day of each and the in-kind term's value. */
    private double reciprocity(int day, int escalationEnd, int triggerEnd, double inKind) {
        return (day <= escalationEnd ? br : 0) + (day <= triggerEnd ? inKind : 0);
    }

    /** Effective grievance E(i→j). */
    double effectiveGrievance(Country i, Dyad d, int s) {
        return d.grievance[s] * disposition(i) + reciprocity(d, s, w.day);
    }

    /** The part of the cost K(i→j) that does not depend on the rung. */
    private double baseCost(Dyad d, int s, double affinity) {
        return baseCost(d, s, affinity, d.condemnation[s]);
    }

    private double baseCost(Dyad d, int s, double affinity, double c) {
        double condemned = c == 0 ? 0 : 1 - Math.exp(-c / 2); // saturating
        return bw * d.trade[s] + ba * Math.max(0, affinity) + bc * condemned;
    }

    /** Going beyond a summons breaks the norm of keeping channels open, more so each rung. */
    private double normCost(int rung) {
        return rung <= Ladder.SUMMON ? 0 : normCost * (rung - Ladder.SUMMON) / (double) (Ladder.TOP - Ladder.SUMMON);
    }

    /**
     * What cutting relations costs beyond the norm (section 3.5): a rupture closes embassies
     * and consulates and puts trade and people's ties at risk, more so the more both sides
     * trade with each other; sanctions cut further still. Between two major powers a recall,
     * an expulsion or a rupture also closes the channel they keep open in any crisis, and costs
     * {@code channelCost} more; for side {@code s}, no major power facing one, they cost
     * {@code deferenceCost} more (it defers to the stronger).
     */
    private double tiesCost(Dyad d, int s, int rung) {
        double channel = 0;
        if (rung >= Ladder.RECALL && rung <= Ladder.SEVER) {
            channel = d.majorPowers ? channelCost : d.weakerSide == s ? deferenceCost : 0;
        }
        return rung < Ladder.SEVER ? channel : channel + ruptureCost * (1 + d.trade[0] + d.trade[1]);
    }

    /**
     * What climbing to {@code rung} costs side {@code i} beyond its base cost: the rung's threshold,
     * the norm cost (waived, {@code free}, while it answers a breach) and the ties it cuts.
     */
    private double climbCost(Country i, Dyad d, int s, int rung, boolean free) {
        return free ? theta[rung] + tiesCost(d, s, rung) : theta[rung] + i.normAdherence * normCost(rung) + tiesCost(d, s, rung);
    }

    /** The rung a state stands on towards the other: its own posture, or what the level implies. */
    static int standing(Dyad d, int s) {
        return Math.max(d.posture[s], Level.of(d.level).impliedRung());
    }

    /** Audience costs of backing down, owed only to the same counterpart government it stood up to. */
    private double face(Country i, Dyad d, int s) {
        return face(i, d, s, w.day);
    }

    /**
     * The audience costs as they stand on {@code day}: none for a recall for consultations that
     * has lapsed (recallLapse), whose return is its announced course, not a climb-down (3.5);
     * under faceHalfLife, halved for every half-life since the side took its posture; under
     * gestureRelief, lightened once each side has made a gesture to the other since then (an
     * event, which touches the pair). They never rise from one day to the next while the pair is
     * untouched.
     */
    private double face(Country i, Dyad d, int s, int day) {
        int r = standing(d, s);
        if (r == Ladder.RECALL && day >= lapseDay(d)) {
            return 0;
        }
        boolean owned = d.posture[s] >= r && d.posture[s] > 0
                && d.postureOwnGovernment[s] == i.government
                && d.postureOtherGovernment[s] == w.countries.get(d.other(i.index)).government;
        if (!owned) {
            return 0;
        }
        double face = faceRate == 0 ? owed(i, r) : owed(i, r) * Math.exp(-faceRate * (day - d.postureDay[s]));
        return gestureRelief > 0 && talkedSince(d, d.postureDay[s]) ? face * (1 - gestureRelief) : face;
    }

    /** Whether each side of {@code d} has made a gesture to the other after {@code day}. */
    private static boolean talkedSince(Dyad d, int day) {
        return d.lastGestureBy[0] > day && d.lastGestureBy[1] > day;
    }

    /**
     * The rung side {@code s} declared, before the other's act against it, that it answers it
     * with, while the declaration binds on {@code day}: within memory of the act and above the
     * rung {@code r} it stands on, up to {@code top}; else {@link Ladder#NONE} (section 3.5).
     */
    private static int declared(Dyad d, int s, int r, int top, int day) {
        int rung = d.declaredRung[s];
        return rung > r && rung <= top && day <= d.declaredUntil[s] ? rung : Ladder.NONE;
    }

    /**
     * What holding short of a declared answer of {@code rung} costs {@code i}: the audience costs
     * of backing down from a posture of that rung, as {@link #face} counts them (section 3.5).
     */
    private double owed(Country i, int rung) {
        return i.domesticPressure * audienceCost * Math.min(1.0, rung / (double) Ladder.SEVER);
    }

    /**
     * Utility of stepping down for side {@code s}; also used for the other side's consent to
     * a restoration. Backing down costs audience costs only when the same two governments
     * that took the posture still face each other.
     */
    double deescalationUtility(Country i, Dyad d, int s, double e) {
        return bg * (stepDownThreshold(d, s, w.day) - e) + (pulled(d, d.mediated(w.day)) ? bm : 0) - face(i, d, s);
    }

    /**
     * The grievance against which side {@code s} weighs stepping down: the threshold of the
     * rung it stands on; for a restoration under {@code ripeRestoration}, g_restore if lower,
     * the grievance at which relations are mended (a pair breaks at θ_5 and mends below it);
     * for any restoration, less χ times the heaviest injury the other did the side in the dispute,
     * as it stands on {@code day}.
     */
    private double stepDownThreshold(Dyad d, int s, int day) {
        double rung = theta[standing(d, s)];
        if (d.level >= Level.NORMAL.ordinal()) {
            return rung;
        }
        // a grave injury outlasts its grievance: it raises the bar for mending (injuryMemory)
        return (ripeRestoration ? Math.min(restoreThreshold, rung) : rung) - injuryMemory * d.injuryOn(s, day, injuryFading);
    }

    /**
     * Whether a mediation in force pulls towards stepping down: always, but for a restoration
     * under {@code ripeRestoration}, which a mediation helps only by lowering grievances and by
     * being an occasion; it does not pay the audience costs of the governments that broke.
     */
    private boolean pulled(Dyad d, boolean mediated) {
        return mediated && !ripe(d);
    }

    /** Whether stepping down is a restoration that the {@code ripeRestoration} option governs. */
    private boolean ripe(Dyad d) {
        return ripeRestoration && d.level < Level.NORMAL.ordinal();
    }

    /**
     * Whether a restoration is on the table (section 3.5): in a mediation, or with both
     * grievances low and an occasion to restore; above a standing level (standingLevel), only
     * with both grievances low and a change of government since the start.
     */
    boolean restorable(Dyad d) {
        boolean above = aboveStanding(d);
        return d.mediated(w.day) && !above || d.grievance[0] < restoreThreshold && d.grievance[1] < restoreThreshold
                && (occasionOfGovernment(d) || !above && (w.day - gestureDay(d) <= w.memory || w.day >= lapseDay(d)));
    }

    /**
     * Under {@code recallLapse}: the day from which the pair's recall for consultations has
     * lapsed, so that its return needs no other occasion and costs no face (section 3.5); never,
     * for a pair not taken down by a recall alone, for one at or above its standing level (under
     * {@code standingLevel} only a change of government reopens it), or with the option off.
     */
    private int lapseDay(Dyad d) {
        return recallLapse > 0 && d.level == Level.DOWNGRADED.ordinal() && d.recallDay != Dyad.NO_RECALL
                && !aboveStanding(d) ? d.recallDay + recallLapse : Integer.MAX_VALUE;
    }

    /**
     * Under {@code standingLevel}: whether a restoration would take the pair above the level it
     * started at, its standing, which only a change of government since the start reopens;
     * neither a gesture nor a mediation is an occasion for it (section 3.5).
     */
    private boolean aboveStanding(Dyad d) {
        return standingLevel && d.level >= d.startLevel;
    }

    /** Either government changed since the pair's level was set, or, above its standing, since the start. */
    private boolean occasionOfGovernment(Dyad d) {
        if (aboveStanding(d)) {
            return d.governmentsChangedSinceStart(w.countries.get(d.a).government, w.countries.get(d.b).government);
        }
        return governmentChanged(d);
    }

    /**
     * The day from which a gesture's occasion to restore runs for {@code memory} days: the pair's
     * last gesture, or, for a pair that has broken relations under {@code reciprocalGesture}, the
     * earlier of the two sides' last gestures, so the occasion lasts while both have made one
     * (section 3.5). A return of ambassadors keeps the one-sided occasion.
     */
    private int gestureDay(Dyad d) {
        return reciprocalGesture && d.level == Level.SEVERED.ordinal()
                ? Math.min(d.lastGestureBy[0], d.lastGestureBy[1]) : d.lastGesture();
    }

    /**
     * Either government changed since the pair's level was set, so the level is no longer both
     * governments' own; under alignedOccasion, only if the pair now stands nearer than then.
     */
    private boolean governmentChanged(Dyad d) {
        return (w.countries.get(d.a).government != d.levelGovernment[0]
                || w.countries.get(d.b).government != d.levelGovernment[1])
                && (!alignedOccasion || d.distance < d.levelDistance - ALIGNED_MARGIN);
    }

    /** Whether side {@code s} answers, within memory, a breach of a norm by the other against it (no norm cost). */
    private boolean answersBreach(Dyad d, int s, int day) {
        return day - d.lastBreach[1 - s] <= w.memory;
    }

    /**
     * The highest rung open to side {@code s} on {@code day} (section 3.5, a rupture answers a
     * grave act): the top of the ladder within memory of a rise of its grievance from a grave
     * act ({@link World#grave}), else an expulsion, whatever the grievance: disputes of words
     * and policy end in recalls and expulsions, not ruptures.
     */
    private int top(Dyad d, int s, int day) {
        int top = !ruptureGate || day <= graveUntil(d, s) ? Ladder.TOP : Ladder.EXPEL;
        return followVictim ? Math.min(top, victimsRung(d, s)) : top;
    }

    /**
     * Under {@code followVictim} (section 3.5, a third party follows the victim): when side
     * {@code s}'s grievance last rose from an act of the other against a third state, the rung
     * that state stood on towards the other at the start of the day (so that a day's decisions do
     * not depend on the order in which pairs decide); else the top of the ladder, as it is under
     * {@code borrowedQuarrelOnly} for a side the other injured itself within memory. The bounds of
     * section 3.11 leave this out: the victim's climb does not touch this pair, and leaving out a
     * cap only loosens an upper bound.
     */
    private int victimsRung(Dyad d, int s) {
        int cause = d.grievanceCause[s];
        if (cause == Event.NONE || borrowedQuarrelOnly && w.day - d.lastOwnInjury[s] <= w.memory) {
            return Ladder.TOP;
        }
        Event e = w.event(cause);
        int other = s == 0 ? d.b : d.a;
        int victim = e.target();
        if (e.actor() != other || victim == Event.NONE || victim == d.a || victim == d.b) {
            return Ladder.TOP;
        }
        Dyad v = w.existing(victim, other);
        return v == null ? Ladder.NONE : v.standingAtStart(v.side(victim), w.day);
    }

    /**
     * Whether side {@code s}'s grievance rose within memory: only then may it escalate
     * (section 3.5, an escalation answers something).
     */
    private boolean fresh(Dyad d, int s, int day) {
        return day <= pastFreshUntil(d, s) || d.lasting != null && lastingFresh(d, s, day);
    }

    /**
     * The last day side {@code s} may escalate: {@code memory} days after the last rise of its
     * grievance, unless it stepped down since (a step down closes what it answered). Under the
     * armedExchange option an armed act of its own closes the rises before it too, and a rise from
     * the other's armed act counts only if {@code s} did no armed act against the other from
     * {@code memory} days before it on (force answers force, 3.5); both read acts of one day alike.
     */
    private int freshUntil(Dyad d, int s) {
        int until = pastFreshUntil(d, s);
        // each day of an act of the other that lasts is a rise (lastingActs): open until memory days after the last of
        // them, from the first that the rules of the rises let open a climb (perhaps a day still to come)
        Lasting l = d.lasting;
        if (l != null && l.plainUntil[s] > Lasting.FAR && lastingPlainOpens(d, s) <= l.plainUntil[s]) {
            until = Math.max(until, l.plainUntil[s] + w.memory);
        }
        if (l != null && l.armedUntil[s] > Lasting.FAR && lastingArmedOpens(d, s) <= l.armedUntil[s]) {
            until = Math.max(until, l.armedUntil[s] + w.memory);
        }
        return until;
    }

    /** The last day side {@code s} may escalate over the rises of the days up to today (section 3.5). */
    private int pastFreshUntil(Dyad d, int s) {
        int closed = Math.max(d.lastStepDown[s], d.lastArmed[s]);
        int until = d.lastAggrieved[s] < closed ? Integer.MIN_VALUE : d.lastAggrieved[s] + w.memory;
        int armedRise = d.lastArmedRise[s];
        if (armedRise >= d.lastStepDown[s] && d.lastArmed[s] < armedRise - w.memory) {
            until = Math.max(until, armedRise + w.memory);
        }
        return until;
    }

    /**
     * Whether a day of an act of the other that lasts (lastingActs) lets side {@code s} escalate on
     * {@code day}: a day of the act from the first that opens a climb to {@code day}, within
     * {@code memory} days of {@code day}, read as the act's own rise would be.
     */
    private boolean lastingFresh(Dyad d, int s, int day) {
        return opened(lastingPlainOpens(d, s), d.lasting.plainUntil[s], day)
                || opened(lastingArmedOpens(d, s), d.lasting.armedUntil[s], day);
    }

    /** Whether some day of {@code [first, last]} lies within {@code memory} days before or on {@code day}. */
    private boolean opened(int first, int last, int day) {
        return first <= Math.min(day, last) && day <= last + w.memory;
    }

    /**
     * The first day of the plain act that lasts whose rise opens a climb: none before a step down
     * or an armed act of the side's own closes the rises before it (3.5).
     */
    private int lastingPlainOpens(Dyad d, int s) {
        return Math.max(d.lasting.plainFrom[s], Math.max(d.lastStepDown[s], d.lastArmed[s]));
    }

    /**
     * The first day of the armed act that lasts whose rise opens a climb: force answers force, so
     * not while the side's own forces acted within memory before it, nor before its last step down.
     */
    private int lastingArmedOpens(Dyad d, int s) {
        return Math.max(d.lasting.armedFrom[s], Math.max(d.lastStepDown[s], d.lastArmed[s] + w.memory + 1));
    }

    /**
     * The last day a rupture is open to side {@code s} (ruptureGate): {@code memory} days after its
     * grievance last rose from a grave act, or after the last day of a grave act that lasted.
     */
    private int graveUntil(Dyad d, int s) {
        return (d.lasting == null ? d.lastGraveAggrieved[s] : Math.max(d.lastGraveAggrieved[s], d.lasting.graveUntil[s]))
                + w.memory;
    }

    /**
     * Weighs side {@code s}'s options today (section 3.5), from the pair as it stands; returns
     * false when holding is certain (no random number is then drawn).
     */
    boolean weigh(Country i, Dyad d, int s) {
        w.relations.catchUp(d);
        int r = standing(d, s);
        double e = effectiveGrievance(i, d, s);
        double base = baseCost(d, s, w.affinity(d));
        // sanctioning a breach upholds the norm rather than breaking it (section 3.5)
        double norm = answersBreach(d, s, w.day) ? 0 : i.normAdherence;

        // escalate: to the highest rung E justifies, at least one up
        double uUp = Double.NEGATIVE_INFINITY;
        int target = r;
        int top = top(d, s, w.day);
        if (r < top && fresh(d, s, w.day)) {
            uUp = bg * (e - theta[r + 1] - base - norm * normCost(r + 1) - tiesCost(d, s, r + 1));
            target = r + 1;
            while (target < top
                    && e - base - norm * normCost(target + 1) - tiesCost(d, s, target + 1) >= theta[target + 1]) {
                target++;
            }
            // a declared answer: holding short of it costs face; the climb that carries it out saves it
            int declared = declared(d, s, r, top, w.day);
            if (declared != Ladder.NONE) {
                double owed = d.declaredWeight[s] * owed(i, declared);
                double uDeclared = bg * (e - theta[declared] - base - norm * normCost(declared) - tiesCost(d, s, declared))
                        + owed;
                if (target >= declared) {
                    uUp += owed;
                }
                if (uDeclared > uUp) {
                    uUp = uDeclared;
                    target = Math.max(target, declared);
                }
            }
        }
        // step down: restoration below NORMAL (needs the grievances low or a mediation), else dialogue
        double uDown = Double.NEGATIVE_INFINITY;
        double consent = Double.POSITIVE_INFINITY;
        boolean below = d.level < Level.NORMAL.ordinal();
        if (below && restorable(d)) {
            // a restoration is an agreement: the other government consents by the same rule
            Country other = w.countries.get(d.other(i.index));
            consent = deescalationUtility(other, d, 1 - s, effectiveGrievance(other, d, 1 - s));
            uDown = deescalationUtility(i, d, s, e);
        } else if (!below && d.posture[s] > 0) {
            uDown = deescalationUtility(i, d, s, e);
        }
        // a restoration happens only if proposed and accepted: drop it when both together are negligible
        if (consent != Double.POSITIVE_INFINITY && uDown != Double.NEGATIVE_INFINITY) {
            // log of the acceptance probability is at most min(0, λ·consent): a safe bound
            if (lambda * (uDown - Math.max(0, uUp)) + Math.min(0, lambda * consent) < NEGLIGIBLE) {
                uDown = Double.NEGATIVE_INFINITY;
            }
        }
        // logit over HOLD (0), ESCALATE, DE-ESCALATE
        double max = Math.max(0, Math.max(uUp, uDown));
        double up = lambda * (uUp - max);
        double down = lambda * (uDown - max);
        if (max == 0 && up < NEGLIGIBLE && down < NEGLIGIBLE) {
            return false; // holding is certain to within a double's resolution: no draw needed
        }
        this.wHold = max == 0 ? 1 : Math.exp(-lambda * max);
        this.wUp = up < NEGLIGIBLE ? 0 : up == 0 ? 1 : Math.exp(up);
        this.wDown = down < NEGLIGIBLE ? 0 : down == 0 ? 1 : Math.exp(down);
        this.target = target;
        this.below = below;
        this.consent = consent;
        return true;
    }

    /** The rule of one day (section 3.5): side {@code i} of {@code d} weighs its options and draws one. */
    void decide(Country i, Dyad d) {
        int s = d.side(i.index);
        if (!weigh(i, d, s)) {
            return;
        }
        double u = w.random.nextDouble() * (wHold + wUp + wDown);
        if (u < wHold) {
            return;
        }
        int j = d.other(i.index);
        if (u < wHold + wUp) {
            w.act(i.index, j, Ladder.act(target), d.grievanceCause[s]);
        } else {
            stepDown(i, d, s, j, true);
        }
    }

    /** The other government's consent to a restoration: the logit of its own step-down utility. */
    private double acceptance() {
        return 1 / (1 + Math.exp(-lambda * consent));
    }

    /**
     * The probability that the side last weighed acts today: escalates, steps down in
     * dialogue, or restores relations with the other's consent (a refused restoration changes
     * nothing, as holding does).
     */
    double actProbability() {
        double act = wUp + (below && wDown > 0 ? wDown * acceptance() : wDown);
        return act / (wHold + wUp + wDown);
    }

    /**
     * The side last weighed acts: {@code v}, uniform on [0, {@link #actProbability()}), picks
     * the act with the day's probabilities given that it acts (a restoration is accepted).
     */
    void act(Country i, Dyad d, int s, double v) {
        int j = d.other(i.index);
        if (v * (wHold + wUp + wDown) < wUp) {
            w.act(i.index, j, Ladder.act(target), d.grievanceCause[s]);
        } else {
            stepDown(i, d, s, j, false);
        }
    }

    private void stepDown(Country i, Dyad d, int s, int j, boolean drawConsent) {
        int cause = d.mediated(w.day) ? d.mediationEvent : d.grievanceCause[s];
        if (!below) {
            d.noteStanding(w.day);
            d.posture[s]--;
            w.act(i.index, j, EventType.DIALOGUE, cause);
            return;
        }
        if (drawConsent && w.random.nextDouble() * (1 + Math.exp(-lambda * consent)) >= 1) {
            return; // refused
        }
        EventType act = d.level == Level.SEVERED.ordinal() ? EventType.RESTORE_RELATIONS : EventType.RETURN_AMBASSADOR;
        // a restoration answers a mediation, or no event: its occasion (a new government, a gesture, grievances
        // faded) is no act it answers, so it roots a chain of its own (FORMATS 5.1)
        w.act(i.index, j, act, d.mediated(w.day) ? d.mediationEvent : Event.NONE);
        // each side's posture falls to what the new level implies; it stays owned by the governments that
        // took it, so a new government that restores owns no posture it did not take (section 3.5)
        for (int side = 0; side < 2; side++) {
            d.posture[side] = Math.min(d.posture[side], Level.of(d.level).impliedRung());
        }
    }

    // ----- bounds for the sampling of section 3.11 ----------------------------------------

    // the terms of a window's bound that do not depend on its length (set by startWindow)
    private int t0;
    private int r;
    private boolean winBelow;
    private boolean canDown;
    private boolean med;
    private double q;
    private double gs0;
    private double go0;
    private double cs0;
    private double f;
    private double fo;
    private double recS0;
    private double recO0;
    private int recSEnd;
    private int recOEnd;
    /** The last day of each side's in-kind term (b_t), and its value. */
    private int trigSEnd;
    private int trigOEnd;
    private double trigS;
    private double trigO;
    private double kUp;
    private double kUpFree;
    private int breachEnd;
    private int graveEnd;
    private int freshEnd;
    private boolean occasion;
    /** A mediation in force puts a restoration on the table: not above a standing level. */
    private boolean medRestores;
    private int gestureEnd;
    /** The first day on which the pair's recall has lapsed (recallLapse), or never. */
    private int lapseStart;
    /** downConst and consentConst once the recall has lapsed: no face for a recall (recallLapse). */
    private double downConstLapsed;
    private double consentConstLapsed;
    /** The step-down terms before face, and whose face they owe, for a face that fades (faceHalfLife). */
    private double downBase;
    private double consentBase;
    private Country side;
    private Country otherSide;
    private Dyad pair;
    private int sideIndex;
    private double base0;
    private double baseHi;
    private double downConst;
    private double consentConst;
    /** The declared answer open at the window's start, or NONE; the last day it binds; what holding short costs. */
    private int declaredRung;
    private int declaredEnd;
    private double owedUp;
    /** The least cost of the climb to the declared answer (its norm cost waived while answering a breach), and the most. */
    private double kDeclaredFree;
    private double kDeclared;
    /** b_g·χ times each side's injury at the window's start (0 at NORMAL or above). */
    private double injS0;
    private double injO0;

    /**
     * Prepares bounds of side {@code s}'s probability of acting over windows that start on
     * {@code t0} and end before a mediation ends, if nothing touches the pair before: then on
     * every day of such a window the terms of the utilities are constant but for grievances
     * and condemnations, which fall by known daily factors, and reciprocity, which ends on a
     * known day.
     */
    void startWindow(Country i, Dyad d, int s, int t0) {
        Relations rel = w.relations;
        int o = 1 - s;
        Country other = w.countries.get(d.other(i.index));
        this.t0 = t0;
        r = standing(d, s);
        med = t0 < d.mediationUntil;
        q = rel.grievanceFactor(d, t0 - 1, t0); // the day's decay, and mediation if in force
        // each side's own factor (an act of the other lasting keeps its grievance); q, the factor of a side
        // no act renews, is the lower bound of every day's factor that the window's bounds need
        double gs = rel.grievanceFactor(d, s, d.decayedThrough, t0 - 1);
        gs0 = d.grievance[s] * gs;
        go0 = d.grievance[o] * (d.lasting == null ? gs : rel.grievanceFactor(d, o, d.decayedThrough, t0 - 1));
        cs0 = d.condemnation[s] == 0 ? 0 : rel.condemnationOn(d, s, t0);
        f = disposition(i);
        fo = disposition(other);
        recSEnd = d.lastEscalation[o] + w.memory; // the last day of reciprocity against s
        recOEnd = d.lastEscalation[s] + w.memory;
        trigSEnd = d.lastTrigger[s] + w.memory; // the last day s answers the other's acts in kind
        trigOEnd = d.lastTrigger[o] + w.memory;
        trigS = bt * d.triggerWeight[s];
        trigO = bt * d.triggerWeight[o];
        recS0 = reciprocity(t0, recSEnd, trigSEnd, trigS);
        recO0 = reciprocity(t0, recOEnd, trigOEnd, trigO);
        kUp = r < Ladder.TOP ? climbCost(i, d, s, r + 1, false) : 0;
        kUpFree = r < Ladder.TOP ? climbCost(i, d, s, r + 1, true) : 0;
        // the top of the ladder is left out of the bound here, as in victimsRung: leaving out a cap loosens it
        declaredRung = declared(d, s, r, Ladder.TOP, t0);
        declaredEnd = d.declaredUntil[s];
        owedUp = declaredRung == Ladder.NONE ? 0 : d.declaredWeight[s] * owed(i, declaredRung);
        kDeclaredFree = declaredRung == Ladder.NONE ? 0 : climbCost(i, d, s, declaredRung, true);
        kDeclared = declaredRung == Ladder.NONE ? 0 : climbCost(i, d, s, declaredRung, false);
        breachEnd = d.lastBreach[o] + w.memory; // the last day s answers a breach free of norm cost
        graveEnd = ruptureGate ? graveUntil(d, s) : Integer.MAX_VALUE; // the last day a rupture is open
        freshEnd = freshUntil(d, s); // the last day s may escalate
        boolean above = aboveStanding(d);
        occasion = occasionOfGovernment(d);
        medRestores = med && !above;
        gestureEnd = above ? Integer.MIN_VALUE : gestureDay(d) + w.memory; // no gesture reopens a standing
        lapseStart = lapseDay(d); // nor does a recall's lapse (never above a standing)
        base0 = bw * d.trade[s] + ba * Math.max(0, w.affinity(d));
        baseHi = base0 + bc * condemned(cs0);
        winBelow = d.level < Level.NORMAL.ordinal();
        canDown = winBelow || d.posture[s] > 0;
        double pull = pulled(d, med) ? bm : 0;
        downBase = bg * stepDownThreshold(d, s, t0) + pull;
        consentBase = bg * stepDownThreshold(d, o, t0) + pull;
        side = i;
        otherSide = other;
        pair = d;
        sideIndex = s;
        downConst = downBase - face(i, d, s, t0);
        consentConst = consentBase - face(other, d, o, t0);
        // the face a recall owes ends on a known day (recallLapse): the step-down terms only rise then
        int lapsed = Math.max(t0, lapseStart);
        downConstLapsed = downBase - face(i, d, s, lapsed);
        consentConstLapsed = consentBase - face(other, d, o, lapsed);
        // a fading injury lowers the bar for mending as the window goes on: the terms rise by known factors
        injS0 = winBelow ? bg * injuryMemory * d.injuryOn(s, t0, injuryFading) : 0;
        injO0 = winBelow ? bg * injuryMemory * d.injuryOn(o, t0, injuryFading) : 0;
    }

    /**
     * How much a step-down term ({@link #downConst} or {@link #consentConst}) rises over the
     * first {@code n} days of the window as its injury, weighing {@code atStart} at the window's
     * start, fades: at most {@code atStart}.
     */
    private double faded(double atStart, int n) {
        return atStart == 0 || injuryFading == 0 || n == 0 ? 0 : atStart * (1 - Math.pow(1 - injuryFading, n));
    }

    private static double condemned(double c) {
        return c == 0 ? 0 : 1 - Math.exp(-c / 2);
    }

    /**
     * An upper bound of the probability that the side of {@link #startWindow} acts on any
     * day of the window's first {@code length} days, if nothing touches the pair before: 0
     * when it cannot act on any of them. Grievances and condemnations only fall within the
     * window, so each utility is bounded by the extreme values of its terms at the window's
     * two ends (interval arithmetic): escalating by the largest effective grievance and the
     * smallest cost, stepping down and consenting by the smallest effective grievance, a
     * restoration as on the table if it is at the end. Also sets {@link #lowEstimate} when the
     * bound is not already small.
     */
    double bound(int length) {
        int n = length - 1;
        int t1 = t0 + n;
        double qn = n == 0 ? 1 : n == 1 ? q : w.relations.power(q, n);
        double gs1 = gs0 * qn;
        double recS1 = reciprocity(t1, recSEnd, trigSEnd, trigS); // the terms only end within the window
        double eHi = Math.max(gs0 * f, gs1 * f) + recS0;
        double eLo = Math.min(gs0 * f, gs1 * f) + recS1;
        double upHi = Double.NEGATIVE_INFINITY;
        double upLo = Double.NEGATIVE_INFINITY;
        // the rupture's gate only closes as the window goes on: open at its start, it bounds the window from above
        if (r < (t0 <= graveEnd ? Ladder.TOP : Ladder.EXPEL) && t0 <= freshEnd) {
            double baseLo = cs0 == 0 ? base0 : base0 + bc * condemned(cs0 * w.relations.condemnationFactor(n));
            // the norm cost returns when the answer to a breach is out of memory: cost lowest at the start
            double kLo = t0 <= breachEnd ? kUpFree : kUp;
            double kHi = t1 <= breachEnd ? kUpFree : kUp;
            // a declared answer adds at most what holding short of it costs, and only while it binds; its climb
            // may cost less than the next rung's (a major powers' channel is not charged on sanctions, and the
            // thresholds are free parameters), so the cheaper of the two bounds the day's escalation
            boolean declaredOpen = declaredRung != Ladder.NONE && t0 <= declaredEnd
                    && (declaredRung < Ladder.SEVER || t0 <= graveEnd);
            double kMin = declaredOpen ? Math.min(kLo, t0 <= breachEnd ? kDeclaredFree : kDeclared) : kLo;
            upHi = lambda * (bg * (eHi - kMin - baseLo) + (declaredOpen ? owedUp : 0) + MARGIN);
            boolean openAtEnd = r < Ladder.EXPEL || t1 <= graveEnd; // a rupture's gate still open on the last day
            upLo = t1 <= freshEnd && openAtEnd ? lambda * bg * (eLo - kHi - baseHi) : Double.NEGATIVE_INFINITY;
            if (declaredOpen && t1 <= declaredEnd && t1 <= freshEnd && (declaredRung < Ladder.SEVER || t1 <= graveEnd)) {
                double kd = t1 <= breachEnd ? kDeclaredFree : kDeclared;
                upLo = Math.max(upLo, lambda * (bg * (eLo - kd - baseHi) + owedUp));
            }
        }
        double downHi = Double.NEGATIVE_INFINITY;
        double downLo = Double.NEGATIVE_INFINITY;
        double acceptHi = 1;
        double acceptLo = 1;
        if (winBelow) {
            double go1 = go0 * qn;
            boolean atEnd = gs1 < restoreThreshold && go1 < restoreThreshold;
            // an occasion on some day of the window, and on all of them (a gesture's memory ends on a known day)
            // (and a recall's lapse starts on a known day and lasts)
            boolean occasionSome = occasion || t0 <= gestureEnd || t1 >= lapseStart;
            boolean occasionAll = occasion || t1 <= gestureEnd || t0 >= lapseStart;
            if (atEnd && occasionSome || medRestores) {
                // the bar for mending is lowest at the window's end, once the injuries have faded most
                // and a recall's face has lapsed or a posture's face has faded most
                double downEnd = downAt(t1);
                double consentEnd = consentAt(t1);
                downHi = lambda * (downEnd + faded(injS0, n) - bg * eLo + MARGIN);
                double eoLo = Math.min(go0 * fo, go1 * fo) + reciprocity(t1, recOEnd, trigOEnd, trigO);
                acceptHi = logistic(lambda * (consentEnd + faded(injO0, n) - bg * eoLo + MARGIN));
                if (medRestores || gs0 < restoreThreshold && go0 < restoreThreshold && occasionAll) {
                    downLo = lambda * (downConst - bg * eHi);
                    acceptLo = logistic(lambda * (consentConst - bg * (Math.max(go0 * fo, go1 * fo) + recO0)));
                }
            }
        } else if (canDown) {
            downHi = lambda * (downAt(t1) - bg * eLo + MARGIN);
            downLo = lambda * (downConst - bg * eHi);
        }
        if (upHi < NEGLIGIBLE && downHi < NEGLIGIBLE) {
            lowEstimate = 0;
            return 0; // on every day both options weigh below e^-40: holding is certain
        }
        // a relative and an absolute margin: the day's probability is computed by another
        // sequence of roundings, within a few units in the last place of this bound
        double hi = Math.min(1, actBound(upHi, downHi, acceptHi) * (1 + 1e-9) + 1e-15);
        lowEstimate = hi * length <= SMALL ? hi : Math.min(1, actBound(upLo, downLo, acceptLo));
        return hi;
    }

    /**
     * The step-down term ({@link #downConst}) on {@code day} of the window, its largest on the window's
     * last day: face only falls within a window (a recall's lapses, a posture's fades).
     */
    private double downAt(int day) {
        if (faceRate == 0) {
            return day >= lapseStart ? downConstLapsed : downConst;
        }
        return downBase - face(side, pair, sideIndex, day);
    }

    /** The other side's consent term ({@link #consentConst}) on {@code day} of the window, as {@link #downAt}. */
    private double consentAt(int day) {
        if (faceRate == 0) {
            return day >= lapseStart ? consentConstLapsed : consentConst;
        }
        return consentBase - face(otherSide, pair, 1 - sideIndex, day);
    }

    /** Below this many expected candidates in a window, its looseness is not worth estimating. */
    private static final double SMALL = 0.05;

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * {@code Math.exp(x)} for a log-weight {@code x ≤ 0}, without calling it for the two values
     * most bounds have: 0 (the best option) and −∞ (an option that is not open), where its
     * value is exact.
     */
    private static double weight(double x) {
        return x == 0 ? 1 : x == Double.NEGATIVE_INFINITY ? 0 : Math.exp(x);
    }

    /**
     * The probability of acting is increasing in each option's log-weight {@code a},
     * {@code b} when every act counts; with a restoration accepted with probability at most
     * {@code accept} it is at most {@code σ(a) + accept·σ(b)}. The smaller of the two.
     */
    private static double actBound(double a, double b, double accept) {
        double max = Math.max(0, Math.max(a, b));
        double hold = weight(-max);
        double up = weight(a - max);
        double down = weight(b - max);
        double any = (up + down) / (hold + up + down);
        return accept >= 1 ? any : Math.min(any, logistic(a) + accept * logistic(b));
    }
}
