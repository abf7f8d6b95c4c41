package org.crisis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisis.io.CsvTable;

/** One tracked pair through one kept run (trajectories.csv): level and grievances by day. */
record RunTrajectory(Pair pair, int[] day, RelationLevel[] level, double[] ab, double[] ba) {

    /** The level on {@code d}: the last recorded day at or before it (the run may have stopped early). */
    RelationLevel levelOn(int d) {
        RelationLevel l = level.length == 0 ? RelationLevel.NORMAL : level[0];
        for (int i = 0; i < day.length && day[i] <= d; i++) {
            l = level[i];
        }
        return l;
    }

    int lastDay() {
        return day.length == 0 ? 0 : day[day.length - 1];
    }

    static Map<Pair, RunTrajectory> read(CsvTable<ReportException> t) throws ReportException {
        int a = t.column("a");
        int b = t.column("b");
        int d = t.column("day");
        int l = t.column("level");
        int gab = t.find("grievance_ab");
        int gba = t.find("grievance_ba");
        Map<Pair, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            rows.computeIfAbsent(new Pair(t.text(r, a), t.text(r, b)), k -> new ArrayList<>()).add(r);
        }
        Map<Pair, RunTrajectory> out = new LinkedHashMap<>();
        for (Map.Entry<Pair, List<Integer>> e : rows.entrySet()) {
            List<Integer> rs = e.getValue();
            int m = rs.size();
            int[] days = new int[m];
            RelationLevel[] levels = new RelationLevel[m];
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                int r = rs.get(i);
                days[i] = (int) t.number(r, d);
                levels[i] = RelationLevel.parse(t.text(r, l));
                x[i] = t.number(r, gab);
                y[i] = t.number(r, gba);
            }
            out.put(e.getKey(), new RunTrajectory(e.getKey(), days, levels, x, y));
        }
        return out;
    }
}
