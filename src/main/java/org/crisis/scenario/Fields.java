package org.crisis.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed access to a {@link Node} tree that records every problem instead of stopping at
 * the first, so a whole file is reported at once.
 */
public final class Fields {
    private final List<Problem> problems = new ArrayList<>();

    public List<Problem> problems() {
        return problems;
    }

    public void error(Node at, String path, String message) {
        problems.add(new Problem(at.source(), at.line(), at.column(), path, message));
    }

    /** The node as a mapping whose keys are all in {@code allowed}, or empty (problem recorded). */
    public Optional<Node.Mapping> mapping(Node node, String path, Collection<String> allowed) {
        if (!(node instanceof Node.Mapping m)) {
            error(node, path, "expected a mapping (key: value lines), found " + node.kind());
            return Optional.empty();
        }
        for (var key : m.keys.entrySet()) {
            if (!allowed.contains(key.getKey())) {
                Node.Mapping.Key at = key.getValue();
                String hint = closest(key.getKey(), allowed).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; expected one of " + String.join(", ", allowed));
                problems.add(new Problem(at.source(), at.line(), at.column(), join(path, key.getKey()),
                        "unknown field '" + key.getKey() + "'" + hint));
            }
        }
        return Optional.of(m);
    }

    public Optional<Node.Sequence> sequence(Node node, String path) {
        if (node instanceof Node.Sequence s) {
            return Optional.of(s);
        }
        error(node, path, "expected a list, found " + node.kind());
        return Optional.empty();
    }

    /** A present, non-null field. */
    public static Optional<Node> field(Node.Mapping m, String key) {
        Node n = m.entries.get(key);
        if (n == null || (n instanceof Node.Scalar s && s.isNull())) {
            return Optional.empty();
        }
        return Optional.of(n);
    }

    public Optional<Node> required(Node.Mapping m, String path, String key, String expected) {
        Optional<Node> n = field(m, key);
        if (n.isEmpty()) {
            error(m.entries.getOrDefault(key, m), join(path, key), "required field is missing; expected " + expected);
        }
        return n;
    }

    public Optional<String> string(Node node, String path) {
        if (node instanceof Node.Scalar s && s.value instanceof String text) {
            return Optional.of(text);
        }
        error(node, path, "expected a string, found " + node.kind());
        return Optional.empty();
    }

