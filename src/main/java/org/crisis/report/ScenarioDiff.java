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
 * difference reads like an override: {@code countries.PER.hawkishness: 0.7 → 0.3}.
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
        List<Change> out = new ArrayList<>();
        for (String p : paths) {
            String x = a.getOrDefault(p, "");
            String y = b.getOrDefault(p, "");
            if (!x.equals(y)) {
                out.add(new Change(p, x, y));
            }
        }
        return out;
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
                    String key = c.path("day").asText() + " " + c.path("type").asText() + " " + c.path("actor").asText()
                            + (c.hasNonNull("target") ? "\u2192" + c.path("target").asText() : "");
                    int k = seen.merge(key, 1, Integer::sum);
                    Map<String, String> rest = new LinkedHashMap<>();
                    flatten("", c, rest);
                    rest.keySet().removeAll(List.of("day", "type", "actor", "target"));
                    List<String> parts = new ArrayList<>();
                    rest.forEach((field, value) -> parts.add(field + " " + value));
                    out.put("events[" + key + (k > 1 ? " #" + k : "") + "]", String.join(", ", parts));
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
