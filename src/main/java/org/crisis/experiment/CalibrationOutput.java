package org.crisis.experiment;

import org.crisis.io.Csv;
import org.crisis.io.Provenance;
import org.crisis.stats.CaseBootstrap;
import org.crisis.stats.Intervals;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.crisis.model.Parameters;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioJson;
import org.crisis.scenario.StateRecords;

/**
 * The files of a calibration's results directory (docs/CALIBRATION.md, "Results"):
 * candidates.csv, folds.csv, and for the fit on all cases best.yaml, posterior.csv and
 * patterns.csv; and manifest.json. Everything but the manifest's timings depends only on the
 * calibration file, the cases and the model, not on threads or interruptions.
 */
final class CalibrationOutput {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String SEED_RULE = "run k of every case and every candidate uses SplitMix64(master_seed + (k + 1) * 0x9E3779B97F4A7C15)"
            + " (common random numbers), as crisis validate --seed master_seed";
    static final String LOSS = "sum over patterns of the squared logit distance of the continuity-corrected share (h + 0.5)/(n + 1)"
            + " outside the bounds corrected alike ((a*n + 0.5)/(n + 1)); 0 for a pattern that passes";
    static final String BRIER_LOSS = "sum over patterns of the Brier term: the squared difference between the share h/n and what"
            + " the pattern says happened (1 for a lower bound above 0, 0 for an upper bound below 1; for a pattern with both"
            + " bounds, the squared distance of h/n outside them), counted whether the pattern passes or not";
    static final String ENSEMBLE_RULE = "every candidate of the fit on all cases whose loss is at most the best loss plus the tolerance,"
            + " each distinct set of values once (its first evaluation), equal weights";
    static final String SMC_RULE = "ABC-SMC after the search (Del Moral et al. 2012; Drovandi and Pettitt 2011): a uniform prior"
            + " on the search scale (the unit cube), the loss as distance; each generation lowers the tolerance to the quantile of"
            + " the particles' losses, down to the best loss of the search plus the tolerance, resamples the particles within it"
            + " and moves them by Metropolis-Hastings random-walk steps (covariance of the kept particles times 2.38^2/d);"
            + " each distinct set of values of the last population once, weighted by the share of particles on it";
    static final String ASSIGNMENT = "cases sorted by name (code point order), the i-th (from 0) to fold i mod K + 1";
    static final String RESTARTS = "CMA-ES (Commons Math CMAESOptimizer, active covariance update) in the unit cube with bounds;"
            + " when it stops before the budget is spent it restarts from the best candidate so far with twice the population;"
            + " generator MersenneTwister(derive(derive(master_seed, -4), fold))";

    static final String STARTS = "several starts: the budget shared equally (floor of budget / starts each) among that many"
            + " searches with the file's population, the first from the starts, the others from points drawn uniformly in the"
            + " unit cube from the generator below, what they leave going to the restarts; ";

    private CalibrationOutput() {}

    /** What was written, for the manifest. */
    record Written(int ensembleSets, boolean best) {}

    static Written write(Calibration c, CalibrationFolds folds, List<CalibrationRunner.Fit> fits, Path dir) throws IOException {
        writeCandidates(c, fits, dir.resolve("candidates.csv"));
        boolean anyFold = fits.stream().anyMatch(f -> f.fold() > 0);
        if (anyFold) {
            writeFolds(c, fits, dir.resolve("folds.csv"));
            if (fits.stream().anyMatch(f -> f.testDrawn() != null)) {
                writeFoldPosteriors(c, fits, dir.resolve("folds-posterior.csv"));
            }
        }
        CalibrationRunner.Fit all = fits.stream().filter(f -> f.fold() == 0).findFirst().orElse(null);
        if (all == null) {
            return new Written(0, false);
        }
        List<Member> ensemble = members(c, all.candidates(), all.smc());
        writePosterior(c, ensemble, dir.resolve("posterior.csv"));
        writeBest(c, all, dir.resolve("best.yaml"));
        writePatterns(all, c, dir.resolve("patterns.csv"));
        return new Written(ensemble.size(), true);
    }

