package org.crisis.io;

import java.util.Locale;

/**
 * The one rule that turns names into the snake_case column names of result files, for every
 * writer and reader of them: a dotted path ({@code countries.PER.domesticPressure} becomes
 * {@code countries_per_domestic_pressure}), an outcome key ({@code daysToSevered} becomes
 * {@code days_to_severed}).
 */
public final class Columns {
    private Columns() {}

    /**
     * Lower case; an upper-case letter after a lower-case one starts a new word; every run of
     * other characters than letters and digits becomes one '_'.
     */
    public static String of(String name) {
        StringBuilder s = new StringBuilder();
        char prev = '_';
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                s.append('_');
            }
            char out = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '_';
            if (out == '_' && s.length() > 0 && s.charAt(s.length() - 1) == '_') {
                prev = c;
                continue;
            }
            s.append(out);
            prev = c;
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
