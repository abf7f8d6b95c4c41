package org.crisis.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replay of kept runs in the run-set report: for each run offered (the representative
 * run, the most and the least escalated, and a run asked for with {@code --run}), what the
 * page's script needs to draw the regional network on any day and list the day's events with
 * their causes. Written as JSON ({@link JsonText}):
 *
 * <ul>
 *   <li>{@code countries}: id, name and blocs, in the order of {@link BlocLayout};
 *   <li>{@code tracked}: the tracked pairs; {@code levels}, {@code levelColours},
 *       {@code kinds}, {@code kindColours}: names and colours as the report's charts use them;
 *   <li>per run: {@code initial}, the pairs not NORMAL in the scenario ("start", before day 0);
 *       {@code changes}, each change of a pair's level as {@code [day, a, b, level]} (the level
 *       at the end of that day, as {@link RegionalNetwork} rebuilds it: exact, from events.csv
 *       {@code level_after} and the tracked pairs' trajectories); {@code grievance}, per tracked
 *       pair each side's grievance on each day (trajectories.csv) and at the start (the
 *       scenario's relations); {@code events}, every event with its day, countries, type,
 *       kind, the event it answers (as {@link CauseChains} reads causes, so a move after a
 *       change of government answers that change) and its description as {@code crisis explain}
 *       writes it, as {@code [id, day, actor, target, about, type, kind, kind of mark (0 scripted
 *       ... 4 other, as the timeline colours them), cause (-1 none), description, level after,
 *       level before]} (levels -1 for events without a pair).
 * </ul>
 *
 * Grievance is written for the tracked pairs only: trajectories.csv holds no other pair's.
 */
final class Replay {
    /** A kept run offered in the replay, and why (several reasons when one run is chosen for several). */
    record Choice(int run, List<String> reasons) {
        String label() {
            return "run " + run + ": " + String.join(", ", reasons);
        }
    }

    /** What the replay reads of one run. */
    record RunData(int run, int lastDay, List<EventRecord> events, Map<Pair, RunTrajectory> trajectories) {}

    private Replay() {}

    /**
     * The runs offered, without repeats, the one the page's other sections show first:
     * {@code shown} (the representative run, or the one --run asked for), then the median
     * (representative) run {@code median} ({@link RepresentativeRun#choose}), the most escalated and the least escalated of the kept runs.
     */
    static List<Choice> choices(RunSetResults set, int shown, boolean asked, int median) throws ReportException {
        Map<Integer, List<String>> reasons = new LinkedHashMap<>();
        if (asked) {
            reasons.computeIfAbsent(shown, k -> new ArrayList<>()).add("as asked (--run)");
        }
        int[] extremes = RepresentativeRun.extremes(set);
        if (median >= 0) {
            reasons.computeIfAbsent(median, k -> new ArrayList<>()).add("median (representative)");
        }
        if (extremes[1] >= 0) {
            reasons.computeIfAbsent(extremes[1], k -> new ArrayList<>()).add("most escalated");
        }
        if (extremes[0] >= 0) {
            reasons.computeIfAbsent(extremes[0], k -> new ArrayList<>()).add("least escalated");
        }
        List<Choice> out = new ArrayList<>();
        reasons.forEach((run, why) -> out.add(new Choice(run, List.copyOf(why))));
        return out;
    }

    static String json(RunSetResults set, List<String> order, List<Choice> choices, Map<Integer, RunData> runs) {
        Map<String, RunSetResults.Country> byId = new HashMap<>();
        set.countries().forEach(c -> byId.put(c.id(), c));
        JsonText j = new JsonText().object();
        j.key("start").string(set.start());
        j.key("countries").array();
        for (String id : order) {
            RunSetResults.Country c = byId.get(id);
            j.array().string(id).string(c.name()).string(String.join(", ", c.blocs())).end();
        }
        j.end();
        j.key("tracked").array();
        for (Pair p : set.pairs()) {
            j.array().string(p.a()).string(p.b()).end();
        }
        j.end();
        j.key("levels").array();
        for (RelationLevel l : RelationLevel.values()) {
            j.string(l.name());
        }
        j.end().key("levelColours").array();
        for (RelationLevel l : RelationLevel.values()) {
            j.string(ChartHover.hex(l == RelationLevel.CORDIAL ? NetworkDiagram.CORDIAL : l.colour()));
        }
        j.end().key("kinds").array();
        for (String k : TimelineChart.MARK_KINDS) {
            j.string(k);
        }
        j.end().key("kindColours").array();
        for (java.awt.Color c : TimelineChart.MARK_COLOURS) {
            j.string(ChartHover.hex(c));
        }
        j.end();
        j.key("runs").array();
        for (Choice c : choices) {
            run(j, set, c, runs.get(c.run()));
        }
        return j.end().end().toString();
    }

