package org.crisis.observe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crisis.model.Dyad;
import org.crisis.model.Level;
import org.crisis.model.World;

/**
 * A named measure of one run (docs/MODEL.md 3.10), e.g.
 * {@code severed:PER-MEX}, {@code daysToSevered:PER-MEX}, {@code sides:MEX},
 * {@code severedPairs}, {@code polarisation}. Values are doubles; NaN means "did not
 * happen" (a day never reached) and is written as an empty cell.
 */
public record Outcome(Kind kind, String a, String b) {

    /** Every kind of outcome, with the name used in sweep files. */
    public enum Kind {
        SEVERED("severed", Scope.PAIR, Measure.SHARE, "reached SEVERED"),
        DOWNGRADED("downgraded", Scope.PAIR, Measure.SHARE, "reached DOWNGRADED or below"),
        RESTORED("restored", Scope.PAIR, Measure.SHARE, "restored (NORMAL or above after a low)"),
        DAYS_TO_SEVERED("daysToSevered", Scope.PAIR, Measure.DAY, "days to SEVERED (runs where reached)"),
        DAYS_TO_DOWNGRADED("daysToDowngraded", Scope.PAIR, Measure.DAY, "days to DOWNGRADED (runs where reached)"),
        DAYS_TO_RESTORED("daysToRestored", Scope.PAIR, Measure.DAY, "days to restoration (runs where restored)"),
        LOWEST_LEVEL("lowestLevel", Scope.PAIR, Measure.LEVEL, "lowest level (0 SEVERED \u2026 4 ALLIED)"),
        FINAL_LEVEL("finalLevel", Scope.PAIR, Measure.LEVEL, "final level (0 SEVERED \u2026 4 ALLIED)"),
        HOSTILE_EVENTS("hostileEvents", Scope.PAIR, Measure.COUNT, "hostile events (scripted ones included)"),
        COOPERATIVE_EVENTS("cooperativeEvents", Scope.PAIR, Measure.COUNT, "cooperative events (scripted ones included)"),
        DAYS_DOWNGRADED("daysDowngraded", Scope.PAIR, Measure.COUNT, "days at DOWNGRADED or below"),
        SIDES("sides", Scope.COUNTRY, Measure.COUNT, "countries that supported it"),
        CONDEMN("condemn", Scope.COUNTRY, Measure.COUNT, "countries that condemned it"),
        SEVERED_PAIRS("severedPairs", Scope.GLOBAL, Measure.COUNT, "pairs SEVERED at the end"),
        PEAK_SEVERED_PAIRS("peakSeveredPairs", Scope.GLOBAL, Measure.COUNT, "most pairs SEVERED on one day"),
        POLARISATION_START("polarisationStart", Scope.GLOBAL, Measure.NUMBER, "polarisation on day 0"),
        POLARISATION("polarisation", Scope.GLOBAL, Measure.NUMBER, "polarisation at the end"),
        TOTAL_CONFLICT("totalConflict", Scope.GLOBAL, Measure.NUMBER, "total conflict (sum of hostile events' weights, scripted ones included)"),
        EVENTS("events", Scope.GLOBAL, Measure.COUNT, "events"),
        DAYS("days", Scope.GLOBAL, Measure.COUNT, "days simulated");

        final String key;
        final Scope scope;
        final boolean binary;
        final Measure measure;
        final String label;

        Kind(String key, Scope scope, Measure measure, String label) {
            this.key = key;
            this.scope = scope;
            this.binary = measure == Measure.SHARE;
            this.measure = measure;
            this.label = label;
        }

        public String key() {
            return key;
        }
    }

    enum Scope { PAIR, COUNTRY, GLOBAL }

    /**
     * What a value measures, as result files name it ({@code kind} in summary.json): a yes/no
     * (its mean a share of runs), a day, a level ordinal, a count, or another number.
     */
    public enum Measure {
        SHARE("share", "share of runs"),
        DAY("day", "days"),
        LEVEL("level", "level (0 SEVERED \u2026 4 ALLIED)"),
        COUNT("count", ""),
        NUMBER("number", "");

        private final String name;
        private final String unit;

        Measure(String name, String unit) {
            this.name = name;
            this.unit = unit;
        }

        /** The name in result files. */
        public String fileName() {
            return name;
        }
    }

