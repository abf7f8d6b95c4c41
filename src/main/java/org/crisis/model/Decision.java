package org.crisis.model;

/**
 * The daily choice of a country towards one counterpart: hold, escalate to the rung its
 * grievance justifies, or step down, by a logit over utilities (docs/MODEL.md, "Decision").
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
        restoreThreshold = p.get(Parameter.RESTORE_THRESHOLD);
        theta[Ladder.PROTEST] = p.get(Parameter.THRESHOLD_PROTEST);
        theta[Ladder.SUMMON] = p.get(Parameter.THRESHOLD_SUMMON);
        theta[Ladder.RECALL] = p.get(Parameter.THRESHOLD_RECALL);
        theta[Ladder.EXPEL] = p.get(Parameter.THRESHOLD_EXPEL);
        theta[Ladder.SEVER] = p.get(Parameter.THRESHOLD_SEVER);
        theta[Ladder.SANCTION] = p.get(Parameter.THRESHOLD_SANCTION);
    }

    /** Effective grievance E(i→j). */
    double effectiveGrievance(Country i, Dyad d, int s) {
        double reciprocity = w.day - d.lastEscalation[1 - s] <= w.memory ? 1 : 0;
        return d.grievance[s] * (1 + bp * (i.domesticPressure - 0.5) + bh * (i.hawkishness - 0.5))
                + br * reciprocity;
    }

    /** Cost of going further K(i→j) towards rung {@code next}. */
    double cost(Country i, Dyad d, int s, double affinity, int next) {
        double condemned = 1 - Math.exp(-d.condemnation[s] / 2); // saturating
        return bw * d.trade[s] + ba * Math.max(0, affinity) + bc * condemned
                + i.normAdherence * normCost(next);
    }

    /** Going beyond a summons breaks the norm of keeping channels open, more so each rung. */
    private double normCost(int rung) {
        return rung <= Ladder.SUMMON ? 0 : normCost * (rung - Ladder.SUMMON) / (double) (Ladder.TOP - Ladder.SUMMON);
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
        int j = d.other(i.index);
        int r = standing(d, s);
        double e = effectiveGrievance(i, d, s);
        double affinity = w.affinity(w.distance(i.index, j), w.sharedBlocs(i.index, j), d.level);

        // escalate: to the highest rung E justifies, at least one up
        double uUp = Double.NEGATIVE_INFINITY;
        int target = r;
        if (r < Ladder.TOP) {
            double k = cost(i, d, s, affinity, r + 1);
            uUp = bg * (e - theta[r + 1] - k);
            target = r + 1;
            while (target < Ladder.TOP && e - cost(i, d, s, affinity, target + 1) >= theta[target + 1]) {
                target++;
            }
        }
        // step down: restoration below NORMAL (needs the grievances low or a mediation), else dialogue
        double uDown = Double.NEGATIVE_INFINITY;
        boolean below = d.level < Level.NORMAL.ordinal();
        if ((below && restorable(d)) || (!below && d.posture[s] > 0)) {
            uDown = deescalationUtility(i, d, s, e);
        }
        // logit over HOLD (0), ESCALATE, DE-ESCALATE
        double max = Math.max(0, Math.max(uUp, uDown));
        double pHold = Math.exp(lambda * (0 - max));
        double pUp = uUp == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lambda * (uUp - max));
        double pDown = uDown == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lambda * (uDown - max));
        double u = w.random.nextDouble() * (pHold + pUp + pDown);
        if (u < pHold) {
            return;
        }
        if (u < pHold + pUp) {
            w.act(i.index, j, Ladder.act(target), d.grievanceCause[s]);
        } else {
            stepDown(i, d, s, j, below);
        }
    }

    private void stepDown(Country i, Dyad d, int s, int j, boolean below) {
        int cause = d.mediated(w.day) ? d.mediationEvent : d.grievanceCause[s];
        if (!below) {
            d.posture[s]--;
            w.act(i.index, j, EventType.DIALOGUE, cause);
            return;
        }
        // a restoration is an agreement: the other government must consent by the same rule
        Country other = w.countries.get(j);
        double consent = deescalationUtility(other, d, 1 - s, effectiveGrievance(other, d, 1 - s));
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