    /**
     * The ensemble: candidates whose loss is at most the best loss plus the tolerance, each
     * distinct set of values once (at its first evaluation), in order of evaluation.
     */
    static List<CalibrationRunner.Candidate> ensemble(List<CalibrationRunner.Candidate> candidates, double tolerance) {
        double best = CalibrationRunner.best(candidates).score().loss();
        Set<String> seen = new HashSet<>();
        List<CalibrationRunner.Candidate> list = new ArrayList<>();
        for (CalibrationRunner.Candidate x : candidates) {
            if (x.score().loss() <= best + tolerance && seen.add(x.key())) {
                list.add(x);
            }
        }
        return list;
    }

    /** A set of the ensemble with its weight. */
    record Member(CalibrationRunner.Candidate candidate, double weight) {}

    /** A fit's ensemble, as posterior.csv gives it: ABC-SMC's population if it ran, else the candidates within the tolerance. */
    static List<Member> members(Calibration c, List<CalibrationRunner.Candidate> candidates, Optional<AbcSmc.Result> smc) {
        return smc.map(r -> members(candidates, r)).orElseGet(() -> equal(ensemble(candidates, c.tolerance())));
    }

    private static List<Member> equal(List<CalibrationRunner.Candidate> sets) {
        return sets.stream().map(x -> new Member(x, 1.0 / sets.size())).toList();
    }

    /**
     * ABC-SMC's population as sets of the ensemble: each distinct set of values once (two
     * particles on candidates with the same rounded values are one set), in order of first
     * evaluation, weighted by the share of particles that stand on it.
     */
    static List<Member> members(List<CalibrationRunner.Candidate> candidates, AbcSmc.Result r) {
        TreeMap<Integer, Integer> count = new TreeMap<>();
        for (AbcSmc.Particle p : r.population()) {
            count.merge(p.evaluation(), 1, Integer::sum);
        }
        Map<String, Integer> firstOfKey = new LinkedHashMap<>();
        Map<String, Integer> share = new HashMap<>();
        count.forEach((evaluation, n) -> {
            String key = candidates.get(evaluation - 1).key();
            firstOfKey.putIfAbsent(key, evaluation);
            share.merge(key, n, Integer::sum);
        });
        List<Member> list = new ArrayList<>();
        firstOfKey.forEach((key, evaluation) -> list.add(new Member(candidates.get(evaluation - 1),
                share.get(key) / (double) r.population().size())));
        return list;
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }

    private static void writeCandidates(Calibration c, List<CalibrationRunner.Fit> fits, Path file) throws IOException {
        try (BufferedWriter w = writer(file)) {
            w.write(String.join(",", c.candidateColumns()) + "\n");
            StringBuilder s = new StringBuilder();
            for (CalibrationRunner.Fit f : fits) {
                for (CalibrationRunner.Candidate x : f.candidates()) {
                    s.setLength(0);
                    s.append(x.fold()).append(',').append(x.evaluation()).append(',').append(x.restart()).append(',')
                            .append(x.iteration());
                    x.values().forEach(v -> s.append(',').append(v.text()));
                    s.append(',').append(lossText(x.score().loss())).append(',').append(x.score().passes()).append(',')
                            .append(x.score().patterns()).append(',').append(x.stage()).append('\n');
                    w.write(s.toString());
                }
            }
        }
    }

    private static void writePosterior(Calibration c, List<Member> ensemble, Path file) throws IOException {
        try (BufferedWriter w = writer(file)) {
            w.write(String.join(",", posteriorColumns(c)) + "\n");
            w.write(posteriorRows(ensemble, ""));
        }
    }

