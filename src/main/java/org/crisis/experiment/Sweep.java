package org.crisis.experiment;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisis.observe.Outcome;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Overrides;
import org.crisis.scenario.Problem;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.scenario.TreeReader;

/**
 * A validated sweep file (SCENARIO.md, "Sweep"; docs/SWEEPS.md) with its scenario and the
 * points of its design. Read with {@link SweepReader}; run with {@link SweepRunner}.
 *
 * <p>Runs are numbered {@code point · replications + replication}; run seeds follow
 * {@link #seedOf}.
 *
 * <pre>{@code
 * Sweep sweep = SweepReader.read(Path.of("scenarios/sweeps/asylum-severity.yaml"));
 * Scenario third = sweep.scenarioAt(2);
 * }</pre>
 *
 * @param name name of the results directory (the sweep's {@code name}, else the file name)
 * @param file the sweep file
 * @param fileSha256 SHA-256 of the sweep file's bytes
 * @param scenarioFile the scenario file the sweep varies
 * @param scenarioSha256 SHA-256 of the scenario file's bytes
 * @param resolvedScenarioSha256 SHA-256 of the resolved scenario (ScenarioJson), as in crisis run
 * @param tree the scenario as parsed, before overrides (never mutated: each point works on a copy)
 * @param scenario the scenario without overrides
 * @param commonRandomNumbers replication r uses the same seed at every point (default)
 * @param levels Morris grid levels (unused by the other designs)
 * @param points the design's points, in the unit cube
 */
public record Sweep(String name, String description, Path file, String fileSha256, Path scenarioFile,
        String scenarioSha256, String resolvedScenarioSha256, Node tree, Scenario scenario, Design design,
        int samples, int replications, long seed, boolean commonRandomNumbers, int levels,
        List<SweepFactor> factors, List<Outcome> outcomes, DesignPoints points) {

    /** Stream indexes of {@link Seeds#derive} kept apart from replication indexes (which are ≥ 0). */
    static final long DESIGN_STREAM = -2;
    static final long BOOTSTRAP_STREAM = -3;

    public Sweep {
        factors = List.copyOf(factors);
        outcomes = List.copyOf(outcomes);
    }

    /** The design's points for these settings; random draws seeded from the master seed. */
    static DesignPoints design(Design design, List<SweepFactor> factors, int samples, int levels, long seed) {
        int d = factors.size();
        MersenneTwisterFast random = new MersenneTwisterFast(Seeds.derive(seed, DESIGN_STREAM));
        return switch (design) {
            case GRID -> Designs.grid(factors.stream().mapToInt(f -> f.gridLevels().size()).toArray());
            case RANDOM -> Designs.random(samples, d, random);
            case LHS -> Designs.lhs(samples, d, random);
            case SOBOL -> Designs.saltelli(samples, d, random);
            case MORRIS -> Designs.morris(samples, d, levels, random);
        };
    }

    public int pointCount() {
        return points.count();
    }

    /** Total number of runs: points × replications. */
    public long runCount() {
        return (long) points.count() * replications;
    }

    /**
     * The seed of a run. With common random numbers (the default) replication r uses
     * {@code Seeds.derive(seed, r)} at every point, so points differ only by their values;
     * otherwise {@code Seeds.derive(Seeds.derive(seed, point), r)}.
     */
    public long seedOf(int point, int replication) {
        return commonRandomNumbers ? Seeds.derive(seed, replication)
                : Seeds.derive(Seeds.derive(seed, point), replication);
    }

    /** Seed of the bootstrap resampling of the sensitivity indices. */
    public long bootstrapSeed() {
        return Seeds.derive(seed, BOOTSTRAP_STREAM);
    }

    /** The values a point gives the factors. */
    public List<SweepFactor.Setting> settingsAt(int point) {
        List<SweepFactor.Setting> list = new ArrayList<>(factors.size());
        for (int i = 0; i < factors.size(); i++) {
            list.add(factors.get(i).at(points.u(point, i), design == Design.GRID));
        }
        return list;
    }

    /** The scenario of a point: the base scenario with the point's values set. */
    public Scenario scenarioAt(int point) throws InvalidInputException {
        return scenarioWith(settingsAt(point));
    }

    Scenario scenarioWith(List<SweepFactor.Setting> settings) throws InvalidInputException {
        Node copy = TreeReader.copyOf(tree);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Optional<Problem> p = Overrides.set(copy, factors.get(i).path(), settings.get(i).node());
            p.ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ScenarioReader.bind(copy);
    }

    /** Names of the varied values, as {@code path=value} for messages. */
    public String describe(int point) {
        List<SweepFactor.Setting> s = settingsAt(point);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < factors.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(factors.get(i).path()).append('=').append(s.get(i).text());
        }
        return b.toString();
    }

    /** The header of runs.csv. */
    public List<String> runColumns() {
        List<String> c = new ArrayList<>(List.of("point", "replication", "seed"));
        factors.forEach(f -> c.add(f.column()));
        outcomes.forEach(o -> c.add(o.column()));
        c.add("status");
        c.add("message");
        return c;
    }
}
