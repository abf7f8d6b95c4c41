package org.crisis.experiment;

import org.crisis.io.Csv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.crisis.stats.CaseBootstrap;

/**
 * Runs a calibration into a results directory, resumably (docs/CALIBRATION.md). Each fit
 * minimises the loss ({@link CalibrationLoss}) over its cases with Commons Math's
 * {@link CMAESOptimizer} on the free values mapped to the unit cube, bounded, within the
 * budget of candidate evaluations; when CMA-ES stops before the budget is spent it restarts
 * from the best candidate so far with twice the population (IPOP-CMA-ES, Auger and Hansen
 * 2005). Every candidate is recorded. A candidate's runs are spread over the threads
 * ({@link CalibrationEvaluator}); the optimiser itself is sequential and seeded from the
 * master seed, so the calibration is the same on any number of threads.
 *
 * <pre>{@code
 * CalibrationRunner.Result r = new CalibrationRunner(CalibrationReader.read(file), options).execute();
 * }</pre>
 */
public final class CalibrationRunner {
    /**
     * How to run.
     *
     * @param out results directory, or null for {@code results/NAME-TIMESTAMP}
     * @param folds which fits to run
     * @param progress show a progress bar (terminal) or a log line every 5 s
     * @param log where to say what happens (resuming, each fit's result), e.g. standard error
     */
    public record Options(int threads, Path out, Path resultsRoot, CalibrationFolds folds, SweepRunner.Mode mode,
            boolean progress, PrintStream log, List<String> commandLine, String version) {
        /** The command its messages are signed with: the command line's first two words ("crisis rerun" for a rerun). */
        String command() {
            return commandLine.size() >= 2 ? commandLine.get(0) + " " + commandLine.get(1) : "crisis calibrate";
        }
    }

    /**
     * What a finished calibration reports.
     *
     * @param directory the results directory
     * @param fits per fit: fold, best loss, passes and patterns in sample, held-out passes and patterns
     * @param simulated candidates whose runs were simulated in this session
     * @param resumed evaluations taken from the journal of earlier sessions
     * @param seconds time of this session
     */
    public record Result(Path directory, List<FitSummary> fits, long simulated, long resumed, double seconds) {
        /** The folds among the fits pooled: held-out and in-sample passes, and the held-out rate's interval. */
        public Pooled pooled(long seed) {
            return pool(fits, seed);
        }
    }

    /**
     * One fit's figures.
     *
     * @param evaluations the search's candidates (ABC-SMC's are not counted)
     * @param heldOut for a fold, each held-out case's passes and patterns at the fold's best set; empty for the fit on
     *     all cases
     * @param drawn for a fold with {@code ensemble.heldOut}, each held-out case's passes and patterns with its runs
     *     drawn from the fold's ensemble; else empty
     */
    public record FitSummary(int fold, int evaluations, int bestEvaluation, double bestLoss, int passes, int patterns,
            int testPasses, int testPatterns, List<CaseCount> heldOut, List<CaseCount> drawn) {}

    /** A case's passes among its patterns. */
    public record CaseCount(String name, int passes, int patterns) {}

    /**
     * The folds 1..K among some fits, pooled.
     *
     * @param folds how many folds
     * @param passes held-out passes
     * @param patterns held-out patterns
     * @param inPasses passes of the training cases at each fold's fit
     * @param inPatterns their patterns
     * @param interval the 95 % interval of the held-out pass rate by resampling the held-out cases
     *     ({@link CaseBootstrap}, seeded with the master seed); null with fewer than two, or when a
     *     fold does not list its held-out cases (a fold directory of an earlier version, merged)
     */
    public record Pooled(int folds, int passes, int patterns, int inPasses, int inPatterns, double[] interval) {}

