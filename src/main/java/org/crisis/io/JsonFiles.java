package org.crisis.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reading the JSON files of results directories with messages that name the file, line and column. */
public final class JsonFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {}

    /** A JSON file that cannot be used, with the place and what is wrong. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** Reads a JSON object; a syntax error or another value at the top is refused with its line and column. */
    public static JsonNode readObject(Path file) throws IOException, Invalid {
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Invalid(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": not valid JSON: "
                    + plainParserMessage(e.getOriginalMessage().lines().findFirst().orElse("syntax error")));
        }
        if (n == null || !n.isObject()) {
            throw new Invalid(file + ": expected a JSON object");
        }
        return n;
    }

    /**
     * {@code file:line:column} of the value at a dotted path such as {@code shard.index} or
     * {@code scenario.countries[2].id}, or the file alone if it is not there.
     */
    public static String locate(Path file, String path) {
        StringBuilder pointer = new StringBuilder();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                pointer.append('/').append(part, bracket + 1, close);
                bracket = part.indexOf('[', close);
            }
        }
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            JsonPointer wanted = JsonPointer.compile(pointer.toString());
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                // a mapping or list starts a context of its own: its place is in the one around it
                JsonPointer at = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                        ? p.getParsingContext().getParent() == null ? JsonPointer.empty()
                                : p.getParsingContext().getParent().pathAsPointer()
                        : p.getParsingContext().pathAsPointer();
                if (at.equals(wanted)) {
                    return file + ":" + p.currentTokenLocation().getLineNr() + ":" + p.currentTokenLocation().getColumnNr();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // the file alone
        }
        return file.toString();
    }

    /**
     * The JSON parser's message in a user's words: without its advice to enable a parser feature
     * and without its internal source description (the line and column are reported anyway).
     */
    public static String plainParserMessage(String message) {
        String m = message.replaceAll(":? *enable `[^`]*` to allow", "");
        m = m.replaceAll("\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)", "(opened at line $1, column $2)");
        return m.replaceAll(" *\\[Source: [^\\]]*\\]", "").strip();
    }
}
