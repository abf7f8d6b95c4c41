package org.crisis.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML or JSON into a {@link Node} tree that keeps line and column of every value.
 *
 * <p>Limits (README, "Scenario files"): a file must be a regular file of at most
 * {@link #MAX_FILE_BYTES} bytes, in UTF-8 (a byte order mark is allowed); values nest at most
 * {@link #MAX_DEPTH} deep; a file uses at most {@link #MAX_ALIASES} YAML aliases, which expand
 * to at most {@link #MAX_ALIAS_VALUES} values in all. The parser (SnakeYAML through Jackson) is
 * given the same limits in its {@link LoaderOptions}, where its code-point limit applies; the
 * alias and depth limits are enforced here, as Jackson reads aliases as events and this reader
 * expands them. A file beyond a limit is refused at once, with the place where it was
 * exceeded.
 */
public final class TreeReader {
    /** Largest scenario or sweep file read, in bytes (4 MiB). */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** Deepest nesting of mappings and lists. */
    public static final int MAX_DEPTH = 64;
    /** Most YAML aliases ({@code *name}) in one file. */
    public static final int MAX_ALIASES = 1000;
    /** Most values that the aliases of one file may expand to, in all. */
    public static final int MAX_ALIAS_VALUES = 100_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build()).build();
    // the builder starts from no parser features, unlike new YAMLFactory(): keep "key:" with no value a null
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build()).build();
    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private TreeReader() {}

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(MAX_FILE_BYTES);
        o.setAllowDuplicateKeys(true); // reported by this reader, with the key's place
        return o;
    }

    /** Reads a file; the format follows the extension (.json is JSON, .yaml/.yml YAML). */
    public static Node read(Path file) throws InvalidInputException {
        String source = file.toString();
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean json = name.endsWith(".json");
        if (!json && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw InvalidInputException.of(source, Files.isDirectory(file) ? "a directory, not a file: give a .yaml, .yml or"
                    + " .json file in it (crisis check and crisis validate also take a directory)"
                    : "expected a .yaml, .yml or .json file");
        }
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                throw InvalidInputException.of(source, "no such file");
            }
            // never opened: a directory, a device such as /dev/zero, a named pipe that would block
            if (!Files.isRegularFile(file)) {
                throw InvalidInputException.of(source, "not a regular file (a directory, device or pipe); give a"
                        + (json ? " JSON" : " YAML") + " file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw InvalidInputException.of(source, String.format(java.util.Locale.ROOT,
                        "the file has %,d bytes; scenario and sweep files may have at most %,d (4 MiB)", size,
                        MAX_FILE_BYTES));
            }
            bytes = readAtMost(file, MAX_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(source, "no such file");
        } catch (IOException e) {
            throw InvalidInputException.of(source, "cannot read: " + e.getMessage());
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return parse(source, strict.decode(ByteBuffer.wrap(bytes)).toString(), json);
        } catch (CharacterCodingException e) {
            throw notUtf8(source, bytes, json);
        }
    }

    /** The file's bytes, refusing one that grew beyond the limit while read. */
    private static byte[] readAtMost(Path file, int limit) throws IOException, InvalidInputException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw InvalidInputException.of(file.toString(), "the file has more than " + limit
                        + " bytes; scenario and sweep files may have at most 4 MiB");
            }
            return bytes;
        }
    }

    /** The first byte that is not UTF-8, with its line, column and the field it is in. */
    private static InvalidInputException notUtf8(String source, byte[] bytes, boolean json) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        int bad = in.position();
        int badLength = r.isError() ? r.length() : 1;
        out.flip();
        String before = out.toString();
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        StringBuilder hex = new StringBuilder();
        for (int i = bad; i < Math.min(bytes.length, bad + badLength); i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        // the field it is in: the tree of the text with the bad bytes replaced
        String path = "";
        String replaced = new String(bytes, StandardCharsets.UTF_8);
        List<Object[]> places = new ArrayList<>();
        try {
            parse(source, replaced, json, places);
        } catch (InvalidInputException e) {
            // the path stays unknown
        }
        for (Object[] place : places) {
            int l = (int) place[0];
            int c = (int) place[1];
            if (l < line || l == line && c <= column) {
                path = (String) place[2];
            }
        }
        return new InvalidInputException(List.of(new Problem(source, line, column, path, "not valid UTF-8 (byte "
                + hex + "); save the file as UTF-8")));
    }

    /** Parses text; {@code json} picks the syntax. */
    public static Node parse(String source, String text, boolean json) throws InvalidInputException {
        return parse(source, text, json, null);
    }

    /** A limit exceeded or a value that cannot be read: stops reading at once. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Stop(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** What one parse counts: aliases and the values they expand to; where scalars are ({@code places}, optional). */
    private static final class Reading {
        final String source;
        final Map<String, Node> anchors = new HashMap<>();
        final List<Problem> problems = new ArrayList<>();
        final List<Object[]> places;
        int aliases;
        int aliasValues;

        Reading(String source, List<Object[]> places) {
            this.source = source;
            this.places = places;
        }
    }

    private static Node parse(String source, String text, boolean json, List<Object[]> places) throws InvalidInputException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as some editors write it: not part of the document
        }
        Reading reading = new Reading(source, places);
        try (Reader reader = new StringReader(text);
                JsonParser parser = (json ? JSON : YAML).createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InvalidInputException.of(source, "the file is empty");
            }
            Node root = readValue(reading, parser, "", 0);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                reading.problems.add(new Problem(source, at.getLineNr(), at.getColumnNr(), "",
                        "expected a single document, found more after it"));
            }
            if (!reading.problems.isEmpty()) {
                throw new InvalidInputException(reading.problems);
            }
            return root;
        } catch (Stop e) {
            throw new InvalidInputException(List.of(e.problem));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // SnakeYAML's first line is only the context ("while parsing a flow sequence"): add the problem
            String message = e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null
                    ? (y.getContext() == null ? "" : y.getContext() + ": ") + y.getProblem()
                    : plainParserMessage(e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
            if (e.getCause() instanceof YAMLException && message.contains("code points")) {
                message = "the document is longer than " + MAX_FILE_BYTES + " characters, the most a scenario or sweep"
                        + " file may have";
            }
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            // SnakeYAML's problem mark is where the fault is (a tab, say); Jackson's location may be its context's
            if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                line = y.getProblemMark().getLine() + 1;
                column = y.getProblemMark().getColumn() + 1;
            }
            if (message.contains("\\t(TAB)")) {
                message = message.replace("found character '\\t(TAB)' that cannot start any token", "found a tab")
                        .replace("(Do not use \\t(TAB) for indentation)", "(indent with spaces, not tabs)");
            }
            if (!json && indentation(message)) {
                message += " (most often the indentation of line " + line + " or of the line above it: YAML reads nesting from"
                        + " the spaces a line begins with, so line each field up with the other fields of its entry"
                        + (message.contains("mapping values are not allowed here")
                                ? "; or a colon inside a value, as in name: Peru: asylum, which wants the value in quotes" : "")
                        + ")";
            }
            throw new InvalidInputException(List.of(new Problem(source, line, column, "",
                    "not valid " + (json ? "JSON" : "YAML") + ": " + message)));
        } catch (YAMLException e) {
            throw InvalidInputException.of(source, "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw InvalidInputException.of(source, "cannot read: " + e.getMessage());
        }
    }

    /** Whether a YAML parser's complaint is the kind a line indented too far or too little draws. */
    private static boolean indentation(String message) {
        return message.contains("expected <block end>") || message.contains("mapping values are not allowed here")
                || message.contains("could not find expected ':'") || message.contains("did not find expected key")
                || message.contains("did not find expected '-' indicator");
    }

    /**
     * Reads the value at the current token, at {@code path} (e.g. {@code countries[0].id}) and
     * {@code depth}. YAML anchors ({@code &name}) of mappings and lists are kept for the
     * aliases ({@code *name}) that repeat them.
     */
    private static Node readValue(Reading r, JsonParser p, String path, int depth) throws IOException {
        String source = r.source;
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            if (++r.aliases > MAX_ALIASES) {
                throw new Stop(new Problem(source, line, column, path, "more than " + MAX_ALIASES
                        + " aliases (*name) in one file, the most allowed"));
            }
            Node anchored = r.anchors.get(p.getText());
            if (anchored != null) {
                return copyOf(anchored, r, line, column, path);
            }
            // Jackson keeps anchors of mappings and lists only
            r.problems.add(new Problem(source, line, column, path, "alias *" + p.getText()
                    + " names no mapping or list anchored before it (anchors on single values are not"
                    + " supported; repeat the value)"));
            return new Node.Scalar(source, line, column, null);
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new Stop(new Problem(source, line, column, path, "values nest more than " + MAX_DEPTH
                    + " levels deep, the most allowed"));
        }
        String anchor = p instanceof YAMLParser yaml
                && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) ? yaml.getObjectId() : null;
        Node node = switch (token) {
            case START_OBJECT -> {
                Node.Mapping map = new Node.Mapping(source, line, column);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = p.currentTokenLocation();
                    String key = p.currentName();
                    p.nextToken();
                    Node value = readValue(r, p, path.isEmpty() ? key : path + "." + key, depth + 1);
                    if (map.entries.containsKey(key)) {
                        r.problems.add(new Problem(source, keyAt.getLineNr(), keyAt.getColumnNr(), path.isEmpty() ? key : path + "." + key,
                                "duplicate key '" + key + "'"));
                    }
                    map.put(key, value, source, keyAt.getLineNr(), keyAt.getColumnNr());
                }
                yield map;
            }
            case START_ARRAY -> {
                Node.Sequence list = new Node.Sequence(source, line, column);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.items.add(readValue(r, p, path + "[" + list.items.size() + "]", depth + 1));
                }
                yield list;
            }
            case VALUE_STRING -> new Node.Scalar(source, line, column, p.getText());
            case VALUE_NUMBER_INT -> new Node.Scalar(source, line, column, p instanceof YAMLParser ? yamlWholeNumber(p) : wholeNumber(p));
            case VALUE_NUMBER_FLOAT -> new Node.Scalar(source, line, column, realNumber(p));
            // YAML 1.2 core schema, as editors read it: Jackson follows YAML 1.1, where yes, no, on, off are booleans too
            case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(source, line, column,
                    BOOLEANS.contains(p.getText()) ? (Object) p.getBooleanValue() : p.getText());
            case VALUE_NULL -> new Node.Scalar(source, line, column, null);
            // !!binary: validation says what the field expected instead
            case VALUE_EMBEDDED_OBJECT -> new Node.Scalar(source, line, column, Node.BINARY);
            default -> throw new Stop(new Problem(source, line, column, path, "unexpected " + token));
        };
        if (r.places != null && node instanceof Node.Scalar) {
            r.places.add(new Object[] {line, column, path});
        }
        if (anchor != null) {
            r.anchors.put(anchor, node);
        }
        return node;
    }

    /**
     * A YAML whole number by the YAML 1.2 core schema, as editors read it, where Jackson follows YAML
     * 1.1: {@code 010} is ten (1.1 reads a leading 0 as octal: eight), and {@code 1_000} or
     * {@code 1:30} are text (1.1 reads digit separators and base 60), which validation reports as
     * not a number; so is hexadecimal {@code 0x1F}, which both would read as 31: the files' numbers
     * are decimal (docs/FORMATS.md 1), and the message says what to write.
     */
    private static Object yamlWholeNumber(JsonParser p) throws IOException {
        String text = p.getText();
        if (text.matches("[-+]?[0-9]+")) {
            try {
                return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                return new java.math.BigInteger(text.startsWith("+") ? text.substring(1) : text); // reported as written
            }
        }
        if (text.contains("_") || text.contains(":") || text.matches("[-+]?0b[01]+") || text.matches("[-+]?0x.*")) {
            return text; // digit separators, base 60 and binary are YAML 1.1's, text in 1.2; hexadecimal is refused as not decimal
        }
        return wholeNumber(p);
    }

    /** A whole number as a Long; beyond a long, as the BigInteger it is (validation reports it as written). */
    private static Object wholeNumber(JsonParser p) throws IOException {
        try {
            return p.getLongValue();
        } catch (JsonProcessingException e) {
            Number n = p.getNumberValue();
            return n instanceof java.math.BigInteger ? n : (Object) n.doubleValue();
        }
    }

    /** A real number; a YAML float the parser cannot read ({@code .nan}) stays text, which validation reports. */
    private static Object realNumber(JsonParser p) throws IOException {
        if (p instanceof YAMLParser && (p.getText().contains("_") || p.getText().contains(":"))) {
            return p.getText(); // YAML 1.1's 1_0.5 and 1:30.5 are text in YAML 1.2: validation says a number was expected
        }
        try {
            double x = p.getDoubleValue();
            return Double.isNaN(x) ? p.getText() : (Object) x;
        } catch (JsonProcessingException | NumberFormatException e) {
            return p.getText();
        }
    }

    /** A copy of an anchored value for an alias, counting what aliases expand to. */
    private static Node copyOf(Node node, Reading r, int line, int column, String path) {
        int[] budget = {MAX_ALIAS_VALUES - r.aliasValues};
        Node copy = copyOf(node, budget, () -> new Stop(new Problem(r.source, line, column, path, "the aliases (*name) of"
                + " this file expand to more than " + MAX_ALIAS_VALUES + " values, the most allowed")));
        r.aliasValues = MAX_ALIAS_VALUES - budget[0];
        return copy;
    }

    private static Node copyOf(Node node, int[] budget, java.util.function.Supplier<Stop> exceeded) {
        if (--budget[0] < 0) {
            throw exceeded.get();
        }
        if (node instanceof Node.Mapping m) {
            Node.Mapping copy = new Node.Mapping(m.source, m.line, m.column);
            for (Map.Entry<String, Node> e : m.entries.entrySet()) {
                Node.Mapping.Key at = m.keys.get(e.getKey());
                copy.put(e.getKey(), copyOf(e.getValue(), budget, exceeded), at.source(), at.line(), at.column());
            }
            return copy;
        }
        if (node instanceof Node.Sequence s) {
            Node.Sequence copy = new Node.Sequence(s.source, s.line, s.column);
            for (Node i : s.items) {
                copy.items.add(copyOf(i, budget, exceeded));
            }
            return copy;
        }
        return node;
    }

    /** Reads one scalar written on a command line ({@code --set k=v}) as YAML would. */
    public static Node.Scalar scalar(String source, String text) {
        try {
            Node node = parse(source, text, false);
            if (node instanceof Node.Scalar s) {
                return new Node.Scalar(source, 0, 0, s.value);
            }
        } catch (InvalidInputException e) {
            // not a plain YAML scalar: keep it as the string it is
        }
        return new Node.Scalar(source, 0, 0, text);
    }

    /** A deep copy, so that overrides can be applied to a fresh tree per sweep point. */
    public static Node copyOf(Node node) {
        if (node instanceof Node.Mapping m) {
            Node.Mapping copy = new Node.Mapping(m.source, m.line, m.column);
            m.entries.forEach((k, v) -> {
                Node.Mapping.Key at = m.keys.get(k);
                copy.put(k, copyOf(v), at.source(), at.line(), at.column());
            });
            return copy;
        }
        if (node instanceof Node.Sequence s) {
            Node.Sequence copy = new Node.Sequence(s.source, s.line, s.column);
            s.items.forEach(i -> copy.items.add(copyOf(i)));
            return copy;
        }
        return node;
    }

    /**
     * The JSON parser's message in a user's words: without its advice to enable a parser feature
     * and without its internal source description (the line and column are reported anyway). The
     * io layer's JsonFiles, which this layer may not call, words the result files' messages alike.
     */
    static String plainParserMessage(String message) {
        String m = message.replaceAll(":? *enable `[^`]*` to allow", "");
        m = m.replaceAll("\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)", "(opened at line $1, column $2)");
        return m.replaceAll(" *\\[Source: [^\\]]*\\]", "").strip();
    }

    /**
     * Whether a directory's entry is one of its input files: a regular file (not a directory, nor a
     * broken link such as an editor's lock file) named .yaml, .yml or .json in any case, as a file
     * named alone is read.
     */
    public static boolean isInputFile(Path f) {
        return Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(ya?ml|json)");
    }
}
