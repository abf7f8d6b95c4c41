package org.crisis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisis.io.CsvTable;

/**
 * A tracked pair over all runs, day by day (ensemble.csv): the share of runs at each level
 * and the 5/25/50/75/95 % quantiles of each side's grievance ({@code ab}: a's grievance
 * against b).
 */
record PairEnsemble(Pair pair, int[] day, int[] runs, double[][] share, double[][] ab, double[][] ba) {
    static final String[] QUANTILES = {"q05", "q25", "q50", "q75", "q95"};

    int days() {
        return day.length;
    }

    /** The pairs of ensemble.csv, in file order. */
    /** The same pair seen from its other side: b-a, with the two grievances swapped. */
    PairEnsemble turned() {
        return new PairEnsemble(new Pair(pair.b(), pair.a()), day, runs, share, ba, ab);
    }

    static Map<Pair, PairEnsemble> read(CsvTable<ReportException> t) throws ReportException {
        int a = t.column("a");
        int b = t.column("b");
        int d = t.column("day");
        int n = t.find("runs");
        int[] share = new int[RelationLevel.values().length];
        for (RelationLevel l : RelationLevel.values()) {
            share[l.ordinal()] = t.column("share_" + l.name().toLowerCase(java.util.Locale.ROOT));
        }
        int[] ab = new int[QUANTILES.length];
        int[] ba = new int[QUANTILES.length];
        for (int q = 0; q < QUANTILES.length; q++) {
            ab[q] = t.column("grievance_ab_" + QUANTILES[q]);
            ba[q] = t.column("grievance_ba_" + QUANTILES[q]);
        }
        Map<Pair, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            rows.computeIfAbsent(new Pair(t.text(r, a), t.text(r, b)), k -> new ArrayList<>()).add(r);
        }
        Map<Pair, PairEnsemble> out = new LinkedHashMap<>();
        for (Map.Entry<Pair, List<Integer>> e : rows.entrySet()) {
            List<Integer> rs = e.getValue();
            rs.sort((x, y) -> Double.compare(t.number(x, d), t.number(y, d)));
            int m = rs.size();
            int[] days = new int[m];
            int[] runs = new int[m];
            double[][] s = new double[share.length][m];
            double[][] qa = new double[QUANTILES.length][m];
            double[][] qb = new double[QUANTILES.length][m];
            for (int i = 0; i < m; i++) {
                int r = rs.get(i);
                days[i] = (int) t.number(r, d);
                runs[i] = n < 0 ? 0 : (int) t.number(r, n);
                for (int l = 0; l < share.length; l++) {
                    s[l][i] = t.number(r, share[l]);
                }
                for (int q = 0; q < QUANTILES.length; q++) {
                    qa[q][i] = t.number(r, ab[q]);
                    qb[q][i] = t.number(r, ba[q]);
                }
            }
            out.put(e.getKey(), new PairEnsemble(e.getKey(), days, runs, s, qa, qb));
        }
        return out;
    }
}