    /** Parses a name such as {@code severed:PER-MEX}; empty with a reason in {@code why}. */
    public static Optional<Outcome> parse(String name, List<String> countryIds, StringBuilder why) {
        int colon = name.indexOf(':');
        String key = colon < 0 ? name : name.substring(0, colon);
        String arg = colon < 0 ? "" : name.substring(colon + 1);
        for (Kind k : Kind.values()) {
            if (!k.key.equals(key)) {
                continue;
            }
            switch (k.scope) {
                case GLOBAL -> {
                    if (!arg.isEmpty()) {
                        why.append("'").append(key).append("' takes no argument");
                        return Optional.empty();
                    }
                    return Optional.of(new Outcome(k, "", ""));
                }
                case COUNTRY -> {
                    if (!countryIds.contains(arg)) {
                        why.append("'").append(key).append(":X' needs a country id of the scenario, found '").append(arg).append("'");
                        org.crisis.scenario.Fields.closestId(arg, countryIds)
                                .ifPresent(near -> why.append("; did you mean '").append(key).append(':').append(near).append("'?"));
                        return Optional.empty();
                    }
                    return Optional.of(new Outcome(k, arg, ""));
                }
                default -> {
                    int dash = arg.indexOf('-');
                    String x = dash < 0 ? "" : arg.substring(0, dash);
                    String y = dash < 0 ? "" : arg.substring(dash + 1);
                    if (!countryIds.contains(x) || !countryIds.contains(y) || x.equals(y)) {
                        why.append("'").append(key).append(":A-B' needs two different country ids of the scenario, found '")
                                .append(arg).append("'");
                        // each misspelt id by its nearest, when both then name two different countries
                        String nx = countryIds.contains(x) ? x : org.crisis.scenario.Fields.closestId(x, countryIds).orElse(null);
                        String ny = countryIds.contains(y) ? y : org.crisis.scenario.Fields.closestId(y, countryIds).orElse(null);
                        if (nx != null && ny != null && !nx.equals(ny) && !(nx.equals(x) && ny.equals(y))) {
                            why.append("; did you mean '").append(key).append(':').append(nx).append('-').append(ny).append("'?");
                        }
                        return Optional.empty();
                    }
                    return Optional.of(new Outcome(k, x, y));
                }
            }
        }
        List<String> keys = new ArrayList<>();
        for (Kind k : Kind.values()) {
            keys.add(k.key + (k.scope == Scope.PAIR ? ":A-B" : k.scope == Scope.COUNTRY ? ":X" : ""));
        }
        why.append("unknown outcome '").append(name).append("'; ");
        List<String> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            kinds.add(k.key);
        }
        org.crisis.scenario.Fields.closest(key, kinds).ifPresent(near -> {
            Kind k = Arrays.stream(Kind.values()).filter(x -> x.key.equals(near)).findFirst().orElseThrow();
            String suffix = switch (k.scope) { // the suggestion in the form its kind takes: a pair, a country or nothing
                case GLOBAL -> "";
                case COUNTRY -> ":" + (arg.isEmpty() || arg.contains("-") ? "X" : arg);
                case PAIR -> ":" + (arg.contains("-") ? arg : "A-B");
            };
            why.append("did you mean '").append(near).append(suffix).append("'? ");
        });
        why.append("expected one of ").append(String.join(", ", keys));
        return Optional.empty();
    }

    /** The name as written in sweep files. */
    public String name() {
        return switch (kind.scope) {
            case GLOBAL -> kind.key;
            case COUNTRY -> kind.key + ":" + a;
            case PAIR -> kind.key + ":" + a + "-" + b;
        };
    }

    /** The snake_case column name in CSV files, e.g. {@code days_to_severed_per_mex}. */
    public String column() {
        StringBuilder s = new StringBuilder(org.crisis.io.Columns.of(kind.key));
        if (!a.isEmpty()) {
            s.append('_').append(a.toLowerCase(Locale.ROOT));
        }
        if (!b.isEmpty()) {
            s.append('_').append(b.toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }

    /** What the value measures. */
    public Measure measure() {
        return kind.measure;
    }

    /**
     * How the measure reads in tables, without its pair or country (the column's suffix says
     * which): e.g. {@code reached SEVERED}, {@code days to SEVERED (runs where reached)}.
     */
    public String label() {
        return kind.label;
    }

    /** The unit of a value: {@code share of runs}, {@code days}, a level scale, or what is counted. */
    public String unit() {
        return switch (kind) {
            case HOSTILE_EVENTS, COOPERATIVE_EVENTS, EVENTS -> "events";
            case DAYS_DOWNGRADED, DAYS -> "days";
            case SIDES, CONDEMN -> "countries";
            case SEVERED_PAIRS, PEAK_SEVERED_PAIRS -> "pairs";
            case POLARISATION_START, POLARISATION -> "share of triads";
            case TOTAL_CONFLICT -> "Goldstein weight";
            default -> kind.measure.unit;
        };
    }

    /** A yes/no outcome (1 or 0), summarised as a share with a Wilson interval. */
    public boolean binary() {
        return kind.binary;
    }

    /**
     * The event a pair's yes/no or day outcome is about, as a noun ({@code rupture},
     * {@code downgrade}, {@code restoration}); null for other outcomes.
     */
    public String event() {
        return switch (kind) {
            case SEVERED, DAYS_TO_SEVERED -> "rupture";
            case DOWNGRADED, DAYS_TO_DOWNGRADED -> "downgrade";
            case RESTORED, DAYS_TO_RESTORED -> "restoration";
            default -> null;
        };
    }

    /**
     * The level that event takes the pair to ({@code down}: to this level or below, as a
     * rupture to SEVERED; {@code up}: back to this level or above, as a restoration to
     * NORMAL); null for other outcomes.
     */
    public Level level() {
        return switch (kind) {
            case SEVERED, DAYS_TO_SEVERED -> Level.SEVERED;
            case DOWNGRADED, DAYS_TO_DOWNGRADED -> Level.DOWNGRADED;
            case RESTORED, DAYS_TO_RESTORED -> Level.NORMAL;
            default -> null;
        };
    }

    /** Whether the event moves the pair {@code down} the levels or back {@code up}; null for other outcomes. */
    public String direction() {
        return switch (kind) {
            case SEVERED, DAYS_TO_SEVERED, DOWNGRADED, DAYS_TO_DOWNGRADED -> "down";
            case RESTORED, DAYS_TO_RESTORED -> "up";
            default -> null;
        };
    }

    /**
     * What a run set's outcome is for, beyond being shown: {@code headline} (one of the
     * estimates whose precision matters most: rupture of each tracked pair, downgrade and
     * restoration of the first, the region's severed pairs and polarisation), {@code
     * representative} (a measure by which the run closest to the typical run is chosen: per
     * tracked pair rupture, its day, lowest and final level, hostile events; the region's
     * severed pairs, their peak and polarisation), {@code run_length} (the days a run lasted:
     * a run without the event is censored on the last day it was followed, its days less one), {@code escalation} (a measure of how far a
     * run escalated, by which the most and the least escalated runs are chosen; ranked and
     * oriented by {@link #escalation()}). {@code tracked}: the run set's tracked pairs, the
     * first one first.
     */
    public List<String> roles(List<String[]> tracked) {
        List<String> roles = new ArrayList<>();
        boolean first = !tracked.isEmpty() && tracked.get(0)[0].equals(a) && tracked.get(0)[1].equals(b);
        boolean headline = switch (kind) {
            case SEVERED, SEVERED_PAIRS, POLARISATION -> true;
            case DOWNGRADED, RESTORED -> first;
            default -> false;
        };
        if (headline) {
            roles.add("headline");
        }
        if (switch (kind) {
            case SEVERED, DAYS_TO_SEVERED, LOWEST_LEVEL, FINAL_LEVEL, HOSTILE_EVENTS, SEVERED_PAIRS, PEAK_SEVERED_PAIRS,
                POLARISATION -> true;
            default -> false;
        }) {
            roles.add("representative");
        }
        if (kind == Kind.DAYS) {
            roles.add("run_length");
        }
        if (escalation() != null) {
            roles.add("escalation");
        }
        return roles;
    }

    /**
     * How an outcome with the role {@code escalation} ranks runs by how far they escalated: runs
     * are compared on the measures of rank 1 (each summed over its outcomes, as over the tracked
     * pairs), then on rank 2 to break ties, and so on; {@code moreEscalated} says which values
     * are the more escalated ({@code lower} or {@code higher}).
     */
    public record Escalation(int rank, String moreEscalated) {}

    /**
     * Where the outcome stands in how escalated a run is: first how low the tracked pairs fell
     * (their lowest levels, lower is more escalated), then how many of the region's pairs were
     * severed at once (the peak, higher is more escalated), then how hostile its events were in
     * all (total conflict, the sum of the negative Goldstein weights: lower is more escalated);
     * null for other outcomes.
     */
    public Escalation escalation() {
        return switch (kind) {
            case LOWEST_LEVEL -> new Escalation(1, "lower");
            case PEAK_SEVERED_PAIRS -> new Escalation(2, "higher");
            case TOTAL_CONFLICT -> new Escalation(3, "lower");
            default -> null;
        };
    }

    /**
     * What the result files say of the outcome (summary.json, a sweep's manifest.json;
     * docs/FORMATS.md 5.1), so that their readers need no copy of the model's rules:
     * {@code column}, {@code type} (share or number), {@code label}, {@code unit}, {@code kind}
     * (share, day, level, count, number), {@code measure} (the name without its pair or
     * country), {@code scope} (pair, country, global) with {@code a} and {@code b} or
     * {@code country}, and for a pair's events {@code event}, {@code level} and
     * {@code direction}. Values are text; absent fields are left out.
     */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("column", column());
        d.put("type", binary() ? "share" : "number");
        d.put("label", label());
        d.put("unit", unit());
        d.put("kind", measure().fileName());
        d.put("measure", kind.key);
        d.put("scope", kind.scope.name().toLowerCase(Locale.ROOT));
        switch (kind.scope) {
            case PAIR -> {
                d.put("a", a);
                d.put("b", b);
            }
            case COUNTRY -> d.put("country", a);
            default -> {
            }
        }
        if (event() != null) {
            d.put("event", event());
            d.put("level", level().name());
            d.put("direction", direction());
        }
        return d;
    }

    /** The outcome's value at the end of a run. */
    public double value(World w, PairRecords records, int daysRun, double polarisationStart, double polarisationEnd) {
        switch (kind.scope) {
            case GLOBAL -> {
                return switch (kind) {
                    case SEVERED_PAIRS -> w.severedNow();
                    case PEAK_SEVERED_PAIRS -> w.severedPeak();
                    case POLARISATION_START -> polarisationStart;
                    case POLARISATION -> polarisationEnd;
                    case TOTAL_CONFLICT -> w.totalConflict();
                    case EVENTS -> w.events().size();
                    default -> daysRun;
                };
            }
            case COUNTRY -> {
                int x = w.indexOf(a);
                return kind == Kind.SIDES ? w.supporters(x) : w.condemners(x);
            }
            default -> {
                Dyad d = w.existing(w.indexOf(a), w.indexOf(b));
                PairRecords.Record m = records.of(w, w.indexOf(a), w.indexOf(b));
                if (d == null) {
                    return untouched();
                }
                return switch (kind) {
                    case SEVERED -> m.firstSevered() >= 0 ? 1 : 0;
                    case DOWNGRADED -> m.firstDowngraded() >= 0 ? 1 : 0;
                    case RESTORED -> m.restoredDay() >= 0 ? 1 : 0;
                    case DAYS_TO_SEVERED -> day(m.firstSevered());
                    case DAYS_TO_DOWNGRADED -> day(m.firstDowngraded());
                    case DAYS_TO_RESTORED -> day(m.restoredDay());
                    case LOWEST_LEVEL -> m.lowestLevel().ordinal();
                    case FINAL_LEVEL -> d.level().ordinal();
                    case HOSTILE_EVENTS -> m.hostileEvents();
                    case DAYS_DOWNGRADED -> m.daysAtOrBelowDowngraded(daysRun);
                    default -> m.cooperativeEvents();
                };
            }
        }
    }

    private double untouched() {
        return switch (kind) {
            case SEVERED, DOWNGRADED, RESTORED, HOSTILE_EVENTS, COOPERATIVE_EVENTS, DAYS_DOWNGRADED -> 0;
            case LOWEST_LEVEL, FINAL_LEVEL -> Level.NORMAL.ordinal();
            default -> Double.NaN;
        };
    }

    private static double day(int day) {
        return day < 0 ? Double.NaN : day;
    }

    /** The standard outcomes of {@code crisis run}: per tracked pair, per country of a tracked pair, global. */
    public static List<Outcome> standard(List<String[]> pairs) {
        List<Outcome> list = new ArrayList<>();
        List<String> sides = new ArrayList<>();
        for (String[] p : pairs) {
            for (Kind k : Kind.values()) {
                if (k.scope == Scope.PAIR) {
                    list.add(new Outcome(k, p[0], p[1]));
                }
            }
            for (String c : p) {
                if (!sides.contains(c)) {
                    sides.add(c);
                }
            }
        }
        for (String c : sides) {
            list.add(new Outcome(Kind.SIDES, c, ""));
            list.add(new Outcome(Kind.CONDEMN, c, ""));
        }
        for (Kind k : Kind.values()) {
            if (k.scope == Scope.GLOBAL) {
                list.add(new Outcome(k, "", ""));
            }
        }
        return list;
    }
}