    private static void run(JsonText j, RunSetResults set, Choice choice, RunData data) {
        j.object().key("run").number(choice.run()).key("label").string(choice.label()).key("last").number(data.lastDay());
        Map<Pair, RelationLevel> start = new LinkedHashMap<>();
        for (RunSetResults.Relation r : set.relations()) {
            start.put(RegionalNetwork.key(r.a(), r.b()), r.level());
        }
        j.key("initial").array();
        start.forEach((p, l) -> {
            if (l != RelationLevel.NORMAL) {
                j.array().string(p.a()).string(p.b()).number(l.ordinal()).end();
            }
        });
        j.end();
        RegionalNetwork net = RegionalNetwork.of(set, data.events(), data.trajectories(), data.lastDay());
        j.key("changes").array();
        Map<Pair, RelationLevel> before = new LinkedHashMap<>();
        for (Map.Entry<Pair, RelationLevel> e : start.entrySet()) {
            if (e.getValue() != RelationLevel.NORMAL) {
                before.put(e.getKey(), e.getValue());
            }
        }
        for (int d = 0; d <= data.lastDay(); d++) {
            Map<Pair, RelationLevel> now = net.on(d);
            Set<Pair> pairs = new LinkedHashSet<>(before.keySet());
            pairs.addAll(now.keySet());
            for (Pair p : pairs) {
                RelationLevel was = before.getOrDefault(p, RelationLevel.NORMAL);
                RelationLevel is = now.getOrDefault(p, RelationLevel.NORMAL);
                if (was != is) {
                    j.array().number(d).string(p.a()).string(p.b()).number(is.ordinal()).end();
                }
            }
            before = new LinkedHashMap<>(now);
        }
        j.end();
        j.key("grievance").array();
        for (Pair p : set.pairs()) {
            double[] at = startGrievance(set, p);
            RunTrajectory t = data.trajectories().get(p);
            double[] ab = new double[data.lastDay() + 1];
            double[] ba = new double[data.lastDay() + 1];
            java.util.Arrays.fill(ab, Double.NaN);
            java.util.Arrays.fill(ba, Double.NaN);
            for (int i = 0; t != null && i < t.day().length; i++) {
                int d = t.day()[i];
                if (d >= 0 && d < ab.length) {
                    ab[d] = t.ab()[i];
                    ba[d] = t.ba()[i];
                }
            }
            j.object().key("start").numbers(at, 4).key("ab").numbers(ab, 4).key("ba").numbers(ba, 4).end();
        }
        j.end();
        CauseChains chains = new CauseChains(data.events(), set.scripted());
        j.key("events").array();
        for (EventRecord e : data.events()) {
            j.array().number(e.id()).number(e.day()).string(e.actor()).string(e.target()).string(e.about())
                    .string(e.type()).string(e.kind()).number(chains.kind(e)).number(chains.causeOf(e))
                    .string(chains.describe(e)).number(e.levelAfter() == null ? -1 : e.levelAfter().ordinal())
                    .number(e.levelBefore() == null ? -1 : e.levelBefore().ordinal()).end();
        }
        j.end();
        j.end();
    }

    /** Replays a second at the start, and the choice of speeds. */
    private static final int[] SPEEDS = {4, 10, 30};
    private static final int SPEED = 10;

