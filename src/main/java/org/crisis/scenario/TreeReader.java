package org.crisis.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML or JSON into a {@link Node} tree that keeps line and column of every value. */
public final class TreeReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

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
            Node root = readValue(source, parser, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new InvalidInputException(List.of(new Problem(source,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid " + (json ? "JSON" : "YAML") + ": " + message)));
        } catch (IOException e) {
            throw InvalidInputException.of(source, "cannot read: " + e.getMessage());
        }
    }

    private static Node readValue(String source, JsonParser p, List<Problem> problems) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Node.Mapping map = new Node.Mapping(source, line, column);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = p.currentTokenLocation();
                    String key = p.currentName();
                    p.nextToken();
                    Node value = readValue(source, p, problems);
                    if (map.entries.containsKey(key)) {
                        problems.add(new Problem(source, keyAt.getLineNr(), keyAt.getColumnNr(), key,
                                "duplicate key '" + key + "'"));
                    }
                    map.put(key, value, keyAt.getLineNr(), keyAt.getColumnNr());
                }
                return map;
            }
            case START_ARRAY -> {
                Node.Sequence list = new Node.Sequence(source, line, column);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.items.add(readValue(source, p, problems));
                }
                return list;
            }
            case VALUE_STRING -> {
                return new Node.Scalar(source, line, column, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Node.Scalar(source, line, column, p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(source, line, column, p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(source, line, column, p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return new Node.Scalar(source, line, column, null);
            }
            default -> throw new IOException("unexpected " + token);
        }
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
                int[] at = m.keyPositions.get(k);
                copy.put(k, copyOf(v), at[0], at[1]);
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
