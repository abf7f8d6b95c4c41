package org.crisis.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.crisis.experiment.Seeds;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.model.Parameters;
import org.crisis.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The sampler of docs/MODEL.md 3.11 in a whole run, on a pair whose daily probabilities are
 * known in closed form: AAA holds a grievance against BBB below a protest's threshold, BBB
 * holds none and all its trade is with AAA (so it never acts), no third parties, no
 * mediation. The day AAA first acts must follow {@code P(T = t) = p(t)·∏_{u<t}(1 − p(u))}
 * with the day's logit probability of escalating (3.5),
 * {@code p(t) = σ(λ·b_g·(G(t)·(1 + b_p·(p − ½) + b_h·(h − ½)) − θ_1))} while the pair has
 * business and its grievance is fresh, and 0 once its grievance is below the floor (3.4) or
 * {@code memory} days old (an escalation answers something, 3.5), where
 * {@code G(t) = G_0·(1 − δ)^t}: geometric when δ = 0, the product formula when it decays.
 * A slight of negligible weight from BBB on day 0 makes the listed grievance fresh (it adds
 * about 10⁻¹⁰ to it), so the law holds to day {@code memory} and then stops.
 */
class SamplerTest {
    private static final int RUNS = 20_000;
    private static final int DAYS = 150;

    private static Scenario pair(double grievance, double decay) {
        Parameters p = Parameters.defaults().with(Parameter.THIRD_PARTIES, 0).with(Parameter.MEDIATION, 0)
                .with(Parameter.GRIEVANCE_DECAY, decay);
        List<Scenario.Country> countries = List.of(
                new Scenario.Country("AAA", "", new Scenario.Ideology(0.6, 0), 0.5, 0.6, 0.7, 0.5, List.of()),
                new Scenario.Country("BBB", "", new Scenario.Ideology(-0.6, 0), 0.5, 0.5, 0.5, 0.5, List.of()));
        List<Scenario.Relation> relations = List.of(new Scenario.Relation(new Scenario.Pair("AAA", "BBB"), Level.NORMAL,
                grievance, 0, 0, 1.0));
        Scenario.Trigger slight = new Scenario.Trigger(0, EventType.CUSTOM, "BBB", Optional.of("AAA"), 1e-9,
                Optional.of("slight"), -1, false, false, false, false, Map.of());
        return new Scenario("known-pair", "", Optional.empty(), DAYS, 1, countries, relations, List.of(slight), p,
                List.of(), Optional.empty(), Optional.empty());
    }

    /** AAA's probability of acting on day t, written out from docs/MODEL.md 3.4 and 3.5. */
    private static IntToDoubleFunction law(double grievance, double decay) {
        double lambda = Parameter.RATIONALITY.defaultValue();
        double bg = Parameter.GRIEVANCE_WEIGHT.defaultValue();
        double f = 1 + Parameter.PRESSURE_WEIGHT.defaultValue() * (0.6 - 0.5)
                + Parameter.HAWK_WEIGHT.defaultValue() * (0.7 - 0.5);
        double theta = Parameter.THRESHOLD_PROTEST.defaultValue();
        double floor = Parameter.BUSINESS_FLOOR.defaultValue();
        double memory = Parameter.MEMORY.defaultValue();
        return t -> {
            double g = grievance * Math.pow(1 - decay, t);
            return g > floor && t <= memory ? 1 / (1 + Math.exp(-lambda * bg * (g * f - theta))) : 0;
        };
    }

    /** Chi-square p-value of AAA's first act days over runs against the day-by-day law. */
    private static double fit(double grievance, double decay, long master) {
        return fitWith(pair(grievance, decay), law(grievance, decay), master);
    }

    @Test
    void aConstantDailyProbabilityGivesAGeometricFirstAct() {
        double pValue = fit(0.09, 0, 7);
        assertTrue(pValue > 1e-3, "p = " + pValue);
    }

    @Test
    void aDecayingGrievanceGivesTheProductOfItsDailyProbabilitiesUntilBusinessEnds() {
        double pValue = fit(0.1, 0.03, 8);
        assertTrue(pValue > 1e-3, "p = " + pValue);
    }

    @Test
    void theFitHasThePowerToTellAnotherLawApart() {
        // the same runs judged against the law of a grievance 5 % larger are rejected
        Scenario s = pair(0.1, 0.03);
        assertTrue(s.days() == DAYS);
        IntToDoubleFunction right = law(0.1, 0.03);
        IntToDoubleFunction wrong = law(0.105, 0.03);
        double gap = 0;
        for (int t = 0; t < 10; t++) {
            gap = Math.max(gap, Math.abs(wrong.applyAsDouble(t) / right.applyAsDouble(t) - 1));
        }
        assertTrue(gap > 0.2, "the two laws differ by " + gap);
        assertTrue(fitAgainst(0.1, 0.105, 0.03, 9) < 1e-6);
    }

    /** Runs with grievance {@code actual}, judged against the law of {@code claimed}. */
    private static double fitAgainst(double actual, double claimed, double decay, long master) {
        return fitWith(pair(actual, decay), law(claimed, decay), master);
    }

    private static double fitWith(Scenario s, IntToDoubleFunction p, long master) {
        long[] observed = new long[DAYS + 1];
        for (int k = 0; k < RUNS; k++) {
            CrisisModel m = new CrisisModel(s, Seeds.derive(master, k), CrisisModel.DailyObserver.NONE);
            m.runToEnd();
            // the day-0 slight is BBB's; what follows is AAA's
            List<Event> events = m.world().events();
            assertTrue(events.get(0).type() == EventType.CUSTOM && events.get(0).actor() == 1, "the slight first");
            if (events.size() == 1) {
                observed[DAYS]++;
            } else {
                Event first = events.get(1);
                assertTrue(first.actor() == 0 && first.type() == EventType.PROTEST, "AAA protests first: " + first);
                observed[first.day()]++;
            }
        }
        double[] expected = new double[DAYS + 1];
        double survive = 1;
        for (int t = 0; t < DAYS; t++) {
            expected[t] = RUNS * survive * p.applyAsDouble(t);
            survive *= 1 - p.applyAsDouble(t);
        }
        expected[DAYS] = RUNS * survive;
        List<double[]> cells = new ArrayList<>();
        double e = 0;
        long o = 0;
        for (int t = 0; t <= DAYS; t++) {
            e += expected[t];
            o += observed[t];
            if (e >= 5) {
                cells.add(new double[] {e, o});
                e = 0;
                o = 0;
            }
        }
        cells.get(cells.size() - 1)[0] += e;
        cells.get(cells.size() - 1)[1] += o;
        return new ChiSquareTest().chiSquareTest(cells.stream().mapToDouble(c -> c[0]).toArray(),
                cells.stream().mapToLong(c -> (long) c[1]).toArray());
    }
}