    public OptionalDouble number(Node node, String path, double min, double max) {
        if (node instanceof Node.Scalar s && s.value instanceof Number n) {
            double x = n.doubleValue();
            if (Double.isNaN(x) || x < min || x > max) {
                error(node, path, "expected " + numberIn(min, max) + ", found "
                        + (Double.isInfinite(x) ? "a number too large to hold (" + (x > 0 ? "" : "-") + "infinity)" : s.value));
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(x);
        }
        error(node, path, "expected " + numberIn(min, max) + ", found " + describe(node) + quoted(node, min, max, false));
        return OptionalDouble.empty();
    }

    /**
     * "a number in [min, max]", without the bounds that stand for none: ±Double.MAX_VALUE is no
     * bound, and a least positive lower bound (Double.MIN_VALUE or MIN_NORMAL) means above 0.
     */
    static String numberIn(double min, double max) {
        boolean noMin = min <= -Double.MAX_VALUE;
        boolean aboveZero = min == Double.MIN_VALUE || min == Double.MIN_NORMAL;
        boolean noMax = max >= Double.MAX_VALUE;
        if (noMax) {
            return noMin ? "a number" : aboveZero ? "a number above 0" : "a number of at least " + fmt(min);
        }
        if (noMin) {
            return "a number of at most " + fmt(max);
        }
        return aboveZero ? "a number above 0 and at most " + fmt(max) : "a number in [" + fmt(min) + ", " + fmt(max) + "]";
    }

    public OptionalLong integer(Node node, String path, long min, long max) {
        if (node instanceof Node.Scalar s && s.value instanceof java.math.BigInteger big) {
            // beyond a long either way: out of range, as written (its long value would wrap round)
            error(node, path, "expected a whole number in [" + min + ", " + max + "], found " + big);
            return OptionalLong.empty();
        }
        if (node instanceof Node.Scalar s && s.value instanceof Number n) {
            double d = n.doubleValue();
            // a whole double converts exactly only within the range of a long; beyond it longValue() saturates
            boolean integral = s.value instanceof Long || (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63);
            if (!integral) {
                error(node, path, "expected a whole number in [" + min + ", " + max + "], found " + s.value);
                return OptionalLong.empty();
            }
            long x = n.longValue();
            if (x < min || x > max) {
                error(node, path, "expected a whole number in [" + min + ", " + max + "], found " + x);
                return OptionalLong.empty();
            }
            return OptionalLong.of(x);
        }
        error(node, path, "expected a whole number in [" + min + ", " + max + "], found " + describe(node) + quoted(node, min, max, true));
        return OptionalLong.empty();
    }

    public Optional<Boolean> bool(Node node, String path) {
        if (node instanceof Node.Scalar s && s.value instanceof Boolean b) {
            return Optional.of(b);
        }
        error(node, path, "expected true or false, found " + describe(node));
        return Optional.empty();
    }

    /** One of a closed set of names, e.g. a level or an event type. */
    <E extends Enum<E>> Optional<E> choice(Node node, String path, Class<E> type) {
        return choice(node, path, type, "");
    }

    /** As {@link #choice(Node, String, Class)}, with {@code otherwise} added when no name is near the one found. */
    <E extends Enum<E>> Optional<E> choice(Node node, String path, Class<E> type, String otherwise) {
        return choice(node, path, List.of(type.getEnumConstants()), otherwise);
    }

    /** One of {@code allowed}, a subset of an enum's names (the ladder's acts among the event types, say). */
    <E extends Enum<E>> Optional<E> choice(Node node, String path, List<E> allowed, String otherwise) {
        Optional<String> text = string(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E e : allowed) {
            if (e.name().equals(text.get())) {
                return Optional.of(e);
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : allowed) {
            names.add(e.name());
        }
        String hint = closest(text.get().toUpperCase(java.util.Locale.ROOT), names)
                .map(s -> "; did you mean '" + s + "'?").orElse(otherwise);
        error(node, path, "expected one of " + String.join(" | ", names) + ", found '" + text.get() + "'" + hint);
        return Optional.empty();
    }

    public static String describe(Node node) {
        if (node instanceof Node.Scalar s && s.value instanceof String text) {
            return "'" + text + "'" + decimalHint(text);
        }
        return node.kind();
    }

    /**
     * For a number written in quotes, which makes it text: the hint to drop them, given only where the
     * number would then be right (in [min, max], and whole where it must be); else only that it is text.
     */
    private static String quoted(Node node, double min, double max, boolean whole) {
        if (!(node instanceof Node.Scalar s && s.value instanceof String text) || !decimalHint(text).isEmpty()
                || !text.trim().matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            return "";
        }
        double x = Double.parseDouble(text.trim());
        boolean right = x >= min && x <= max && (!whole || x == Math.rint(x));
        return right ? " (text, being in quotes: write " + text.trim() + " without them)" : " (text, being in quotes)";
    }

    /**
     * For text written as a number in a form the files do not read (docs/FORMATS.md 1: numbers are
     * decimal), why, and the number to write: {@code 08}, {@code 1_000}, {@code 0x1F}, {@code 0o14}, {@code 0b101}.
     */
    static String decimalHint(String text) {
        String t = text.trim();
        String sign = t.startsWith("-") ? "-" : "";
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        try {
            java.math.BigInteger value;
            if (body.matches("0[xX][0-9a-fA-F]+")) {
                value = new java.math.BigInteger(body.substring(2), 16);
            } else if (body.matches("0[oO][0-7]+")) {
                value = new java.math.BigInteger(body.substring(2), 8);
            } else if (body.matches("0[bB][01]+")) {
                value = new java.math.BigInteger(body.substring(2), 2);
            } else if (body.matches("[0-9][0-9_]*") && (body.contains("_") || body.length() > 1 && body.startsWith("0"))) {
                value = new java.math.BigInteger(body.replace("_", ""));
            } else {
                return "";
            }
            return " (numbers are plain decimals here: write " + sign + value + ")";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** The longest name of a scenario, sweep or calibration: it names a results directory and its hidden work directory. */
    public static final int NAME_MAX = 200;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Words of letters, digits and '_' that pandas.read_csv (by default) or R's read.csv read as a
     * missing value, as written: NA is Namibia's alpha-2 code, and a cell holding it would be lost.
     */
    public static final Set<String> MISSING = Set.of("NA", "NaN", "nan", "NULL", "null", "None");

    /** What is wrong with {@code name} as the name of a file's results directory, or {@code null} if nothing. */
    public static String nameProblem(String name) {
        if (!NAME.matcher(name).matches()) {
            return "expected letters, digits, '-' and '_' only, found '" + name + "'";
        }
        if (MISSING.contains(name)) {
            return "the name '" + name + "' reads as a missing value in pandas and R, and tables name cases by it: give another";
        }
        if (name.length() > NAME_MAX) {
            return "a name of " + name.length() + " characters; at most " + NAME_MAX
                    + " (it names the results directory, and file names have a length limit)";
        }
        return null;
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** The allowed name nearest to a misspelt one, if it is near enough to be a likely typo. */
    public static Optional<String> closest(String wrong, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= Math.max(2, wrong.length() / 3)) {
            return Optional.of(best);
        }
        // a truncated name (ASYLUM for ASYLUM_GRANT) is a likely slip too
        String lower = wrong.toLowerCase(java.util.Locale.ROOT);
        return lower.length() >= 3 ? allowed.stream()
                .filter(c -> c.toLowerCase(java.util.Locale.ROOT).startsWith(lower)).findFirst() : Optional.empty();
    }

    /**
     * The id a misspelt one most likely meant: the id that differs only in case, else the one id
     * that is one slip away (a letter wrong, missing or added, or two adjacent letters swapped,
     * case ignored), and nothing when two are (CHI: CHL or CHN?). Ids are short, so a looser
     * match would suggest an unrelated country (ARG for BRA).
     */
    public static Optional<String> closestId(String wrong, Collection<String> ids) {
        String w = wrong.toLowerCase(java.util.Locale.ROOT);
        String near = null;
        int nearCount = 0;
        for (String id : ids) {
            String lower = id.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals(w)) {
                return Optional.of(id);
            }
            if (oneSlip(w, lower)) {
                near = id;
                nearCount++;
            }
        }
        return nearCount == 1 ? Optional.of(near) : Optional.empty();
    }

    /** Whether two different strings are one edit apart, a swap of adjacent letters counting as one. */
    private static boolean oneSlip(String a, String b) {
        if (a.length() == b.length()) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    diffs++;
                    first = first < 0 ? i : first;
                }
            }
            // two differences that are a swap: they sit at first and first + 1, so the rest is equal
            return diffs == 1 || diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first);
        }
        return Math.abs(a.length() - b.length()) == 1 && distance(a, b) == 1;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    public static Set<String> keys(String... names) {
        return new java.util.LinkedHashSet<>(List.of(names));
    }
}
