package org.crisis.model;

/**
 * The daily choice of a country towards one counterpart: hold, escalate to the rung its
 * grievance justifies, or step down, by a logit over utilities (docs/MODEL.md 3.5).
 * Allocation-free: it runs for every pair with business every day.
 */
final class Decision {
    private final World w;
    private final double lambda;
    private final double bg;
    private final double bp;
    private final double bh;
    private final double br;
    private final double bw;
    private final double ba;
    private final double bc;
    private final double normCost;
    private final double bm;
    private final double audienceCost;
    private final double ruptureCost;
    private final double[] theta = new double[Ladder.TOP + 1];
    final double restoreThreshold;

    Decision(World w) {
        this.w = w;
        Parameters p = w.parameters;
        lambda = p.get(Parameter.RATIONALITY);
        bg = p.get(Parameter.GRIEVANCE_WEIGHT);
        bp = p.get(Parameter.PRESSURE_WEIGHT);
        bh = p.get(Parameter.HAWK_WEIGHT);
        br = p.get(Parameter.RECIPROCITY);
        bw = p.get(Parameter.TRADE_WEIGHT);
        ba = p.get(Parameter.AFFINITY_WEIGHT);
        bc = p.get(Parameter.CONDEMNATION_WEIGHT);
        normCost = p.get(Parameter.NORM_COST);
        bm = p.get(Parameter.MEDIATION_WEIGHT);
        audienceCost = p.get(Parameter.AUDIENCE_COST);
        ruptureCost = p.get(Parameter.RUPTURE_COST);
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

    /** Effective grievance E(i→j). */
    double effectiveGrievance(Country i, Dyad d, int s) {
        double reciprocity = w.day - d.lastEscalation[1 - s] <= w.memory ? 1 : 0;
        return d.grievance[s] * (1 + bp * (i.domesticPressure - 0.5) + bh * (i.hawkishness - 0.5))
                + br * reciprocity;
    }

    /** The part of the cost K(i→j) that does not depend on the rung. */
    private double baseCost(Dyad d, int s, double affinity) {
        double c = d.condemnation[s];
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
     * trade with each other; sanctions cut further still.
     */
    private double tiesCost(Dyad d, int rung) {
        return rung < Ladder.SEVER ? 0 : ruptureCost * (1 + d.trade[0] + d.trade[1]);
    }

    /** The rung a state stands on towards the other: its own posture, or what the level implies. */
    static int standing(Dyad d, int s) {
        return Math.max(d.posture[s], Level.of(d.level).impliedRung());
    }

    /**
     * Utility of stepping down for side {@code s}; also used for the other side's consent to
     * a restoration. Backing down costs audience costs only when the same two governments
     * that took the posture still face each other.
     */
    double deescalationUtility(Country i, Dyad d, int s, double e) {
        int r = standing(d, s);
        boolean owned = d.posture[s] >= r && d.posture[s] > 0
                && d.postureOwnGovernment[s] == i.government
                && d.postureOtherGovernment[s] == w.countries.get(d.other(i.index)).government;
        double face = owned ? i.domesticPressure * audienceCost * Math.min(1.0, r / (double) Ladder.SEVER) : 0;
        return bg * (theta[r] - e) + (d.mediated(w.day) ? bm : 0) - face;
    }

    boolean restorable(Dyad d) {
        return (d.grievance[0] < restoreThreshold && d.grievance[1] < restoreThreshold) || d.mediated(w.day);
    }

    void decide(Country i, Dyad d) {
        int s = d.side(i.index);
        int r = standing(d, s);
        double e = effectiveGrievance(i, d, s);
        double base = baseCost(d, s, w.affinity(d));
        double norm = i.normAdherence;

        // escalate: to the highest rung E justifies, at least one up
        double uUp = Double.NEGATIVE_INFINITY;
        int target = r;
        if (r < Ladder.TOP) {
            uUp = bg * (e - theta[r + 1] - base - norm * normCost(r + 1) - tiesCost(d, r + 1));
            target = r + 1;
            while (target < Ladder.TOP
                    && e - base - norm * normCost(target + 1) - tiesCost(d, target + 1) >= theta[target + 1]) {
                target++;
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
            return; // holding is certain to within a double's resolution: no draw needed
        }
        double pHold = max == 0 ? 1 : Math.exp(-lambda * max);
        double pUp = up < NEGLIGIBLE ? 0 : up == 0 ? 1 : Math.exp(up);
        double pDown = down < NEGLIGIBLE ? 0 : down == 0 ? 1 : Math.exp(down);
        double u = w.random.nextDouble() * (pHold + pUp + pDown);
        if (u < pHold) {
            return;
        }
        int j = d.other(i.index);
        if (u < pHold + pUp) {
            w.act(i.index, j, Ladder.act(target), d.grievanceCause[s]);
        } else {
            stepDown(i, d, s, j, below, consent);
        }
    }

    private void stepDown(Country i, Dyad d, int s, int j, boolean below, double consent) {
        int cause = d.mediated(w.day) ? d.mediationEvent : d.grievanceCause[s];
        if (!below) {
            d.posture[s]--;
            w.act(i.index, j, EventType.DIALOGUE, cause);
            return;
        }
        if (w.random.nextDouble() * (1 + Math.exp(-lambda * consent)) >= 1) {
            return; // refused
        }
        EventType act = d.level == Level.SEVERED.ordinal() ? EventType.RESTORE_RELATIONS : EventType.RETURN_AMBASSADOR;
        w.act(i.index, j, act, cause);
        // the new level is now both governments' own
        for (int side = 0; side < 2; side++) {
            Country c = w.countries.get(side == 0 ? d.a : d.b);
            d.postureOwnGovernment[side] = c.government;
            d.postureOtherGovernment[side] = w.countries.get(d.other(c.index)).government;
            d.posture[side] = Math.min(d.posture[side], Level.of(d.level).impliedRung());
        }
    }
}
