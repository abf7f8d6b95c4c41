package org.crisis.report;

import java.awt.Color;
import java.util.Locale;

/**
 * The diplomatic levels as the result files write them (ordinal 0 SEVERED .. 4 ALLIED), with
 * the colours the report uses for them everywhere.
 */
enum RelationLevel {
    SEVERED(new Color(0x9E1B1B)),
    DOWNGRADED(new Color(0xE8873A)),
    NORMAL(new Color(0xD9D9D9)),
    CORDIAL(new Color(0x8CC78C)),
    ALLIED(new Color(0x2E7D32));

    private static final RelationLevel[] VALUES = values();
    private final Color colour;

    RelationLevel(Color colour) {
        this.colour = colour;
    }

    Color colour() {
        return colour;
    }

    String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    static RelationLevel of(int ordinal) {
        return VALUES[Math.max(0, Math.min(VALUES.length - 1, ordinal))];
    }

    /** The level named {@code text} (any case), or NORMAL if it is not a level. */
    static RelationLevel parse(String text) {
        for (RelationLevel l : VALUES) {
            if (l.name().equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        return NORMAL;
    }
}