    /**
     * The section: what the replay shows, the runs offered (a table, also
     * report-replay-runs.csv), a note that stands in for the replay where the script does not
     * run, and the controls and drawing surface the script fills (hidden until it does).
     */
    static void section(Page page, RunSetResults set, List<Choice> choices, Map<Integer, RunData> runs, String json,
            Map<String, String> tables) throws ReportException {
        Html h = page.section("replay", "Replay of a run");
        h.paragraph("The regional network of a kept run, day by day: move the slider or press Play. Countries sit on a circle "
                + "with those sharing blocs side by side (small blocs weigh more than ones nearly every country belongs to). A line "
                + "joins each pair whose level is not NORMAL, coloured by level; a tracked pair is always drawn, its width "
                + "growing with the larger of its two grievances (only tracked pairs have their grievance recorded). Arrows mark "
                + "scripted triggers and third parties' statements (condemnation, support, mediation) on their day, fading over "
                + "the next six; a ring marks a change of government or a disputed election. Beside it, the day's events, each "
                + "with the chain of events it answers back to its trigger, as crisis explain gives them. Hover a line or a "
                + "country for its values.");
        Html.Cells t = new Html.Cells(List.of("run", "chosen as", "lowest level of the tracked pairs", "peak severed pairs",
                "total conflict", "events", "last day"), true, false, false, true, true, true, true);
        CsvOut csv = new CsvOut("run", "chosen_as", "pair", "lowest_level", "peak_severed_pairs", "total_conflict", "events",
                "last_day");
        int[] replication = set.replications();
        double[] peak = set.values("peak_severed_pairs");
        double[] conflict = set.values("total_conflict");
        for (Choice c : choices) {
            int row = -1;
            for (int i = 0; i < replication.length; i++) {
                if (replication[i] == c.run()) {
                    row = i;
                }
            }
            List<String> lowest = new ArrayList<>();
            for (Pair p : set.pairs()) {
                double[] v = set.values("lowest_level_" + p.column());
                String level = v == null || row < 0 || Double.isNaN(v[row]) ? Format.NONE : RelationLevel.of((int) v[row]).name();
                lowest.add(p.key() + " " + level);
                csv.row(c.run(), String.join("; ", c.reasons()), p.key(), level, at(peak, row), at(conflict, row),
                        runs.get(c.run()).events().size(), runs.get(c.run()).lastDay());
            }
            if (set.pairs().isEmpty()) {
                csv.row(c.run(), String.join("; ", c.reasons()), "", "", at(peak, row), at(conflict, row),
                        runs.get(c.run()).events().size(), runs.get(c.run()).lastDay());
            }
            t.row(List.of(Integer.toString(c.run()), String.join(", ", c.reasons()), String.join(" \u00b7 ", lowest),
                    Format.number(at(peak, row)), Format.number(at(conflict, row)),
                    Integer.toString(runs.get(c.run()).events().size()), Integer.toString(runs.get(c.run()).lastDay())));
        }
        h.table(t);
        tables.put("report-replay-runs.csv", csv.toString());
        h.note("Most and least escalated: of the kept runs, the one whose tracked pairs fell lowest (the sum of their lowest "
                + "levels), then with most pairs severed at once, then with the most hostile events in all (total conflict); and "
                + "the one furthest the other way. Last day: the last day the run simulated (a run may stop early).");
        h.raw("<p class=\"note replay-fallback\" id=\"replay-fallback\">").text("The replay is drawn by the page's own script, "
                + "which has not run here (scripts are off, or this reader runs none). The network panels above show the "
                + "representative run at three days; its timeline and cause chains are below.").raw("</p>\n");
        int last = 0;
        for (RunData r : runs.values()) {
            last = Math.max(last, r.lastDay());
        }
        h.raw("<div class=\"replay\" id=\"replay-view\" hidden>\n<div class=\"replay-controls\">\n");
        h.raw("<label>Run <select id=\"replay-run\">");
        for (int i = 0; i < choices.size(); i++) {
            h.raw("<option value=\"" + i + "\"" + (i == 0 ? " selected" : "") + ">").text(choices.get(i).label()).raw("</option>");
        }
        h.raw("</select></label>\n<button type=\"button\" id=\"replay-play\" aria-pressed=\"false\">Play</button>\n");
        h.raw("<input type=\"range\" id=\"replay-day\" min=\"-1\" max=\"" + last + "\" step=\"1\" value=\"-1\" "
                + "aria-label=\"Day of the run (-1: the start, before day 0)\">\n");
        h.raw("<output id=\"replay-when\" for=\"replay-day\">start</output>\n<label>Speed <select id=\"replay-speed\">");
        for (int s : SPEEDS) {
            h.raw("<option value=\"" + s + "\"" + (s == SPEED ? " selected" : "") + ">" + s + " days a second</option>");
        }
        h.raw("</select></label>\n</div>\n<div class=\"replay-body\">\n<div class=\"replay-network\">");
        h.raw("<svg id=\"replay-svg\" viewBox=\"0 0 640 600\" role=\"img\" aria-label=\"Regional network on the chosen day\"></svg>\n");
        h.raw("<p class=\"replay-legend\" id=\"replay-summary\"></p>\n<p class=\"replay-legend\">");
        for (RelationLevel l : RelationLevel.values()) {
            java.awt.Color c = l == RelationLevel.CORDIAL ? NetworkDiagram.CORDIAL : l.colour();
            h.raw("<span class=\"key\"><i class=\"swatch\" style=\"background:" + ChartHover.hex(c) + "\"></i>")
                    .text(l.name() + (l == RelationLevel.NORMAL ? " (tracked pairs)" : "")).raw("</span> ");
        }
        h.raw("<br>");
        for (String[] k : MARKS) {
            h.raw("<span class=\"key\"><i class=\"arrow\" style=\"border-color:" + k[1] + "\"></i>").text(k[0]).raw("</span> ");
        }
        h.raw("</p>\n</div>\n<div class=\"replay-events\" id=\"replay-events\"></div>\n</div>\n</div>\n");
        page.data("replay-data", json);
    }

    /** The marks of the replay: what, and in which colour (report.js draws them so). */
    static final String[][] MARKS = {{"scripted trigger", "#222222"}, {"condemnation", "#cc79a7"}, {"support", "#009e73"},
        {"mediation", "#0072b2"}};

    private static double at(double[] v, int row) {
        return v == null || row < 0 ? Double.NaN : v[row];
    }

    /** Each side's grievance before day 0: as the scenario's relations list it (a's against b, b's against a), else 0. */
    static double[] startGrievance(RunSetResults set, Pair p) {
        for (RunSetResults.Relation r : set.relations()) {
            if (r.a().equals(p.a()) && r.b().equals(p.b())) {
                return new double[] {r.grievanceA(), r.grievanceB()};
            }
            if (r.a().equals(p.b()) && r.b().equals(p.a())) {
                return new double[] {r.grievanceB(), r.grievanceA()};
            }
        }
        return new double[] {0, 0};
    }
}