    /** Pools the folds 1..K among {@code fits} (none: all zero). */
    public static Pooled pool(List<FitSummary> fits, long seed) {
        int folds = 0;
        int[] sums = new int[4];
        List<CaseCount> cases = new ArrayList<>();
        for (FitSummary f : fits) {
            if (f.fold() > 0) {
                folds++;
                sums[0] += f.testPasses();
                sums[1] += f.testPatterns();
                sums[2] += f.passes();
                sums[3] += f.patterns();
                cases.addAll(f.heldOut());
            }
        }
        // every held-out pattern must be among the cases (fold directories of an older version have none)
        boolean complete = cases.stream().mapToInt(CaseCount::patterns).sum() == sums[1];
        double[] interval = cases.size() < 2 || !complete ? null : CaseBootstrap.passRate(cases.stream().mapToInt(CaseCount::passes).toArray(),
                cases.stream().mapToInt(CaseCount::patterns).toArray(), seed);
        return new Pooled(folds, sums[0], sums[1], sums[2], sums[3], interval);
    }

    /**
     * The folds' held-out cases run with draws from each fold's ensemble ({@code ensemble.heldOut}), pooled.
     *
     * @param passes held-out passes with the runs drawn from the folds' ensembles
     * @param bestPasses the same patterns' passes at the folds' best sets
     * @param interval the 95 % interval of the drawn pass rate by resampling the held-out cases; null with fewer than two
     * @param difference the 95 % interval of the paired difference, drawn minus best; null with fewer than two cases
     */
    public record Drawn(int folds, int passes, int bestPasses, int patterns, double[] interval, double[] difference) {}

    /** Pools the drawn forecasts of the folds 1..K among {@code fits}; null unless every fold has them. */
    public static Drawn poolDrawn(List<FitSummary> fits, long seed) {
        List<CaseCount> best = new ArrayList<>();
        List<CaseCount> drawn = new ArrayList<>();
        int folds = 0;
        for (FitSummary f : fits) {
            if (f.fold() > 0) {
                if (f.drawn().isEmpty() || f.drawn().size() != f.heldOut().size()) {
                    return null;
                }
                folds++;
                best.addAll(f.heldOut());
                drawn.addAll(f.drawn());
            }
        }
        if (folds == 0) {
            return null;
        }
        int[] patterns = drawn.stream().mapToInt(CaseCount::patterns).toArray();
        int[] first = best.stream().mapToInt(CaseCount::passes).toArray();
        int[] second = drawn.stream().mapToInt(CaseCount::passes).toArray();
        boolean two = patterns.length >= 2;
        return new Drawn(folds, Arrays.stream(second).sum(), Arrays.stream(first).sum(), Arrays.stream(patterns).sum(),
                two ? CaseBootstrap.passRate(second, patterns, seed) : null,
                two ? CaseBootstrap.difference(first, second, patterns, seed) : null);
    }

    /** A calibration refused before running, for a reason the user can fix (exit status 2). */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The runs of one candidate on some cases: per pattern (cases in order), in how many runs it holds. */
    @FunctionalInterface
    interface Model {
        int[] held(List<CalibrationCase> cases, List<SweepFactor.Setting> values) throws Exception;

        /** As {@link #held}, each run drawing one of {@code sets} with probability proportional to its weight. */
        default int[] drawn(List<CalibrationCase> cases, List<List<SweepFactor.Setting>> sets, double[] weights)
                throws Exception {
            throw new UnsupportedOperationException("this model cannot draw runs from an ensemble");
        }
    }

    /** What evaluated a candidate: the search (CMA-ES) or ABC-SMC's ensemble. */
    static final String SEARCH = "cmaes";
    static final String SMC = "smc";

    /**
     * One evaluated candidate.
     *
     * @param restart the CMA-ES restart (0 for ABC-SMC)
     * @param iteration the CMA-ES generation within its restart, or ABC-SMC's generation (0: the prior sample)
     * @param stage {@link #SEARCH} or {@link #SMC}
     */
    record Candidate(int fold, int evaluation, int restart, int iteration, double[] u, List<SweepFactor.Setting> values,
            String key, int[] held, CalibrationLoss.Score score, String stage) {}

