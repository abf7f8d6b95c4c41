package org.crisis.model;

import java.util.List;

/**
 * The day-by-day rule of docs/MODEL.md 1.3, stepped plainly, for tests: every day the
 * scenario's triggers; then every country, in a random order drawn that day from the run's
 * generator, reviews every counterpart it has business with and draws its decision
 * ({@link Decision#decide}, one uniform a day); then the third parties react; then every
 * pair's grievances and condemnations decay by one day (grievances at ω·δ below NORMAL, and not
 * while an act of the other against the side lasts), and mediations in force work. No
 * sampling, no schedule, no day skipped: the definition against which the sampled run of
 * {@code CrisisModel} (section 3.11) is tested.
 */
public final class DayByDay {
    private DayByDay() {}

    /** Applies the scenario's triggers of a day to the world. */
    @FunctionalInterface
    public interface Script {
        void triggers(World w, int day);
    }

    /** Whether the run stops at the end of a day. */
    @FunctionalInterface
    public interface Stop {
        boolean stopped(World w);
    }

    /** Runs days 0 to {@code days − 1} or until {@code stop} holds at the end of a day; returns the days run. */
    public static int run(World w, int days, Script script, Stop stop) {
        List<Country> countries = w.countries;
        int n = countries.size();
        int[] order = new int[n];
        double decay = 1 - w.parameters.get(Parameter.GRIEVANCE_DECAY);
        // at DOWNGRADED or below grievance fades at ω·δ (section 3.3); condemnations at δ
        double decayLow = 1 - w.parameters.get(Parameter.GRIEVANCE_DECAY) * w.parameters.get(Parameter.LOW_LEVEL_DECAY);
        double efficacy = w.parameters.get(Parameter.MEDIATION_EFFICACY);
        for (int day = 0; day < days; day++) {
            w.setDay(day);
            script.triggers(w, day);
            // decisions: a random order of all countries, drawn each day
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            for (int k = n - 1; k > 0; k--) {
                int x = w.random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[x];
                order[x] = t;
            }
            for (int k = 0; k < n; k++) {
                Country c = countries.get(order[k]);
                for (int x = 0, m = c.dyads.size(); x < m; x++) {
                    Dyad d = c.dyads.get(x);
                    if (w.relations.hasBusiness(d, day)) {
                        w.decision.decide(c, d);
                    }
                }
            }
            w.react();
            // the end of the day: decay and mediation, on every pair
            for (Dyad d : w.relations.touched) {
                w.relations.catchUp(d, day - 1);
                double fade = d.level < Level.NORMAL.ordinal() ? decayLow : decay;
                double mediated = day < d.mediationUntil ? 1 - efficacy * d.mediationCredibility : 1;
                for (int s = 0; s < 2; s++) {
                    // an act of the other lasting through this day keeps the side's grievance (lastingActs, 3.5)
                    boolean held = d.lasting != null && day > d.lasting.from[s] && day <= d.lasting.until[s];
                    d.grievance[s] *= (held ? 1 : fade) * mediated;
                }
                d.condemnation[0] *= decay;
                d.condemnation[1] *= decay;
                d.decayedThrough = day;
            }
            w.endDay(day);
            if (stop.stopped(w)) {
                return day + 1;
            }
        }
        return days;
    }
}
