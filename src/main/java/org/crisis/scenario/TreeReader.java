package org.crisis.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads YAML or JSON into a {@link Node} tree that keeps line and column of every value. */
public final class TreeReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private TreeReader() {}

    /** Reads a file; the format follows the extension (.json is JSON, .yaml/.yml YAML). */
    public static Node read(Path file) throws InvalidInputException {
        String source = file.toString();
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean json = name.endsWith(".json");
        if (!json && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw InvalidInputException.of(source, "expected a .yaml, .yml or .json file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(source, "no such file");
        } catch (IOException e) {
            throw InvalidInputException.of(source, "cannot read: " + e.getMessage());
        }
        return parse(source, text, json);
    }

    /** Parses text; {@code json} picks the syntax. */
    public static Node parse(String source, String text, boolean json) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        try (Reader reader = new StringReader(text);
                JsonParser parser = (json ? JSON : YAML).createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InvalidInputException.of(source, "the file is empty");
            }
            Node root = readValue(source, parser, new HashMap<>(), problems);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new Problem(source, at.getLineNr(), at.getColumnNr(), "",
                        "expected a single document, found more after it"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // SnakeYAML's first line is only the context ("while parsing a flow sequence"): add the problem
            String message = e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null
                    ? (y.getContext() == null ? "" : y.getContext() + ": ") + y.getProblem()
                    : e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new InvalidInputException(List.of(new Problem(source,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid " + (json ? "JSON" : "YAML") + ": " + message)));
        } catch (IOException e) {
            throw InvalidInputException.of(source, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads the value at the current token. {@code anchors} holds the mappings and lists read so far
     * under their YAML anchor ({@code &name}), for the aliases ({@code *name}) that repeat them.
     */
    private static Node readValue(String source, JsonParser p, Map<String, Node> anchors, List<Problem> problems)
            throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            Node anchored = anchors.get(p.getText());
            if (anchored != null) {
                return copyOf(anchored);
            }
            // Jackson keeps anchors of mappings and lists only
            problems.add(new Problem(source, line, column, "", "alias *" + p.getText()
                    + " names no mapping or list anchored before it (anchors on single values are not"
                    + " supported; repeat the value)"));
            return new Node.Scalar(source, line, column, null);
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
                    Node value = readValue(source, p, anchors, problems);
                    if (map.entries.containsKey(key)) {
                        problems.add(new Problem(source, keyAt.getLineNr(), keyAt.getColumnNr(), key,
                                "duplicate key '" + key + "'"));
                    }
                    map.put(key, value, source, keyAt.getLineNr(), keyAt.getColumnNr());
                }
                yield map;
            }
            case START_ARRAY -> {
                Node.Sequence list = new Node.Sequence(source, line, column);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.items.add(readValue(source, p, anchors, problems));
                }
                yield list;
            }
            case VALUE_STRING -> new Node.Scalar(source, line, column, p.getText());
            case VALUE_NUMBER_INT -> new Node.Scalar(source, line, column, p.getLongValue());
            case VALUE_NUMBER_FLOAT -> new Node.Scalar(source, line, column, p.getDoubleValue());
            // YAML 1.2 core schema, as editors read it: Jackson follows YAML 1.1, where yes, no, on, off are booleans too
            case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(source, line, column,
                    BOOLEANS.contains(p.getText()) ? (Object) p.getBooleanValue() : p.getText());
            case VALUE_NULL -> new Node.Scalar(source, line, column, null);
            default -> throw new IOException("unexpected " + token);
        };
        if (anchor != null) {
            anchors.put(anchor, node);
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

}