    /**
     * A finished fit: its cases, its candidates, the best, the held-out cases' counts at the best,
     * for the fit on all cases with {@code ensemble.method: abc-smc} (and for a fold, with
     * {@code ensemble.heldOut}) ABC-SMC's outcome, and for a fold with {@code ensemble.heldOut}
     * the held-out cases' counts with each run drawn from the fold's ensemble (else null).
     */
    record Fit(int fold, List<CalibrationCase> training, List<CalibrationCase> test, List<Candidate> candidates,
            Candidate best, int[] testHeld, Optional<AbcSmc.Result> smc, int[] testDrawn) {}

    /** Thrown by the test hook that stops a calibration after some evaluations, as a kill would. */
    static final class Stopped extends RuntimeException {
        Stopped(long n) {
            super("stopped after " + n + " evaluations");
        }
    }

    /** Carries a checked exception out of the objective function. */
    private static final class Failure extends RuntimeException {
        Failure(Exception cause) {
            super(cause);
        }
    }

    private final Calibration calibration;
    private final Options options;
    private Model model;
    private long stopAfter = -1;
    private long simulated;
    private long replayed;

    public CalibrationRunner(Calibration calibration, Options options) {
        this.calibration = calibration;
        this.options = options;
        this.model = new CalibrationEvaluator(calibration.parameters(), calibration.seed(), Math.max(1, options.threads()));
    }

    CalibrationRunner withModel(Model m) {
        this.model = m;
        return this;
    }

    /** Test hook: stop (as if killed) once this many candidates have been simulated in this session. */
    CalibrationRunner stopAfter(long evaluations) {
        this.stopAfter = evaluations;
        return this;
    }