    /**
     * folds-posterior.csv ({@code ensemble.heldOut}): each fold's own ensemble, which drew the runs of its held-out
     * cases; posterior.csv's columns after {@code fold}.
     */
    private static void writeFoldPosteriors(Calibration c, List<CalibrationRunner.Fit> fits, Path file) throws IOException {
        try (BufferedWriter w = writer(file)) {
            w.write("fold," + String.join(",", posteriorColumns(c)) + "\n");
            for (CalibrationRunner.Fit f : fits) {
                if (f.fold() > 0 && f.testDrawn() != null) {
                    w.write(posteriorRows(members(c, f.candidates(), f.smc()), f.fold() + ","));
                }
            }
        }
    }

    private static List<String> posteriorColumns(Calibration c) {
        List<String> header = new ArrayList<>(List.of("set", "evaluation"));
        c.parameters().forEach(p -> header.add(p.column()));
        header.addAll(List.of("loss", "passes", "patterns", "weight"));
        return header;
    }

    private static String posteriorRows(List<Member> ensemble, String prefix) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ensemble.size(); i++) {
            CalibrationRunner.Candidate x = ensemble.get(i).candidate();
            s.append(prefix).append(i + 1).append(',').append(x.evaluation());
            x.values().forEach(v -> s.append(',').append(v.text()));
            s.append(',').append(lossText(x.score().loss())).append(',').append(x.score().passes()).append(',')
                    .append(x.score().patterns()).append(',');
            s.append(weightText(ensemble.get(i).weight())).append('\n');
        }
        return s.toString();
    }

    /**
     * A loss as candidates.csv and posterior.csv write it: at most 12 decimals, so that the
     * ensemble's rule (within the tolerance of the best) can be applied to the file itself;
     * with 6, losses a saturated loss leaves just below a whole number rounded up to it.
     */
    static String lossText(double loss) {
        return Csv.number(new StringBuilder(), loss, 12).toString();
    }

    /** A weight as posterior.csv writes it (at most 12 decimals). */
    static String weightText(double weight) {
        return Csv.number(new StringBuilder(), weight, 12).toString();
    }

    /** How near an end of its range (on the search scale, 0..1) a best value reads as at that end (the report's too). */
    static final double AT_END = 0.02;

    private static void writeBest(Calibration c, CalibrationRunner.Fit all, Path file) throws IOException {
        CalibrationRunner.Candidate b = all.best();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "# crisis calibrate %s: the best of %s on %s (evaluation %d,%n",
                c.name(), CalibrationRunner.count(CalibrationRunner.summary(all).evaluations(), "candidate"),
                CalibrationRunner.count(all.training().size(), "case"), b.evaluation()));
        s.append(String.format(Locale.ROOT, "# loss %s, %d of %d patterns pass), master seed %d.%n", Csv.number(b.score().loss()),
                b.score().passes(), b.score().patterns(), c.seed()));
        s.append("# Paste the block into a scenario, or make these the model's defaults (docs/MODEL.md, section 5).\n");
        for (int i = 0; i < c.parameters().size(); i++) {
            CalibrationParameter p = c.parameters().get(i);
            String end = p.endOf(Double.parseDouble(b.values().get(i).text()), AT_END);
            if (!end.isEmpty()) {
                s.append(String.format(Locale.ROOT, "# Note: %s: at the end of its range (%s %s); the search pressed against it:"
                        + " widen the range where the model and the ladder's order allow.%n", p.path(), end, Csv.number(p.end(end))));
            }
        }
        List<String> others = new ArrayList<>();
        StringBuilder block = new StringBuilder("parameters:\n");
        for (int i = 0; i < c.parameters().size(); i++) {
            CalibrationParameter p = c.parameters().get(i);
            String text = b.values().get(i).text();
            if (!p.parameterName().isEmpty()) {
                block.append("  ").append(p.parameterName()).append(": ").append(text).append('\n');
            } else {
                others.add(p.path() + "=" + text);
            }
        }
        if (!others.isEmpty()) {
            s.append("# Other calibrated values (set them with --set):\n");
            others.forEach(o -> s.append("#   ").append(o).append('\n'));
        }
        if (block.length() > "parameters:\n".length()) {
            s.append(block);
        } else {
            s.append("parameters: {}\n");
        }
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    private static void writePatterns(CalibrationRunner.Fit all, Calibration calibration, Path file) throws IOException {
        try (BufferedWriter w = writer(file)) {
            w.write("case,pattern,min,max,runs,held,observed,low,high,result,loss\n");
            int i = 0;
            StringBuilder s = new StringBuilder();
            for (CalibrationCase c : all.training()) {
                for (Scenario.Pattern p : c.patterns()) {
                    int h = all.best().held()[i++];
                    s.setLength(0);
                    row(s, c, p, h);
                    double[] ci = Intervals.wilson(h, c.runs());
                    Csv.number(s.append(','), ci[0], 4).append(',');
                    Csv.number(s, ci[1], 4).append(',').append(Validation.pass(p.probability(), h, c.runs()) ? "pass" : "fail")
                            .append(',');
                    Csv.number(s, calibration.brier() ? CalibrationLoss.brierTerm(p.probability(), h, c.runs())
                            : CalibrationLoss.term(p.probability(), h, c.runs(), calibration.saturation()), 6).append('\n');
                    w.write(s.toString());
                }
            }
        }
    }

    /** {@code case,pattern,min,max,runs,held,observed}. */
    private static void row(StringBuilder s, CalibrationCase c, Scenario.Pattern p, int held) {
        Csv.text(s, c.name()).append(',');
        Csv.text(s, p.name()).append(',');
        p.probability().min().ifPresent(x -> Csv.number(s, x, 6));
        s.append(',');
        p.probability().max().ifPresent(x -> Csv.number(s, x, 6));
        s.append(',').append(c.runs()).append(',').append(held).append(',');
        Csv.number(s, held / (double) c.runs(), 4);
    }

    private static void writeFolds(Calibration c, List<CalibrationRunner.Fit> fits, Path file) throws IOException {
        try (BufferedWriter w = writer(file)) {
            w.write("fold,case,pattern,sample,min,max,runs,held,observed,result,ensemble_held,ensemble_observed,ensemble_result\n");
            w.write(foldRows(c, fits));
        }
    }

    /**
     * The rows of folds.csv for the folds 1..K among the fits: every case, in sample or held out, at the fold's best;
     * with {@code ensemble.heldOut}, a held-out pattern also with each run drawn from the fold's ensemble (else empty).
     */
    static String foldRows(Calibration c, List<CalibrationRunner.Fit> fits) {
        StringBuilder s = new StringBuilder();
        for (CalibrationRunner.Fit f : fits) {
            if (f.fold() == 0) {
                continue;
            }
            for (CalibrationCase x : c.cases()) {
                boolean in = f.training().stream().anyMatch(y -> y == x);
                List<CalibrationCase> group = in ? f.training() : f.test();
                int[] held = in ? f.best().held() : f.testHeld();
                int[] drawn = in ? null : f.testDrawn();
                int offset = 0;
                for (CalibrationCase y : group) {
                    if (y == x) {
                        break;
                    }
                    offset += y.patterns().size();
                }
                for (Scenario.Pattern p : x.patterns()) {
                    int d = drawn == null ? -1 : drawn[offset];
                    int h = held[offset++];
                    s.append(f.fold()).append(',');
                    Csv.text(s, x.name()).append(',');
                    Csv.text(s, p.name()).append(',').append(in ? "in" : "out").append(',');
                    p.probability().min().ifPresent(v -> Csv.number(s, v, 6));
                    s.append(',');
                    p.probability().max().ifPresent(v -> Csv.number(s, v, 6));
                    s.append(',').append(x.runs()).append(',').append(h).append(',');
                    Csv.number(s, h / (double) x.runs(), 4).append(',')
                            .append(Validation.pass(p.probability(), h, x.runs()) ? "pass" : "fail").append(',');
                    if (d >= 0) {
                        s.append(d).append(',');
                        Csv.number(s, d / (double) x.runs(), 4).append(',')
                                .append(Validation.pass(p.probability(), d, x.runs()) ? "pass" : "fail");
                    } else {
                        s.append(",,");
                    }
                    s.append('\n');
                }
            }
        }
        return s.toString();
    }

    /** manifest.json without the timings, which the caller adds. */
    static ObjectNode manifest(Calibration c, CalibrationFolds folds, List<CalibrationRunner.Fit> fits, Written written,
            List<String> command, String version, int threads) {
        ObjectNode m = F.objectNode();
        m.put("tool", "crisis");
        m.put("version", version);
        m.set("runtime", Provenance.runtime());
        ArrayNode cmd = m.putArray("command");
        command.forEach(cmd::add);
        m.set("calibration", describe(c));
        m.set("folds", folds(c, folds));
        // the states' records the cases read where recordWeight is on (docs/MODEL.md 3.5): the table changes as the library grows
        m.putObject("state_records").put("sha256", StateRecords.shipped().sha256());
        ObjectNode results = m.putObject("results");
        ArrayNode list = results.putArray("fits");
        List<CalibrationRunner.FitSummary> summaries = new ArrayList<>();
        for (CalibrationRunner.Fit f : fits) {
            CalibrationRunner.FitSummary s = CalibrationRunner.summary(f);
            summaries.add(s);
            ObjectNode n = list.addObject();
            n.put("fold", f.fold());
            n.put("cases", f.training().size());
            n.put("evaluations", s.evaluations());
            n.put("best_evaluation", s.bestEvaluation());
            n.put("best_loss", s.bestLoss());
            n.put("passes", s.passes());
            n.put("patterns", s.patterns());
            if (f.fold() > 0) {
                n.put("held_out_cases", f.test().size());
                n.put("held_out_passes", s.testPasses());
                n.put("held_out_patterns", s.testPatterns());
                ArrayNode byCase = n.putArray("held_out_by_case");
                for (CalibrationRunner.CaseCount x : s.heldOut()) {
                    byCase.addObject().put("case", x.name()).put("passes", x.passes()).put("patterns", x.patterns());
                }
                if (f.testDrawn() != null) {
                    n.put("ensemble_sets", members(c, f.candidates(), f.smc()).size());
                    n.put("held_out_ensemble_passes", s.drawn().stream().mapToInt(CalibrationRunner.CaseCount::passes).sum());
                    ArrayNode drawn = n.putArray("held_out_ensemble_by_case");
                    for (CalibrationRunner.CaseCount x : s.drawn()) {
                        drawn.addObject().put("case", x.name()).put("passes", x.passes()).put("patterns", x.patterns());
                    }
                }
            }
            f.smc().ifPresent(r -> smc(n.putObject("ensemble_smc"), r));
            ObjectNode best = n.putObject("best");
            for (int i = 0; i < c.parameters().size(); i++) {
                // a JSON number, as the manifest's others, written digit for digit as best.yaml writes it (a plain decimal)
                best.putRawValue(c.parameters().get(i).path(), new RawValue(f.best().values().get(i).text()));
            }
        }
        if (written.best()) {
            results.put("ensemble_sets", written.ensembleSets());
        }
        outOfSample(results, summaries, c.seed());
        m.put("threads", threads);
        return m;
    }

    /** What ABC-SMC did: each generation's tolerance, evaluations, steps, acceptance and distinct sets, and whether it reached its target. */
    private static void smc(ObjectNode n, AbcSmc.Result r) {
        n.put("evaluations", r.evaluations());
        n.put("reached_target", r.reached());
        if (Double.isInfinite(r.tolerance())) {
            n.putNull("tolerance_reached"); // the prior sample was not finished
        } else {
            n.put("tolerance_reached", r.tolerance());
        }
        ArrayNode gens = n.putArray("generations");
        for (AbcSmc.Generation g : r.generations()) {
            ObjectNode x = gens.addObject();
            x.put("generation", g.generation());
            if (Double.isInfinite(g.tolerance())) {
                x.putNull("tolerance");
            } else {
                x.put("tolerance", g.tolerance());
            }
            x.put("evaluations", g.evaluations());
            x.put("steps", g.steps());
            if (Double.isNaN(g.acceptance())) {
                x.putNull("acceptance"); // the prior sample moves nothing
            } else {
                x.put("acceptance", g.acceptance());
            }
            x.put("distinct", g.distinct());
            x.put("complete", g.complete());
        }
    }

    /**
     * The manifest's {@code out_of_sample}: the held-out passes pooled over the folds among
     * {@code fits}, with their 95 % interval by resampling cases; nothing without folds. Also
     * used by crisis calibrate --merge-folds.
     */
    static void outOfSample(ObjectNode results, List<CalibrationRunner.FitSummary> fits, long seed) {
        results.remove("out_of_sample");
        results.remove("out_of_sample_ensemble");
        CalibrationRunner.Pooled p = CalibrationRunner.pool(fits, seed);
        if (p.patterns() > 0) {
            rate(results.putObject("out_of_sample"), p.folds(), p.passes(), p.patterns(), p.interval());
        }
        ensembleOutOfSample(results, fits, seed);
    }

    /** A pooled held-out rate: folds, passes, patterns, share, and the 95 % interval with its rule if there is one. */
    private static ObjectNode rate(ObjectNode o, int folds, int passes, int patterns, double[] interval) {
        o.put("folds", folds);
        o.put("passes", passes);
        o.put("patterns", patterns);
        o.put("share", passes / (double) patterns);
        if (interval != null) {
            o.putArray("interval_95").add(interval[0]).add(interval[1]);
            o.put("interval_rule", CaseBootstrap.RULE);
        }
        return o;
    }

    /**
     * The manifest's {@code out_of_sample_ensemble} ({@link CalibrationRunner#poolDrawn}), when every fold among
     * {@code fits} scored its held-out cases with runs drawn from its own ensemble ({@code ensemble.heldOut}).
     */
    private static void ensembleOutOfSample(ObjectNode results, List<CalibrationRunner.FitSummary> fits, long seed) {
        CalibrationRunner.Drawn d = CalibrationRunner.poolDrawn(fits, seed);
        if (d == null) {
            return;
        }
        ObjectNode o = rate(results.putObject("out_of_sample_ensemble"), d.folds(), d.passes(), d.patterns(), d.interval());
        o.put("difference_from_best", (d.passes() - d.bestPasses()) / (double) d.patterns());
        if (d.difference() != null) {
            o.putArray("difference_interval_95").add(d.difference()[0]).add(d.difference()[1]);
            o.put("difference_interval_rule", "the same resampled cases for both rates (paired): percentiles of the drawn"
                    + " forecasts' pooled share minus the best sets'");
        }
    }

    /** The calibration's settings as the manifest records them (also used by crisis calibrate --merge-folds). */
    static ObjectNode describe(Calibration c) {
        ObjectNode s = F.objectNode();
        s.put("file", c.file().toString());
        s.put("sha256", c.fileSha256());
        s.put("name", c.name());
        s.put("description", c.description());
        s.put("master_seed", c.seed());
        s.put("seed_rule", SEED_RULE);
        s.put("budget", c.budget());
        ObjectNode method = s.putObject("method");
        method.put("name", "cmaes");
        method.put("population", c.population());
        method.put("sigma", c.sigma());
        method.put("starts", c.starts());
        method.put("rule", c.starts() > 1 ? STARTS + RESTARTS : RESTARTS);
        boolean saturated = c.saturation() != CalibrationLoss.UNSATURATED;
        s.put("loss", (c.brier() ? BRIER_LOSS : LOSS)
                + (saturated ? "; each term saturating as S*(1 - exp(-term/S)) with S = " + Csv.number(c.saturation()) : "")
                + (c.balanced() ? "; balanced: each term weighed n/(2*n_class), the classes being the patterns with a"
                        + " lower bound above 0 and the others" : ""));
        if (saturated) {
            s.put("loss_saturation", c.saturation());
        }
        if (c.balanced()) {
            s.put("loss_balance", true);
        }
        if (c.brier()) {
            s.put("loss_score", "brier");
        }
        ObjectNode ensemble = s.putObject("ensemble");
        ensemble.put("tolerance", c.tolerance());
        ensemble.put("method", c.smc().isPresent() ? "abc-smc" : "rejection");
        c.smc().ifPresent(x -> {
            ensemble.put("particles", x.particles());
            ensemble.put("budget", x.budget());
            ensemble.put("quantile", x.quantile());
            ensemble.put("prior", x.priorWidth() > 0 ? "start" : "flat");
            if (x.priorWidth() > 0) {
                ensemble.put("prior_width", x.priorWidth());
            }
            ensemble.put("generator", c.heldOut() ? "MersenneTwister(derive(master_seed, -6)) for the fit on all cases,"
                    + " MersenneTwister(derive(derive(master_seed, -6), fold)) for a fold" : "MersenneTwister(derive(master_seed, -6))");
        });
        ensemble.put("held_out", c.heldOut());
        if (c.heldOut()) {
            ensemble.put("held_out_rule", "each fold draws its own ensemble by the same method from its own candidates; its"
                    + " held-out cases are run with run k drawing a set of that ensemble by the rule of crisis run --parameters-from"
                    + " (u = (derive(seed_k, -5) >>> 11) * 2^-53, the first set whose cumulative weight share exceeds u)");
        }
        ensemble.put("rule", c.smc().isEmpty() ? ENSEMBLE_RULE : c.smc().get().priorWidth() > 0
                ? SMC_RULE.replace("a uniform prior on the search scale (the unit cube)", "a normal prior around each value's"
                        + " start with standard deviation prior_width of its range on the search scale, truncated to the range"
                        + " (the unit cube), moves refused by the prior's ratio before they are evaluated")
                : SMC_RULE);
        ArrayNode params = s.putArray("parameters");
        for (CalibrationParameter p : c.parameters()) {
            ObjectNode n = DottedPaths.describe(params.addObject(), p.path(), p.column(), p.integer());
            n.put("min", p.min());
            n.put("max", p.max());
            n.put("scale", p.log() ? "log" : "linear");
            n.put("start", p.start());
        }
        ArrayNode cases = s.putArray("cases");
        for (CalibrationCase x : c.cases()) {
            ObjectNode n = CalibrationDirectory.identity(cases.addObject(), x);
            n.put("runs", x.runs());
            n.put("patterns", x.patterns().size());
            ArrayNode kept = n.putArray("kept");
            c.parameters().stream().filter(p -> x.kept().contains(p.path())).forEach(p -> kept.add(p.path()));
        }
        s.put("patterns", c.patternCount());
        // the model's defaults in this build: what every value that neither a case nor the search sets is
        s.set("defaults", ScenarioJson.parameters(Parameters.defaults()));
        return s;
    }

    static ObjectNode folds(Calibration c, CalibrationFolds folds) {
        ObjectNode f = F.objectNode();
        f.put("k", folds.k());
        f.put("run", folds.toString());
        ArrayNode fits = f.putArray("fits");
        folds.fits().forEach(fits::add);
        if (folds.k() > 0) {
            f.put("assignment", ASSIGNMENT);
            ObjectNode of = f.putObject("of_case");
            int[] assigned = CalibrationFolds.assign(c.cases().stream().map(CalibrationCase::name).toList(), folds.k());
            for (int i = 0; i < assigned.length; i++) {
                of.put(c.cases().get(i).name(), assigned[i]);
            }
        }
        return f;
    }
}
