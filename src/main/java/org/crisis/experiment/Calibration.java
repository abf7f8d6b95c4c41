package org.crisis.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated calibration file (docs/CALIBRATION.md) with its cases. Read with
 * {@link CalibrationReader}; run with {@link CalibrationRunner}.
 *
 * @param name name of the results directory (the file's {@code name}, else the file name)
 * @param file the calibration file
 * @param fileSha256 SHA-256 of the calibration file's bytes
 * @param cases the cases, in the order of {@code cases:} (files of a directory sorted by name)
 * @param parameters the free values, in file order
 * @param seed master seed: run k of every case and candidate uses {@code Seeds.derive(seed, k)}
 * @param budget candidate evaluations per fit
 * @param population CMA-ES population size λ
 * @param sigma CMA-ES initial step size, in the unit cube
 * @param starts independent searches sharing the budget: the first from the starts, the others from points
 *        drawn uniformly in the box (docs/CALIBRATION.md, "Several starts")
 * @param tolerance the ensemble takes every evaluated set whose loss is at most the best loss plus this
 * @param folds default number of folds for cross-validation (0: none given)
 * @param saturation each pattern's loss term saturates at this ({@link CalibrationLoss#UNSATURATED}: none)
 * @param balanced {@code loss.balance}: the patterns with a lower bound and those with only an upper bound
 *        weigh the same in total ({@link CalibrationLoss#score})
 * @param smc the ensemble by ABC-SMC ({@code ensemble.method: abc-smc}); empty: the candidates within the tolerance
 * @param heldOut {@code ensemble.heldOut}: each fold also draws its own ensemble, by the same method, and its
 *        held-out cases are scored with forecasts drawn from it, as {@code crisis run --parameters-from} makes them
 * @param brier {@code loss.score: brier}: each pattern's term is the squared difference between its share and
 *        what it says happened ({@link CalibrationLoss#brierTerm}), not its distance outside its bounds
 */
public record Calibration(String name, String description, Path file, String fileSha256, List<CalibrationCase> cases,
        List<CalibrationParameter> parameters, long seed, int budget, int population, double sigma, int starts,
        double tolerance, int folds, double saturation, boolean balanced, Optional<Smc> smc, boolean heldOut,
        boolean brier) {

    /**
     * The ensemble by ABC-SMC (docs/CALIBRATION.md, "The ensemble by ABC-SMC"), run after the
     * search of the fit on all cases.
     *
     * @param particles the population size
     * @param budget evaluations at most, beyond the search's
     * @param quantile each generation's tolerance is this quantile of the last one's losses
     * @param priorWidth 0: a flat prior over the searched ranges; else a normal prior around the
     *        search's start, this standard deviation in each range's share (the search's scale)
     */
    public record Smc(int particles, int budget, double quantile, double priorWidth) {}

    /** Stream index of {@link Seeds#derive} for the optimiser's generator (replications use indexes ≥ 0). */
    static final long OPTIMISER_STREAM = -4;
    /** Stream index of {@link Seeds#derive} for the ABC-SMC generator. */
    static final long SMC_STREAM = -6;

    /** The seed of ABC-SMC's generator in a fit: the fit on all cases keeps the stream's own, fold I derives I from it. */
    static long smcSeed(long seed, int fold) {
        long stream = Seeds.derive(seed, SMC_STREAM);
        return fold == 0 ? stream : Seeds.derive(stream, fold);
    }

    public Calibration {
        cases = List.copyOf(cases);
        parameters = List.copyOf(parameters);
    }

    /** CMA-ES's default population for d free values: 4 + floor(3 ln d) (Hansen 2016). */
    public static int defaultPopulation(int d) {
        return 4 + (int) Math.floor(3 * Math.log(Math.max(1, d)));
    }

    /** The same calibration with another budget ({@code --budget}). */
    public Calibration withBudget(int b) {
        return new Calibration(name, description, file, fileSha256, cases, parameters, seed, b, population, sigma,
                starts, tolerance, folds, saturation, balanced, smc, heldOut, brier);
    }

    /** The same calibration with {@code ensemble.heldOut} on ({@code --held-out-ensembles}). */
    public Calibration withHeldOut() {
        return new Calibration(name, description, file, fileSha256, cases, parameters, seed, budget, population, sigma,
                starts, tolerance, folds, saturation, balanced, smc, true, brier);
    }

    /** Total patterns over all cases. */
    public int patternCount() {
        int n = 0;
        for (CalibrationCase c : cases) {
            n += c.patterns().size();
        }
        return n;
    }

    /** Columns of candidates.csv. */
    public List<String> candidateColumns() {
        List<String> c = new ArrayList<>(List.of("fold", "evaluation", "restart", "iteration"));
        parameters.forEach(p -> c.add(p.column()));
        c.addAll(List.of("loss", "passes", "patterns", "stage"));
        return c;
    }
}
