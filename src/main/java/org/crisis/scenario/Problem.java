package org.crisis.scenario;

/**
 * One thing wrong with an input file: where it is and what was expected.
 *
 * @param source the file (or "--set") the problem comes from
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path dotted path of the field, e.g. {@code countries[1].sovereignty}
 * @param message what is wrong and what was expected
 */
public record Problem(String source, int line, int column, String path, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        s.append(": ");
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }
}
