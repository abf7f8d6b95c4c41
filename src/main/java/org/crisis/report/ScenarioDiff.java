package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What differs between two resolved scenarios (the manifests' {@code scenario} objects), as
 * dotted paths: countries keyed by id, relations by their pair, other lists by position, so a
 * difference reads like an override: {@code countries.PER.hawkishness: 0.7 → 0.3}. Scripted
 * events are keyed by day, type and countries ({@code event on day 4, CUSTOM TZA→KEN}), so an
 * event both have shows the fields that differ, one row each, and an event one has is one row.
 */
final class ScenarioDiff {
    private ScenarioDiff() {}

    /** One differing value; "" where absent. */
    record Change(String path, String before, String after) {}

    static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        flatten("", before, a);
        flatten("", after, b);
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        Map<String, Map<String, String>> eventsA = events(a);
        Map<String, Map<String, String>> eventsB = events(b);
        List<Change> out = new ArrayList<>();
        Set<String> eventsDone = new LinkedHashSet<>();
        for (String p : paths) {
            int cut = p.indexOf(FIELD);
            if (cut >= 0) {
                // a scripted event: in both, one row a field that differs; in one only, one row with its fields
                String event = p.substring(0, cut);
                if (!eventsDone.add(event)) {
                    continue;
                }
                Map<String, String> x = eventsA.get(event);
                Map<String, String> y = eventsB.get(event);
                if (x == null || y == null) {
                    out.add(new Change(event, x == null ? "" : fields(x), y == null ? "" : fields(y)));
                    continue;
                }
                Set<String> names = new LinkedHashSet<>(x.keySet());
                names.addAll(y.keySet());
                for (String name : names) {
                    String u = x.getOrDefault(name, "");
                    String v = y.getOrDefault(name, "");
                    if (!u.equals(v)) {
                        out.add(new Change(event + ": " + name, u, v));
                    }
                }
                continue;
            }
            String x = a.getOrDefault(p, "");
            String y = b.getOrDefault(p, "");
            if (!x.equals(y)) {
                out.add(new Change(p, x, y));
            }
        }
        return out;
    }

    /** Separates an event's name from a field's in the flattened map (a character no scenario writes). */
    private static final String FIELD = "\u0000";

    /** The scripted events of a flattened scenario: each event's fields by name, in order. */
    private static Map<String, Map<String, String>> events(Map<String, String> flat) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        flat.forEach((path, value) -> {
            int cut = path.indexOf(FIELD);
            if (cut >= 0) {
                out.computeIfAbsent(path.substring(0, cut), k -> new LinkedHashMap<>()).put(path.substring(cut + 1), value);
            }
        });
        return out;
    }

    private static String fields(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (!field.isEmpty()) {
                parts.add(field + " " + value);
            }
        });
        return parts.isEmpty() ? "(no other field)" : String.join(", ", parts);
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n == null || n.isMissingNode()) {
            return;
        }
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(join(prefix, e.getKey()), e.getValue(), out);
            }
        } else if (n.isArray()) {
            boolean scalars = true;
            for (JsonNode c : n) {
                scalars &= !c.isContainerNode();
            }
            if (scalars || n.isEmpty() || prefix.endsWith("track")) {
                out.put(prefix, list(n));
                return;
            }
            if (prefix.equals("events")) {
                // one line per scripted event, keyed by when, what and who, so an added event is one row
                Map<String, Integer> seen = new java.util.HashMap<>();
                for (JsonNode c : n) {
                    String key = c.path("type").asText() + " " + c.path("actor").asText()
                            + (c.hasNonNull("target") ? "\u2192" + c.path("target").asText() : "");
                    String when = "event on day " + c.path("day").asText() + ", " + key;
                    int k = seen.merge(when, 1, Integer::sum);
                    Map<String, String> rest = new LinkedHashMap<>();
                    flatten("", c, rest);
                    rest.keySet().removeAll(List.of("day", "type", "actor", "target"));
                    String event = when + (k > 1 ? " (#" + k + ")" : "");
                    rest.forEach((field, value) -> out.put(event + FIELD + field, value));
                    if (rest.isEmpty()) {
                        out.put(event + FIELD, ""); // an event with no other field is still there
                    }
                }
                return;
            }
            for (int i = 0; i < n.size(); i++) {
                JsonNode c = n.get(i);
                String key = Integer.toString(i);
                if (c.hasNonNull("id")) {
                    key = c.get("id").asText();
                } else if (c.path("between").isArray() && c.path("between").size() == 2) {
                    key = c.path("between").get(0).asText() + "-" + c.path("between").get(1).asText();
                }
                flatten(join(prefix, key), c, out);
            }
        } else {
            out.put(prefix, value(n));
        }
    }

    /** A single value as a reader writes it: text unquoted, numbers without trailing zeros. */
    static String value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isNumber()) {
            double x = n.asDouble();
            if (Double.isFinite(x)) {
                String plain = new java.math.BigDecimal(n.asText()).stripTrailingZeros().toPlainString();
                return plain.equals("-0") ? "0" : plain;
            }
        }
        return n.asText();
    }

    /** A list as text: {@code OAS, CELAC}; a list of pairs (track) as {@code PER-MEX, PER-COL}. */
    private static String list(JsonNode n) {
        List<String> items = new ArrayList<>();
        for (JsonNode c : n) {
            if (c.isArray()) {
                List<String> inner = new ArrayList<>();
                c.forEach(x -> inner.add(value(x)));
                items.add(String.join("-", inner));
            } else {
                items.add(value(c));
            }
        }
        return String.join(", ", items);
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
