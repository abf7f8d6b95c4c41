package org.crisis.report;

import java.util.Locale;

/** A tracked pair of countries as the result files name it: {@code a}, {@code b} in file order. */
public record Pair(String a, String b) {
    /** {@code PER-MEX}. */
    public String key() {
        return a + "-" + b;
    }

    /** The suffix of this pair's columns in runs.csv, e.g. {@code per_mex}. */
    String column() {
        return (a + "_" + b).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    boolean is(String x, String y) {
        return a.equals(x) && b.equals(y) || a.equals(y) && b.equals(x);
    }

    /** Parses {@code A-B} (also {@code A:B}, {@code A,B}). */
    static Pair parse(String text) throws ReportException {
        String[] p = text.trim().split("[-:,]", -1);
        if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
            throw new ReportException("expected a pair as A-B (e.g. PER-MEX), found '" + text + "'");
        }
        if (p[0].trim().equals(p[1].trim())) {
            throw new ReportException("expected a pair of two different countries (e.g. PER-MEX), found '" + text + "'");
        }
        return new Pair(p[0].trim(), p[1].trim());
    }
}
