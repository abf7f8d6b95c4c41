package org.crisis.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisis.io.Columns;
import org.crisis.io.Csv;

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
 *       {@code marks}: the colour of the arrow of each type of third party's statement in the
 *       runs offered ({@link #marks}), as {@code [type, colour]};
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
        j.end().key("marks").array();
        for (String[] m : marks(runs.values())) {
            j.array().string(m[0]).string(m[1]).end();
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
                + "joins each pair whose level is not " + RelationLevel.NORMAL.name() + ", coloured by level; a tracked pair is always drawn, its width "
                + "growing with the larger of its two grievances (only tracked pairs have their grievance recorded). Arrows mark "
                + "scripted triggers and third parties' statements (each type its colour) on their day, fading over "
                + "the next six; a ring marks a change of government or a disputed election. Beside it, the day's events, each "
                + "with the chain of events it answers back to its trigger, as crisis explain gives them. Hover a line or a "
                + "country for its values.");
        // the measures of escalation summary.json marks, by rank: a pair's measure once for all tracked pairs
        List<String> pairMeasures = new ArrayList<>();
        Map<String, OutcomeSummary> pairMeasure = new LinkedHashMap<>();
        List<OutcomeSummary> others = new ArrayList<>();
        for (List<OutcomeSummary> rank : RepresentativeRun.escalation(set).values()) {
            for (OutcomeSummary o : rank) {
                if (o.scope().equals("pair")) {
                    if (!pairMeasure.containsKey(o.measure())) {
                        pairMeasures.add(o.measure());
                        pairMeasure.put(o.measure(), o);
                    }
                } else {
                    others.add(o);
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("run", "chosen as"));
        List<String> csvHeader = new ArrayList<>(List.of("run", "chosen_as", "pair"));
        for (String m : pairMeasures) {
            header.add(pairMeasure.get(m).shortLabel() + " of the tracked pairs");
            csvHeader.add(Columns.of(m));
        }
        for (OutcomeSummary o : others) {
            header.add(o.shortLabel() + (o.scope().equals("country") ? " " + o.country() : ""));
            csvHeader.add(o.column());
        }
        header.addAll(List.of("events", "last day"));
        csvHeader.addAll(List.of("events", "last_day"));
        boolean[] numeric = new boolean[header.size()];
        numeric[0] = true;
        for (int i = 2 + pairMeasures.size(); i < numeric.length; i++) {
            numeric[i] = true;
        }
        Html.Cells t = new Html.Cells(header, numeric);
        Csv.Rows csv = new Csv.Rows(csvHeader);
        int[] replication = set.replications();
        for (Choice c : choices) {
            int row = -1;
            for (int i = 0; i < replication.length; i++) {
                if (replication[i] == c.run()) {
                    row = i;
                }
            }
            List<Object> tail = new ArrayList<>();
            List<String> shownTail = new ArrayList<>();
            for (OutcomeSummary o : others) {
                double v = at(set.values(o.column()), row);
                tail.add(o.kind().equals("level") ? levelName(v) : (Object) v);
                shownTail.add(o.kind().equals("level") ? levelName(v) : Format.number(v));
            }
            int events = runs.get(c.run()).events().size();
            int lastDay = runs.get(c.run()).lastDay();
            List<String> cells = new ArrayList<>(List.of(Integer.toString(c.run()), String.join(", ", c.reasons())));
            for (String m : pairMeasures) {
                List<String> perPair = new ArrayList<>();
                for (Pair p : set.pairs()) {
                    perPair.add(p.key() + " " + pairValue(set, m, p, row));
                }
                cells.add(String.join(" \u00b7 ", perPair));
            }
            for (Pair p : set.pairs()) {
                List<Object> r = new ArrayList<>(List.of(c.run(), String.join("; ", c.reasons()), p.key()));
                for (String m : pairMeasures) {
                    r.add(pairValue(set, m, p, row));
                }
                r.addAll(tail);
                r.addAll(List.of(events, lastDay));
                csv.row(r.toArray());
            }
            if (set.pairs().isEmpty()) {
                List<Object> r = new ArrayList<>(List.of(c.run(), String.join("; ", c.reasons()), ""));
                pairMeasures.forEach(m -> r.add(""));
                r.addAll(tail);
                r.addAll(List.of(events, lastDay));
                csv.row(r.toArray());
            }
            cells.addAll(shownTail);
            cells.addAll(List.of(Integer.toString(events), Integer.toString(lastDay)));
            t.row(cells);
        }
        h.table(t);
        tables.put("report-replay-runs.csv", csv.toString());
        h.note(extremesNote(pairMeasure, others) + " Last day: the last day the run simulated (a run may stop early).");
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
        List<String[]> marks = new ArrayList<>();
        marks.add(new String[] {"scripted trigger", TRIGGER});
        marks.addAll(marks(runs.values()));
        for (String[] k : marks) {
            h.raw("<span class=\"key\"><i class=\"arrow\" style=\"border-color:" + k[1] + "\"></i>").text(k[0]).raw("</span> ");
        }
        h.raw("</p>\n</div>\n<div class=\"replay-events\" id=\"replay-events\"></div>\n</div>\n</div>\n");
        page.data("replay-data", json);
    }

    /** The colour of the arrow of a scripted trigger (report.js draws it so). */
    static final String TRIGGER = "#222222";

    /** Colours of the arrows of hostile statements (a negative Goldstein weight), in turn. */
    private static final String[] HOSTILE = {"#cc79a7", "#d55e00", "#e69f00"};

    /** Colours of the arrows of other statements, in turn. */
    private static final String[] OTHER = {"#009e73", "#0072b2", "#56b4e9", "#999933", "#882255"};

    /**
     * The types of third parties' statements (events.csv {@code kind} statement) in the runs
     * offered, each with the colour of its arrow, as {@code [type, colour]}: from the most
     * hostile to the most cooperative (by {@code gamma}, the Goldstein weight), hostile ones in
     * pinks and oranges, the others in greens and blues. The types are those of the file.
     */
    static List<String[]> marks(java.util.Collection<RunData> runs) {
        Map<String, Double> gamma = new java.util.TreeMap<>();
        for (RunData r : runs) {
            for (EventRecord e : r.events()) {
                if (e.statement() && !e.type().isEmpty()) {
                    gamma.merge(e.type(), e.gamma(), Math::min);
                }
            }
        }
        List<String> types = new ArrayList<>(gamma.keySet());
        types.sort(java.util.Comparator.comparingDouble(gamma::get));
        List<String[]> out = new ArrayList<>();
        int hostile = 0;
        int other = 0;
        for (String t : types) {
            String colour = gamma.get(t) < 0 ? HOSTILE[hostile++ % HOSTILE.length] : OTHER[other++ % OTHER.length];
            out.add(new String[] {t, colour});
        }
        return out;
    }

    private static double at(double[] v, int row) {
        return v == null || row < 0 ? Double.NaN : v[row];
    }

    /** A level ordinal as its name; Format.NONE if there is none. */
    private static String levelName(double v) {
        return Double.isNaN(v) ? Format.NONE : RelationLevel.of((int) v).name();
    }

    /** A tracked pair's value of a pair measure in a run: a level by its name, other values as numbers. */
    private static String pairValue(RunSetResults set, String measure, Pair p, int row) {
        for (OutcomeSummary o : set.outcomes()) {
            if (o.measure().equals(measure) && o.about(p)) {
                double v = at(set.values(o.column()), row);
                return o.kind().equals("level") ? levelName(v) : Format.number(v);
            }
        }
        return Format.NONE;
    }

    /** How the most and least escalated runs were chosen, from the measures summary.json marks. */
    private static String extremesNote(Map<String, OutcomeSummary> pairMeasure, List<OutcomeSummary> others) {
        List<OutcomeSummary> ranked = new ArrayList<>(pairMeasure.values());
        ranked.addAll(others);
        ranked.sort(java.util.Comparator.comparingInt(OutcomeSummary::escalationRank));
        if (ranked.isEmpty()) {
            return "Most and least escalated: not offered, as summary.json marks no measure of escalation (written by an older "
                    + "version of crisis: rerun the scenario to have them).";
        }
        List<String> parts = new ArrayList<>();
        for (OutcomeSummary o : ranked) {
            String what = o.scope().equals("pair") ? "the tracked pairs' " + o.shortLabel() + ", summed" : o.shortLabel();
            parts.add(what + " (" + o.moreEscalated() + " is more escalated)");
        }
        return "Most and least escalated: of the kept runs, the one that went furthest one way and the one that went furthest "
                + "the other, first on " + String.join(", then on ", parts) + "; the earliest run wins ties.";
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
