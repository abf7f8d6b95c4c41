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

    /** Applies {@code path=value} assignments in order; all bad paths are reported together. */
    public static void apply(Node root, List<String> assignments) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(SOURCE, 0, 0, assignment, "expected path=value, e.g. parameters.grievanceDecay=0.03"));
                continue;
            }
            String path = assignment.substring(0, eq).trim();
            set(root, path, TreeReader.scalar(SOURCE, assignment.substring(eq + 1).trim())).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Sets one value; returns the problem if the path leads nowhere. */
    public static Optional<Problem> set(Node root, String path, Node value) {
        String[] parts = path.split("\\.");
        Node at = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.isEmpty()) {
                return Optional.of(new Problem(SOURCE, 0, 0, path, "empty segment in the path"));
            }
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
                    return Optional.of(new Problem(SOURCE, 0, 0, path, "no list item '" + part + "' in "
                            + String.join(".", java.util.Arrays.copyOf(parts, i))
                            + " (expected an index, a country id or a pair A-B)"));
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

    private static Optional<Node> item(Node.Sequence s, String key, String listName) {
        if (key.chars().allMatch(Character::isDigit)) {
            try {
                int index = Integer.parseInt(key);
                return index < s.items.size() ? Optional.of(s.items.get(index)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty(); // beyond any list
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
