package org.crisis.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON document that remembers where each value stood, so that
 * validation can point at file, line and column. Mutable only while overrides
 * are applied, before validation.
 */
public abstract sealed class Node permits Node.Mapping, Node.Sequence, Node.Scalar {
    /** The value of a scalar the file gives as binary data ({@code !!binary}), which no field takes. */
    static final Object BINARY = new Object() {
        @Override
        public String toString() {
            return "binary data (!!binary)";
        }
    };

    final String source;
    final int line;
    final int column;

    Node(String source, int line, int column) {
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What a user would call this kind of value in an error message. */
    abstract String kind();

    /** A mapping with its keys in file order. */
    public static final class Mapping extends Node {
        final Map<String, Node> entries = new LinkedHashMap<>();
        final Map<String, Key> keys = new LinkedHashMap<>();

        Mapping(String source, int line, int column) {
            super(source, line, column);
        }

        public Map<String, Node> entries() {
            return entries;
        }

        /** Line and column of a key as written, {0, 0} when unknown (e.g. set by an override). */
        public int[] keyPosition(String key) {
            Key at = keys.get(key);
            return at == null ? new int[] {0, 0} : new int[] {at.line(), at.column()};
        }

        /** Sets a key written at {@code line}, {@code column} of {@code source} (a file, or "--set"). */
        void put(String key, Node value, String source, int line, int column) {
            entries.put(key, value);
            keys.put(key, new Key(source, line, column));
        }

        @Override
        String kind() {
            return "a mapping";
        }

        /** Where a key was written; line and column are 0 when unknown. */
        record Key(String source, int line, int column) {}
    }

    /** A list. */
    public static final class Sequence extends Node {
        final List<Node> items = new ArrayList<>();

        Sequence(String source, int line, int column) {
            super(source, line, column);
        }

        public List<Node> items() {
            return items;
        }

        @Override
        String kind() {
            return "a list";
        }
    }

    /** A string, number, boolean or null, with the text it was written as. */
    public static final class Scalar extends Node {
        final Object value;

        Scalar(String source, int line, int column, Object value) {
            super(source, line, column);
            this.value = value;
        }

        public Object value() {
            return value;
        }

        boolean isNull() {
            return value == null;
        }

        /** A string, number or boolean: not null, not binary data. */
        public boolean isPlain() {
            return value instanceof String || value instanceof Number || value instanceof Boolean;
        }

        @Override
        String kind() {
            if (value == null) {
                return "null";
            }
            if (value == BINARY) {
                return "binary data (!!binary)";
            }
            if (value instanceof Boolean) {
                return "a boolean";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "a string";
        }
    }
}
