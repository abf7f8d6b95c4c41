package org.crisis.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sets values by dotted path before validation ({@code --set} and sweeps), e.g.
 * {@code parameters.grievanceDecay}, {@code countries.PER.domesticPressure},
 * {@code countries.MEX.ideology.economic}, {@code relations.PER-MEX.trade.PER},
 * {@code events.0.severity}. A list is entered by index, by a country {@code id}, or by
 * a relation's pair {@code A-B} (either order); a relation not yet listed is added.
 */
public final class Overrides {
    public static final String SOURCE = "--set";

    private Overrides() {}

    /**
     * Applies {@code path=value} assignments in order (the same path given twice: the last one
     * wins); all bad paths are reported together, and so are two paths that name the same field
     * under two names (countries.PER.x and countries.0.x, relations.A-B.level and
     * relations.B-A.level) or a field and a value inside it.
     */
    public static void apply(Node root, List<String> assignments) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        int n = assignments.size();
        String[] paths = new String[n];
        List<List<String>> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) { // the fields named, on the tree as the file has it
            String a = assignments.get(i);
            int eq = a.indexOf('=');
            paths[i] = eq <= 0 ? null : a.substring(0, eq).trim();
            targets.add(paths[i] == null || checkPath(paths[i]).isPresent() ? null : target(root, paths[i]).orElse(null));
        }
        for (int i = 0; i < n; i++) {
            String assignment = assignments.get(i);
            if (paths[i] == null) {
                problems.add(new Problem(SOURCE, 0, 0, assignment, "expected path=value, e.g. parameters.grievanceDecay=0.03"));
                continue;
            }
            Optional<Problem> clash = Optional.empty();
            for (int k = 0; k < i && clash.isEmpty(); k++) {
                if (targets.get(i) != null && targets.get(k) != null && !paths[k].equals(paths[i])
                        && overlap(targets.get(k), targets.get(i))) {
                    clash = Optional.of(new Problem(SOURCE, 0, 0, paths[i], sameField(paths[k], targets.get(k), targets.get(i))));
                }
            }
            if (clash.isPresent()) {
                problems.add(clash.get());
                continue;
            }
            String value = assignment.substring(assignment.indexOf('=') + 1).trim();
            set(root, paths[i], "stop.pair".equals(paths[i]) ? pair(value) : value(value)).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Why two paths name the same field, for messages. */
    public static String sameField(String other, List<String> a, List<String> b) {
        String x = display(a);
        String y = display(b);
        if (x.equals(y)) {
            return "sets the same field as " + other + " (" + x + "); set each field once";
        }
        return a.size() < b.size() ? "sets a value inside " + x + ", which " + other + " sets; set each field once"
                : "sets " + y + ", which holds " + x + ", set by " + other + "; set each field once";
    }

    /** A target as a path: {@code countries[0].hawkishness}. */
    static String display(List<String> target) {
        StringBuilder s = new StringBuilder();
        for (String part : target) {
            s.append(part.startsWith("[") || s.length() == 0 ? "" : ".").append(part);
        }
        return s.toString();
    }

    /** A dotted path of non-empty names: not empty, no leading, trailing or double dot. */
    public static Optional<Problem> checkPath(String path) {
        if (path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            return Optional.of(new Problem(SOURCE, 0, 0, path, "empty segment in the path: expected a dotted path of"
                    + " names such as parameters.grievanceDecay or countries.PER.sovereignty, found '" + path + "'"));
        }
        return Optional.empty();
    }

    /** Whether one target is the other or holds it. */
    public static boolean overlap(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        return a.subList(0, n).equals(b.subList(0, n));
    }

    /**
     * The field a path names, whatever name it uses: list items by index (a country by its
     * id, a relation by its pair in either order), a relation that would be added by its pair
     * in a fixed order; empty if the path leads nowhere (reported when it is set).
     */
    public static Optional<List<String>> target(Node root, String path) {
        String[] parts = path.split("\\.");
        List<String> out = new ArrayList<>();
        Node at = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int dash = part.indexOf('-');
            boolean pair = i > 0 && "relations".equals(parts[i - 1]) && dash > 0 && dash < part.length() - 1;
            if (at == null) {
                // below a value that does not exist yet: names are all there is, and a pair in a fixed order
                out.add(pair ? pairKey(part, dash) : part);
            } else if (at instanceof Node.Mapping m) {
                out.add(part);
                at = m.entries.get(part);
            } else if (at instanceof Node.Sequence s) {
                Optional<Node> item = find(s, part);
                if (item.isPresent()) {
                    out.add("[" + s.items.indexOf(item.get()) + "]");
                    at = item.get();
                } else if (pair) {
                    out.add(pairKey(part, dash));
                    at = null;
                } else {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** A relation not listed yet, by its pair in alphabetical order: {@code [A-B]}. */
    private static String pairKey(String part, int dash) {
        String a = part.substring(0, dash);
        String b = part.substring(dash + 1);
        return "[" + (a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a) + "]";
    }

    /**
     * A value written on a command line: a list in brackets, {@code [OAS, CELAC]} (a flow list as the
     * files write one, of plain values; {@code []} is empty), else one value.
     */
    private static Node value(String value) {
        if (!value.startsWith("[") || !value.endsWith("]")) {
            return TreeReader.scalar(SOURCE, value);
        }
        String inner = value.substring(1, value.length() - 1);
        return list(inner.isBlank() ? new String[0] : inner.split(",", -1));
    }

    /** A list of the values written, each trimmed. */
    private static Node.Sequence list(String[] items) {
        Node.Sequence list = new Node.Sequence(SOURCE, 0, 0);
        for (String item : items) {
            list.items().add(TreeReader.scalar(SOURCE, item.trim()));
        }
        return list;
    }

    /**
     * The stop's pair written on a command line: {@code PER,MEX}, {@code [PER, MEX]} or {@code PER-MEX}
     * (as relations are named), a list of two ids.
     */
    private static Node pair(String value) {
        String inner = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        String separator = inner.contains(",") ? "," : inner.contains("-") ? "-" : null;
        if (separator == null) {
            return TreeReader.scalar(SOURCE, value); // one word: the reader says a list was expected
        }
        return list(inner.split(separator, -1));
    }

    /**
     * The complaint for a path that names a model parameter without its {@code parameters.}
     * prefix ({@code thresholdRecall} for {@code parameters.thresholdRecall}), or empty: a
     * scenario has no top-level field of a parameter's name, so the prefix is what was meant.
     */
    public static Optional<String> bareParameter(String path) {
        if (path.contains(".") || org.crisis.model.Parameter.byKey(path).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("'" + path + "' is a model parameter, set under parameters:; did you mean 'parameters." + path + "'?");
    }

    /** Sets one value; returns the problem if the path leads nowhere. */
    public static Optional<Problem> set(Node root, String path, Node value) {
        Optional<Problem> bad = checkPath(path);
        if (bad.isPresent()) {
            return bad;
        }
        Optional<String> bare = bareParameter(path);
        if (bare.isPresent()) {
            return Optional.of(new Problem(SOURCE, 0, 0, path, bare.get()));
        }
        String[] parts = path.split("\\.");
        Node at = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (at instanceof Node.Mapping m) {
                if (last) {
                    m.put(part, value, SOURCE, 0, 0);
                    return Optional.empty();
                }
                Node next = m.entries.get(part);
                if (next == null || (next instanceof Node.Scalar s && s.isNull())) {
                    next = "relations".equals(part) || "countries".equals(part) || "events".equals(part)
                            ? new Node.Sequence(SOURCE, 0, 0) : new Node.Mapping(SOURCE, 0, 0);
                    m.put(part, next, SOURCE, 0, 0);
                }
                at = next;
            } else if (at instanceof Node.Sequence s) {
                Optional<Node> item = item(s, part, i > 0 ? parts[i - 1] : "");
                if (item.isEmpty()) {
                    String near = Fields.closestId(part, ids(s)).map(id -> "; did you mean '" + id + "'?").orElse("");
                    String list = String.join(".", java.util.Arrays.copyOf(parts, i));
                    String range = !part.matches("\\d+") ? "" : s.items.isEmpty() ? "; the list is empty"
                            : "; its indices run from 0 to " + (s.items.size() - 1);
                    return Optional.of(new Problem(SOURCE, 0, 0, path, "no list item '" + part + "' in " + list
                            + " (expected an index, a country id or a pair A-B)" + range + near));
                }
                if (last) {
                    int index = s.items.indexOf(item.get());
                    s.items.set(index, value);
                    return Optional.empty();
                }
                at = item.get();
            } else {
                return Optional.of(new Problem(SOURCE, 0, 0, path, "'" + String.join(".", java.util.Arrays.copyOf(parts, i))
                        + "' is a single value, it has no field '" + part + "'"));
            }
        }
        return Optional.empty();
    }

    /** The ids of a list's items (a country's {@code id}), for a suggestion when one is misspelt. */
    private static List<String> ids(Node.Sequence s) {
        List<String> ids = new ArrayList<>();
        for (Node n : s.items) {
            if (n instanceof Node.Mapping m && m.entries.get("id") instanceof Node.Scalar id && id.value != null) {
                ids.add(String.valueOf(id.value));
            }
        }
        return ids;
    }

    /** A list item by index, country id or pair, without adding anything. */
    private static Optional<Node> find(Node.Sequence s, String key) {
        if (key.chars().allMatch(Character::isDigit)) {
            try {
                int index = Integer.parseInt(key);
                return index < s.items.size() ? Optional.of(s.items.get(index)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        for (Node n : s.items) {
            if (n instanceof Node.Mapping m) {
                if (m.entries.get("id") instanceof Node.Scalar id && key.equals(id.value)) {
                    return Optional.of(n);
                }
                if (m.entries.get("between") instanceof Node.Sequence b && b.items.size() == 2
                        && b.items.get(0) instanceof Node.Scalar x && b.items.get(1) instanceof Node.Scalar y) {
                    if (key.equals(x.value + "-" + y.value) || key.equals(y.value + "-" + x.value)) {
                        return Optional.of(n);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Node> item(Node.Sequence s, String key, String listName) {
        Optional<Node> found = find(s, key);
        if (found.isPresent() || key.chars().allMatch(Character::isDigit)) {
            return found;
        }
        int dash = key.indexOf('-');
        if ("relations".equals(listName) && dash > 0 && dash < key.length() - 1) {
            Node.Mapping relation = new Node.Mapping(SOURCE, 0, 0);
            Node.Sequence between = new Node.Sequence(SOURCE, 0, 0);
            between.items.add(new Node.Scalar(SOURCE, 0, 0, key.substring(0, dash)));
            between.items.add(new Node.Scalar(SOURCE, 0, 0, key.substring(dash + 1)));
            relation.put("between", between, SOURCE, 0, 0);
            s.items.add(relation);
            return Optional.of(relation);
        }
        return Optional.empty();
    }
}
