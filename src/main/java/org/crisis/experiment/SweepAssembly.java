package org.crisis.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.crisis.io.Csv;
import org.crisis.observe.Outcome;
import org.crisis.stats.Intervals;
import org.crisis.stats.OutcomeStatistics;

/**
 * Writes a sweep's final files from its rows in run order: runs.csv, and for a whole sweep
 * (not a shard) points.csv and, for Sobol and Morris designs, sensitivity.csv. Statistics are
 * computed from the values as written in runs.csv, so anyone can recompute them from that
 * file. Holds one point's runs at a time, plus one value per point and outcome for the
 * sensitivity indices.
 */
final class SweepAssembly {
    private SweepAssembly() {}

    /** What was written: runs and failed runs. */
    record Totals(long runs, long failed) {}

    /** Thrown when the rows do not cover exactly the runs expected. */
    static final class Incomplete extends IOException {
        Incomplete(String message) {
            super(message);
        }
    }

    static Totals write(Sweep sweep, SweepShard shard, Iterator<String> rows, Path dir) throws IOException {
        int d = sweep.factors().size();
        List<Outcome> outcomes = sweep.outcomes();
        int m = outcomes.size();
        int replications = sweep.replications();
        long total = sweep.runCount();
        boolean whole = shard.all();
        boolean sensitivity = whole && sweep.design().sensitivity();
        double[][] y = sensitivity ? new double[m][sweep.pointCount()] : null;
        long expected = shard.next(0);
        long runs = 0;
        long failed = 0;
        try (BufferedWriter runsCsv = writer(dir.resolve("runs.csv"));
                BufferedWriter pointsCsv = whole ? writer(dir.resolve("points.csv")) : null) {
            runsCsv.write(String.join(",", sweep.runColumns()));
            runsCsv.write('\n');
            if (pointsCsv != null) {
                StringBuilder h = new StringBuilder("point");
                sweep.factors().forEach(f -> h.append(',').append(f.column()));
                pointsCsv.write(h.append(",outcome,n,mean,sd,ci95_low,ci95_high\n").toString());
            }
            OutcomeStatistics[] stats = new OutcomeStatistics[m];
            int currentPoint = -1;
            String currentValues = "";
            StringBuilder line = new StringBuilder(256);
            while (rows.hasNext()) {
                String row = rows.next();
                long run = SweepRows.run(row, replications);
                if (run != expected) {
                    throw new Incomplete(run < expected ? "run " + run + " appears twice"
                            : "run " + expected + " (point " + expected / replications + ", replication "
                                    + expected % replications + ") is missing");
                }
                expected += shard.count();
                runs++;
                runsCsv.write(row);
                runsCsv.write('\n');
                List<String> cells = SweepRows.split(row);
                if (cells.size() != 5 + d + m) {
                    throw new Incomplete("run " + run + " has " + cells.size() + " cells, expected " + (5 + d + m));
                }
                boolean ok = SweepRows.OK.equals(cells.get(3 + d + m));
                if (!ok) {
                    failed++;
                }
                if (pointsCsv == null) {
                    continue;
                }
                int point = (int) (run / replications);
                if (point != currentPoint) {
                    if (currentPoint >= 0) {
                        writePoint(pointsCsv, line, currentPoint, currentValues, outcomes, stats, y);
                    }
                    currentPoint = point;
                    currentValues = SweepRows.cells(row, 3, 3 + d);
                    for (int k = 0; k < m; k++) {
                        stats[k] = new OutcomeStatistics(outcomes.get(k).binary());
                    }
                }
                if (ok) {
                    for (int k = 0; k < m; k++) {
                        String cell = cells.get(3 + d + k);
                        stats[k].add(cell.isEmpty() ? Double.NaN : Double.parseDouble(cell));
                    }
                }
            }
            if (pointsCsv != null && currentPoint >= 0) {
                writePoint(pointsCsv, line, currentPoint, currentValues, outcomes, stats, y);
            }
        }
        long owned = shard.runs(total);
        if (runs != owned) {
            throw new Incomplete("expected " + owned + " runs, found " + runs + "; run " + expected + " (point "
                    + expected / replications + ", replication " + expected % replications + ") is the first missing");
        }
        if (sensitivity) {
            writeSensitivity(sweep, y, dir.resolve("sensitivity.csv"));
        }
        return new Totals(runs, failed);
    }

    private static void writePoint(BufferedWriter out, StringBuilder s, int point, String values,
            List<Outcome> outcomes, OutcomeStatistics[] stats, double[][] y) throws IOException {
        for (int k = 0; k < outcomes.size(); k++) {
            OutcomeStatistics st = stats[k];
            s.setLength(0);
            s.append(point);
            if (!values.isEmpty()) {
                s.append(',').append(values);
            }
            s.append(',').append(outcomes.get(k).column()).append(',').append(st.n());
            double mean = st.mean();
            double[] ci = Intervals.within(outcomes.get(k).measure().fileName(), outcomes.get(k).unit(), st.interval());
            Csv.number(s.append(','), mean, 6);
            Csv.number(s.append(','), st.sd(), 6);
            Csv.number(s.append(','), ci[0], 6);
            Csv.number(s.append(','), ci[1], 6);
            out.write(s.append('\n').toString());
            if (y != null) {
                y[k][point] = mean;
            }
        }
    }

    private static void writeSensitivity(Sweep sweep, double[][] y, Path file) throws IOException {
        List<SweepFactor> factors = sweep.factors();
        int d = factors.size();
        StringBuilder s = new StringBuilder();
        try (BufferedWriter out = writer(file)) {
            if (sweep.design() == Design.SOBOL) {
                out.write("outcome,parameter,rows,s1,s1_ci95_low,s1_ci95_high,st,st_ci95_low,st_ci95_high\n");
                for (int k = 0; k < y.length; k++) {
                    SensitivitySobol.Result r = SensitivitySobol.analyse(y[k], sweep.samples(), d,
                            SensitivitySobol.BOOTSTRAP, sweep.bootstrapSeed());
                    for (int i = 0; i < d; i++) {
                        s.setLength(0);
                        s.append(sweep.outcomes().get(k).column()).append(',').append(factors.get(i).column())
                                .append(',').append(r.rows());
                        for (double x : new double[] {r.s1()[i], r.s1Low()[i], r.s1High()[i], r.st()[i], r.stLow()[i],
                            r.stHigh()[i]}) {
                            Csv.number(s.append(','), x, 6);
                        }
                        out.write(s.append('\n').toString());
                    }
                }
            } else {
                out.write("outcome,parameter,effects,mu,mu_star,sigma,mu_star_ci95_low,mu_star_ci95_high\n");
                for (int k = 0; k < y.length; k++) {
                    SensitivityMorris.Result r = SensitivityMorris.analyse(y[k], sweep.points(),
                            SensitivitySobol.BOOTSTRAP, sweep.bootstrapSeed());
                    for (int i = 0; i < d; i++) {
                        s.setLength(0);
                        s.append(sweep.outcomes().get(k).column()).append(',').append(factors.get(i).column())
                                .append(',').append(r.effects()[i]);
                        for (double x : new double[] {r.mu()[i], r.muStar()[i], r.sigma()[i], r.muStarLow()[i],
                            r.muStarHigh()[i]}) {
                            Csv.number(s.append(','), x, 6);
                        }
                        out.write(s.append('\n').toString());
                    }
                }
            }
        }
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }
}
