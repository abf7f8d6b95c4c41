package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points of two sweeps matched by their varied values. The sweeps must vary the same
 * dotted paths (in any order; values are lined up in the first sweep's order), compared in one
 * spelling: a country by its id rather than its position ({@code countries.0} is
 * {@code countries.PER} when Peru is listed first) and a relation's two ids in alphabetical order
 * ({@code relations.PER-MEX} is {@code relations.MEX-PER}); a point of one
 * matches the point of the other whose values are the same text as points.csv writes them
 * (numbers as plain decimals, the shortest that reads back as the same number). A combination of values that a design gives more than
 * once (a sampling design over a list of values) is matched occurrence by occurrence in point
 * order. Points of one sweep that the other lacks are kept apart, to be listed.
 *
 * <pre>{@code
 * SweepMatch m = SweepMatch.of(SweepMatch.side(a, scenarioOfA), SweepMatch.side(b, scenarioOfB));
 * m.matched();   // each point in both: its values, its point in A and in B
 * }</pre>
 */
final class SweepMatch {
    /**
     * One sweep as matching sees it: a name for messages (its directory), its varied paths with
     * their columns, and each point's values as written, in the order of the paths, by point in
     * point order.
     */
    record Side(String name, List<String> paths, List<String> columns, Map<Integer, List<String>> points, List<String> keys) {
        Side(String name, List<String> paths, List<String> columns, Map<Integer, List<String>> points) {
            this(name, paths, columns, points, paths);
        }
    }

    /** A combination of values both sweeps ran: the values (in the first sweep's order) and its point in each. */
    record Matched(List<String> values, int pointA, int pointB) {}

    /** A point of one sweep only: its values (in the first sweep's order) and its point there. */
    record Unmatched(List<String> values, int point) {}

    private final List<String> paths;
    private final List<String> keys;
    private final List<String> columns;
    private final List<Matched> matched;
    private final List<Unmatched> onlyA;
    private final List<Unmatched> onlyB;

    private SweepMatch(List<String> paths, List<String> keys, List<String> columns, List<Matched> matched,
            List<Unmatched> onlyA, List<Unmatched> onlyB) {
        this.paths = List.copyOf(paths);
        this.keys = List.copyOf(keys);
        this.columns = List.copyOf(columns);
        this.matched = List.copyOf(matched);
        this.onlyA = List.copyOf(onlyA);
        this.onlyB = List.copyOf(onlyB);
    }

    /**
     * A sweep's points as written in points.csv (or, without it, runs.csv), its paths in one
     * spelling read from {@code scenario}, the sweep's resolved scenario.
     */
    static Side side(SweepResults s, JsonNode scenario) {
        List<String> paths = new ArrayList<>();
        for (String f : s.factors()) {
            paths.add(s.path(f));
        }
        Map<Integer, List<String>> points = new LinkedHashMap<>();
        for (String o : s.outcomes()) {
            for (SweepResults.PointStat p : s.points(o)) {
                points.putIfAbsent(p.point(), List.of(p.texts()));
            }
        }
        Map<Integer, List<String>> ordered = new LinkedHashMap<>();
        points.keySet().stream().sorted().forEach(k -> ordered.put(k, points.get(k)));
        return new Side(s.directory().toString(), paths, s.factors(), ordered,
                paths.stream().map(p -> canonical(p, scenario)).toList());
    }

    /**
     * {@code path} in one spelling: {@code countries.N...} by the id of the scenario's N-th country,
     * {@code relations.N...} by the scenario's N-th relation's pair, and a relation's two ids in
     * alphabetical order; any other path, or a position the scenario does not hold, as written.
     */
    static String canonical(String path, JsonNode scenario) {
        String[] parts = path.split("\\.", 3);
        if (parts.length < 2) {
            return path;
        }
        String rest = parts.length == 3 ? "." + parts[2] : "";
        if (parts[0].equals("countries") && parts[1].matches("[0-9]+")) {
            String id = scenario.path("countries").path(Integer.parseInt(parts[1])).path("id").asText("");
            return id.isEmpty() ? path : "countries." + id + rest;
        }
        if (parts[0].equals("relations")) {
            String pair = parts[1];
            if (pair.matches("[0-9]+")) {
                JsonNode between = scenario.path("relations").path(Integer.parseInt(pair)).path("between");
                if (between.size() != 2) {
                    return path;
                }
                pair = between.get(0).asText() + "-" + between.get(1).asText();
            }
            String[] ids = pair.split("-", -1);
            if (ids.length == 2) {
                return "relations." + (ids[0].compareTo(ids[1]) > 0 ? ids[1] + "-" + ids[0] : pair) + rest;
            }
        }
        return path;
    }

    /**
     * Matches the points of {@code a} and {@code b}; refuses sweeps that vary different paths, or
     * that share no point, naming both directories and why.
     */
    static SweepMatch of(Side a, Side b) throws ReportException {
        Set<String> inA = new LinkedHashSet<>(a.keys());
        Set<String> inB = new LinkedHashSet<>(b.keys());
        if (!inA.equals(inB)) {
            // each side's differing paths as that side wrote them
            List<String> onlyA = written(a, a.keys().stream().filter(p -> !inB.contains(p)).toList());
            List<String> onlyB = written(b, b.keys().stream().filter(p -> !inA.contains(p)).toList());
            throw new ReportException(a.name() + " and " + b.name() + " vary different paths, so their points cannot be matched: "
                    + a.name() + " varies " + String.join(", ", a.paths()) + "; " + b.name() + " varies "
                    + String.join(", ", b.paths()) + " (" + (onlyA.isEmpty() ? "" : "only in " + a.name() + ": "
                    + String.join(", ", onlyA) + (onlyB.isEmpty() ? "" : "; ")) + (onlyB.isEmpty() ? "" : "only in " + b.name()
                    + ": " + String.join(", ", onlyB)) + "). Two sweeps are compared point by point: run them over the same"
                    + " varied paths (a country by id or position and a relation either way round are the same path, where"
                    + " the sweep's manifest holds its scenario)");
        }
        // B's values in A's order of paths
        int[] fromB = new int[a.paths().size()];
        for (int i = 0; i < fromB.length; i++) {
            fromB[i] = b.keys().indexOf(a.keys().get(i));
        }
        Map<List<String>, Deque<Integer>> pointsOfB = new HashMap<>();
        Map<Integer, List<String>> valuesOfB = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<String>> e : b.points().entrySet()) {
            List<String> v = new ArrayList<>();
            for (int i : fromB) {
                v.add(e.getValue().get(i));
            }
            valuesOfB.put(e.getKey(), List.copyOf(v));
            pointsOfB.computeIfAbsent(List.copyOf(v), k -> new ArrayDeque<>()).add(e.getKey());
        }
        List<Matched> matched = new ArrayList<>();
        List<Unmatched> onlyA = new ArrayList<>();
        Set<Integer> used = new LinkedHashSet<>();
        for (Map.Entry<Integer, List<String>> e : a.points().entrySet()) {
            Deque<Integer> same = pointsOfB.get(e.getValue());
            Integer pb = same == null ? null : same.poll();
            if (pb == null) {
                onlyA.add(new Unmatched(List.copyOf(e.getValue()), e.getKey()));
            } else {
                matched.add(new Matched(List.copyOf(e.getValue()), e.getKey(), pb));
                used.add(pb);
            }
        }
        List<Unmatched> onlyB = new ArrayList<>();
        valuesOfB.forEach((p, v) -> {
            if (!used.contains(p)) {
                onlyB.add(new Unmatched(v, p));
            }
        });
        if (matched.isEmpty()) {
            throw new ReportException(a.name() + " and " + b.name() + " vary the same paths but share no point: none of the "
                    + a.points().size() + " combinations of values of " + a.name() + " is among the " + b.points().size() + " of "
                    + b.name() + (a.points().isEmpty() || b.points().isEmpty() ? ""
                            : " (the first of " + a.name() + ": " + assignment(a.paths(), a.points().values().iterator().next())
                                    + "; of " + b.name() + ": " + assignment(a.paths(), valuesOfB.values().iterator().next()) + ")")
                    + ". Points are matched by their values exactly as points.csv writes them: run both sweeps over the same"
                    + " values");
        }
        return new SweepMatch(a.paths(), a.keys(), a.columns(), matched, onlyA, onlyB);
    }

    /** The paths {@code s} wrote for {@code keys}, in their order. */
    private static List<String> written(Side s, List<String> keys) {
        return keys.stream().map(k -> s.paths().get(s.keys().indexOf(k))).toList();
    }

    /** {@code path=value, path=value}. */
    static String assignment(List<String> paths, List<String> values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            out.add(paths.get(i) + "=" + values.get(i));
        }
        return String.join(", ", out);
    }

    /** The varied paths, in the first sweep's order. */
    List<String> paths() {
        return paths;
    }

    /** The varied paths in one spelling (countries by id, a relation's ids in order), in the order of {@link #paths()}. */
    List<String> keys() {
        return keys;
    }

    /** The first sweep's columns of the varied paths (as in its runs.csv and points.csv). */
    List<String> columns() {
        return columns;
    }

    /** The points both sweeps ran, in the first sweep's point order. */
    List<Matched> matched() {
        return matched;
    }

    /** The first sweep's points the second lacks, in point order. */
    List<Unmatched> onlyA() {
        return onlyA;
    }

    /** The second sweep's points the first lacks, in point order. */
    List<Unmatched> onlyB() {
        return onlyB;
    }
}