    public Result execute() throws IOException, Refused {
        long begin = System.nanoTime();
        CalibrationDirectory dir = CalibrationDirectory.open(calibration, options.folds(), options.out(),
                options.resultsRoot(), options.mode(), options.version());
        try {
            if (dir.finished) {
                options.log().println(options.command() + ": this calibration already finished; results in " + dir.target);
                dir.removeWork();
                return new Result(dir.target, List.of(), 0, 0, (System.nanoTime() - begin) / 1e9);
            }
            CalibrationJournal journal = CalibrationJournal.read(dir.work);
            if (dir.resumed) {
                options.log().printf(Locale.ROOT, "%s: resuming %s: %d evaluations already recorded (those"
                        + " within this command's budget are used again)%n", options.command(), dir.work, journal.size());
                dir.otherBuilds(options.command(), options.version()).ifPresent(options.log()::println);
            }
            List<Fit> fits = new ArrayList<>();
            int sessions;
            try (SweepJournal.Appender appender = new SweepJournal.Appender(dir.work)) {
                sessions = SweepJournal.segments(dir.work).size();
                Thread flush = new Thread(() -> {
                    try {
                        appender.flush();
                        System.err.println("\n" + options.command() + ": interrupted; the finished evaluations are kept:"
                                + " run the same command again to resume");
                    } catch (IOException e) {
                        // the evaluations are done again on resume
                    }
                });
                Runtime.getRuntime().addShutdownHook(flush);
                try {
                    for (int fold : options.folds().fits()) {
                        Fit fit = fit(fold, journal, appender);
                        fits.add(fit);
                        say(fit);
                    }
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(flush);
                    } catch (IllegalStateException e) {
                        // shutting down already
                    }
                }
            }
            Path staging = dir.staging();
            CalibrationOutput.Written written = CalibrationOutput.write(calibration, options.folds(), fits, staging);
            var manifest = CalibrationOutput.manifest(calibration, options.folds(), fits, written, options.commandLine(),
                    options.version(), options.threads());
            dir.recordSessions(manifest);
            var timings = manifest.putObject("timings");
            timings.put("started", dir.started.toString());
            timings.put("ended", Instant.now().toString());
            timings.put("sessions", sessions);
            timings.put("evaluations_this_session", simulated);
            timings.put("seconds_this_session", Math.round((System.nanoTime() - begin) / 1e6) / 1e3);
            SweepRunner.JSON.writeValue(staging.resolve("manifest.json").toFile(), manifest);
            Path where = dir.commit();
            List<FitSummary> summaries = new ArrayList<>();
            for (Fit f : fits) {
                summaries.add(summary(f));
            }
            return new Result(where, summaries, simulated, replayed, (System.nanoTime() - begin) / 1e9);
        } finally {
            dir.close();
        }
    }

    static FitSummary summary(Fit f) {
        List<CaseCount> heldOut = byCase(f.test(), f.testHeld());
        int searched = (int) f.candidates().stream().filter(x -> x.stage().equals(SEARCH)).count();
        return new FitSummary(f.fold(), searched, f.best().evaluation(), f.best().score().loss(),
                f.best().score().passes(), f.best().score().patterns(), heldOut.stream().mapToInt(CaseCount::passes).sum(),
                heldOut.stream().mapToInt(CaseCount::patterns).sum(), heldOut, byCase(f.test(), f.testDrawn()));
    }

    /** Each case's passes among its patterns, from counts over the cases in order (none without counts). */
    private static List<CaseCount> byCase(List<CalibrationCase> cases, int[] counts) {
        List<CaseCount> list = new ArrayList<>();
        if (counts != null) {
            // passes only: they do not depend on the loss's saturation
            int offset = 0;
            for (CalibrationCase x : cases) {
                int n = x.patterns().size();
                int[] held = Arrays.copyOfRange(counts, offset, offset + n);
                CalibrationLoss.Score s = CalibrationLoss.score(List.of(x), held, CalibrationLoss.UNSATURATED);
                list.add(new CaseCount(x.name(), s.passes(), s.patterns()));
                offset += n;
            }
        }
        return List.copyOf(list);
    }

    private void say(Fit fit) {
        FitSummary s = summary(fit);
        String what = fit.fold() == 0 ? "all cases" : "fold " + fit.fold() + "/" + options.folds().k();
        String drawn = s.drawn().isEmpty() ? "" : String.format(Locale.ROOT, "; %d of %d %s with runs drawn from the"
                + " fold's ensemble", s.drawn().stream().mapToInt(CaseCount::passes).sum(), s.testPatterns(),
                s.testPatterns() == 1 ? "passes" : "pass");
        options.log().printf(Locale.ROOT, "%s: %s: best loss %s at evaluation %d of %d; %d of %s %s%s%n",
                options.command(), what, Csv.number(s.bestLoss()), s.bestEvaluation(), s.evaluations(), s.passes(),
                count(s.patterns(), "pattern"), s.patterns() == 1 ? "passes" : "pass",
                fit.fold() == 0 ? "" : String.format(Locale.ROOT, "; held out: %d of %d %s%s", s.testPasses(), s.testPatterns(),
                        s.testPatterns() == 1 ? "passes" : "pass", drawn));
        double target = s.bestLoss() + calibration.tolerance();
        fit.smc().ifPresent(r -> options.log().printf(Locale.ROOT, "%s: %s: ensemble by ABC-SMC: %s in %s,"
                + " %s; %s in %s%n", options.command(), what, smcOutcome(r, target, calibration.tolerance()),
                count(r.evaluations(), "candidate"), count(r.generations().size(), "generation"),
                count(CalibrationOutput.members(fit.candidates(), r).size(), "distinct set"),
                fit.fold() == 0 ? "posterior.csv" : "folds-posterior.csv"));
    }

    /**
     * Where ABC-SMC stopped: at its target; at the target tolerance with the last generation cut
     * short by the budget (its particles lie within the target but made fewer moves than asked,
     * so {@link AbcSmc.Result#reached} is false); or at a wider tolerance.
     */
    static String smcOutcome(AbcSmc.Result r, double target, double tolerance) {
        if (r.reached()) {
            return "reached its target tolerance " + Csv.number(r.tolerance()) + " (the best loss plus " + Csv.number(tolerance) + ")";
        }
        if (r.tolerance() <= target) {
            return "reached its target tolerance " + Csv.number(r.tolerance()) + " (the best loss plus " + Csv.number(tolerance)
                    + "), but ensemble.budget cut its last generation short: less mixed than asked";
        }
        return "did not reach its target (the best loss plus " + Csv.number(tolerance) + ") within ensemble.budget; stands at"
                + " tolerance " + Csv.number(r.tolerance());
    }

    /** "1 pattern", "2 patterns": the counts of crisis calibrate's and crisis check's messages. */
    public static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** The cases a fit trains on (all for fold 0, else those of the other folds) and those it holds out. */
    static List<List<CalibrationCase>> split(Calibration c, int fold, int k) {
        List<CalibrationCase> training = new ArrayList<>();
        List<CalibrationCase> test = new ArrayList<>();
        if (fold == 0) {
            training.addAll(c.cases());
        } else {
            int[] assigned = CalibrationFolds.assign(c.cases().stream().map(CalibrationCase::name).toList(), k);
            for (int i = 0; i < assigned.length; i++) {
                (assigned[i] == fold ? test : training).add(c.cases().get(i));
            }
        }
        return List.of(training, test);
    }

    private Fit fit(int fold, CalibrationJournal journal, SweepJournal.Appender appender) throws IOException, Refused {
        List<List<CalibrationCase>> split = split(calibration, fold, options.folds().k());
        List<CalibrationCase> training = split.get(0);
        List<CalibrationCase> test = split.get(1);
        List<CalibrationParameter> parameters = calibration.parameters();
        int d = parameters.size();
        int budget = calibration.budget();
        boolean drawHeldOut = fold > 0 && calibration.heldOut();
        Optional<Calibration.Smc> smcSettings = fold == 0 || drawHeldOut ? calibration.smc() : Optional.empty();
        long todo = budget + (fold > 0 ? 1 : 0) + (drawHeldOut ? 1 : 0) + smcSettings.map(Calibration.Smc::budget).orElse(0)
                - journal.count(fold);
        Progress progress = options.progress() ? Progress.of(Math.max(0, todo), "evaluations", true) : Progress.none();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, int[]> cache = new HashMap<>();
        MersenneTwister random = new MersenneTwister(Seeds.derive(Seeds.derive(calibration.seed(),
                Calibration.OPTIMISER_STREAM), fold));
        double[] start = new double[d];
        double[] lower = new double[d];
        double[] upper = new double[d];
        double[] sigma = new double[d];
        for (int i = 0; i < d; i++) {
            start[i] = parameters.get(i).u(parameters.get(i).start());
            upper[i] = 1;
            sigma[i] = calibration.sigma();
        }
        try {
            int restart = 0;
            long lambda = calibration.population();
            // several starts (docs/CALIBRATION.md): each its equal share of the budget, the first from the
            // file's starts, the others from uniform points of the box; then restarts from the best so far
            int starts = Math.min(calibration.starts(), budget);
            int share = budget / starts;
            while (candidates.size() < budget) {
                boolean independent = restart < starts;
                double[] guess = restart == 0 ? start
                        : independent ? AbcSmc.Prior.FLAT.sample(d, random) : best(candidates).u().clone();
                int population = (int) lambda;
                int before = candidates.size();
                int limit = independent ? Math.min(share, budget - before) : budget - before;
                int[] local = {0};
                int r = restart;
                CMAESOptimizer optimiser = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, random, false, null);
                try {
                    optimiser.optimize(new MaxEval(limit),
                            new ObjectiveFunction(u -> {
                                // the CMA-ES generation within this restart: 0 is its starting point
                                int iteration = local[0] == 0 ? 0 : 1 + (local[0] - 1) / population;
                                local[0]++;
                                return evaluate(fold, training, u, r, iteration, SEARCH, candidates, cache, journal,
                                        appender, progress);
                            }),
                            GoalType.MINIMIZE, new InitialGuess(guess), new SimpleBounds(lower, upper),
                            new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
                } catch (MathIllegalStateException | MathArithmeticException e) {
                    // CMA-ES gave up (a degenerate distribution): restart, as when it converges
                }
                if (candidates.size() == before) {
                    break; // cannot happen: each restart evaluates at least its starting point
                }
                restart++;
                if (restart >= starts) {
                    lambda = Math.min(CalibrationReader.MAX_POPULATION, lambda * 2);
                }
            }
            Candidate best = best(candidates);
            Optional<AbcSmc.Result> smc = smcSettings.map(x -> ensemble(x, fold, best.score().loss()
                    + calibration.tolerance(), training, candidates, cache, journal, appender, progress));
            int[] testHeld = null;
            if (!test.isEmpty()) {
                CalibrationJournal.Entry recorded = journal.test(fold, best.evaluation());
                if (recorded != null && recorded.held().length == patterns(test)) {
                    testHeld = recorded.held();
                    replayed++;
                } else {
                    testHeld = model.held(test, best.values());
                    recorded(CalibrationJournal.testLine(fold, best.evaluation(), testHeld), appender, progress);
                }
            }
            int[] testDrawn = drawHeldOut ? drawn(fold, test, candidates, smc, journal, appender, progress) : null;
            return new Fit(fold, training, test, candidates, best, testHeld, smc, testDrawn);
        } catch (Failure e) {
            Throwable cause = e.getCause();
            if (cause instanceof Refused x) {
                throw x;
            }
            if (cause instanceof IOException x) {
                throw x;
            }
            if (cause instanceof RuntimeException x) {
                throw x;
            }
            throw new IllegalStateException(cause);
        } catch (IOException | Refused | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            progress.finish();
        }
    }

    private static int patterns(List<CalibrationCase> cases) {
        int n = 0;
        for (CalibrationCase c : cases) {
            n += c.patterns().size();
        }
        return n;
    }

    /**
     * The held-out cases of a fold run with each run drawing its set from the fold's ensemble
     * (ABC-SMC's, or the candidates within the tolerance), as {@code crisis run --parameters-from}
     * on the fold's own posterior would draw them; recorded in the journal like the best set's counts.
     */
    private int[] drawn(int fold, List<CalibrationCase> test, List<Candidate> candidates, Optional<AbcSmc.Result> smc,
            CalibrationJournal journal, SweepJournal.Appender appender, Progress progress) throws Exception {
        List<CalibrationOutput.Member> members = CalibrationOutput.members(calibration, candidates, smc);
        // the ensemble as folds-posterior.csv gives it: each set's values and weight, in order (a resume with another
        // --budget may give a fold another ensemble of as many sets, whose counts are not these); the weights as
        // written, so that crisis validate --parameters-from on that file draws the same sets
        StringBuilder identity = new StringBuilder();
        double[] weights = new double[members.size()];
        for (int i = 0; i < weights.length; i++) {
            String weight = CalibrationOutput.weightText(members.get(i).weight());
            identity.append(members.get(i).candidate().key()).append(';').append(weight).append('\n');
            weights[i] = Double.parseDouble(weight);
        }
        String ensemble = Hashing.sha256(identity.toString().getBytes(StandardCharsets.UTF_8));
        CalibrationJournal.Entry recorded = journal.drawn(fold, ensemble);
        if (recorded != null && recorded.held().length == patterns(test)) {
            replayed++;
            return recorded.held();
        }
        int[] held = model.drawn(test, members.stream().map(m -> m.candidate().values()).toList(), weights);
        recorded(CalibrationJournal.drawnLine(fold, ensemble, held), appender, progress);
        return held;
    }

    /** A simulation done: its journal line appended and counted (the test hook may stop here, as a kill would). */
    private void recorded(String line, SweepJournal.Appender appender, Progress progress) throws IOException {
        appender.append(line);
        simulated++;
        progress.advance(1);
        if (simulated == stopAfter) {
            appender.flush();
            throw new Stopped(simulated);
        }
    }

    /**
     * ABC-SMC after the search of a fit (docs/CALIBRATION.md, "The ensemble by ABC-SMC"), towards
     * the best loss plus the tolerance; its candidates join the fit's, numbered on from the
     * search's, through the same journal and cache.
     */
    private AbcSmc.Result ensemble(Calibration.Smc settings, int fold, double target, List<CalibrationCase> training,
            List<Candidate> candidates, Map<String, int[]> cache, CalibrationJournal journal, SweepJournal.Appender appender,
            Progress progress) {
        MersenneTwister random = new MersenneTwister(Calibration.smcSeed(calibration.seed(), fold));
        int first = candidates.size();
        AbcSmc.Prior prior = AbcSmc.Prior.FLAT;
        if (settings.priorWidth() > 0) {
            double[] centre = calibration.parameters().stream().mapToDouble(p -> p.u(p.start())).toArray();
            prior = new AbcSmc.Prior(centre, settings.priorWidth());
        }
        AbcSmc.Result r = AbcSmc.run(calibration.parameters().size(),
                new AbcSmc.Settings(settings.particles(), settings.budget(), settings.quantile()), prior, target, random,
                (u, generation) -> evaluate(fold, training, u, 0, generation, SMC, candidates, cache, journal, appender,
                        progress));
        // the particles' evaluations, counted from 1 within ABC-SMC, as the fit numbers them
        List<AbcSmc.Particle> population = new ArrayList<>();
        for (AbcSmc.Particle p : r.population()) {
            population.add(new AbcSmc.Particle(p.u(), p.distance(), first + p.evaluation()));
        }
        return new AbcSmc.Result(List.copyOf(population), r.generations(), r.reached(), r.evaluations(), r.tolerance());
    }

    /** The search's candidate with the lowest loss (of equal losses, the first evaluated): ABC-SMC's candidates are not searched for the best. */
    static Candidate best(List<Candidate> candidates) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (!c.stage().equals(SEARCH)) {
                continue;
            }
            if (best == null || c.score().loss() < best.score().loss()) {
                best = c;
            }
        }
        return best;
    }

    /** The objective: one candidate's loss, from the journal, the cache of identical candidates, or the model. */
    private double evaluate(int fold, List<CalibrationCase> training, double[] u, int restart, int iteration, String stage,
            List<Candidate> candidates, Map<String, int[]> cache, CalibrationJournal journal,
            SweepJournal.Appender appender, Progress progress) {
        int evaluation = candidates.size() + 1;
        List<CalibrationParameter> parameters = calibration.parameters();
        List<SweepFactor.Setting> values = new ArrayList<>(parameters.size());
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parameters.size(); i++) {
            SweepFactor.Setting s = parameters.get(i).at(u[i]);
            values.add(s);
            key.append(i == 0 ? "" : ",").append(s.text());
        }
        int expected = patterns(training);
        int[] held;
        boolean smc = stage.equals(SMC);
        CalibrationJournal.Entry recorded = smc ? journal.smc(fold, u) : journal.evaluation(fold, evaluation);
        try {
            if (recorded != null) {
                if (!Arrays.equals(recorded.u(), u) || recorded.held().length != expected) {
                    throw new Refused("the journal does not match this calibration: evaluation " + evaluation
                            + (fold == 0 ? "" : " of fold " + fold) + " was recorded with other values than the optimiser"
                            + " asks for now (was crisis rebuilt with a changed model?); start over with --restart");
                }
                held = recorded.held();
                replayed++;
            } else if (cache.containsKey(key.toString())) {
                held = cache.get(key.toString());
                progress.advance(1);
            } else {
                held = model.held(training, values);
                recorded(smc ? CalibrationJournal.smcLine(fold, u, held)
                        : CalibrationJournal.evaluationLine(fold, evaluation, u, held), appender, progress);
            }
        } catch (Stopped e) {
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Failure(e);
        }
        cache.putIfAbsent(key.toString(), held);
        CalibrationLoss.Score score = CalibrationLoss.score(training, held, calibration.saturation(), calibration.balanced(),
                calibration.brier());
        candidates.add(new Candidate(fold, evaluation, restart, iteration, u.clone(), values, key.toString(), held, score,
                stage));
        return score.loss();
    }
}
