package org.crisis.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.crisis.model.Level;

/**
 * Each state's record in the crises of the case library (docs/MODEL.md 3.5, "A state's record"):
 * for every case and every state named in one of its patterns on a pair's level, whether the
 * record (a pattern with a lower bound on the pair reaching {@code DOWNGRADED} or {@code SEVERED})
 * says that state's relations fell, and from which day that was known. The model reads, for a
 * scenario that starts on a date, the share of each state's crises known by that date in which they
 * fell, drawn towards the library's share as if {@link #PRIOR_CRISES} more crises had it; its shift
 * from the library's share scales the state's felt grievance by the option {@code recordWeight}.
 *
 * <p>A case is one of a state's crises when it has a start date, scripts at least one event and has
 * a pattern on one of the state's pairs. It ends on the day after its last simulated day (its start
 * plus its {@code days}: the table's {@code ended}). A crisis in which the state's relations held is
 * known from that day; one in which they fell is known from the day after the shortest window of a
 * pattern that says so closes (its start plus the pattern's {@code withinDays} plus one; a pattern
 * without {@code withinDays} closes with the crisis), or from its end if that comes first: the
 * table's {@code known}. A crisis counts for a scenario that starts on its {@code known} day or later.
 * A state whose id lies in ISO 3166's user-assigned ranges ({@code AAA}–{@code AAZ},
 * {@code QMA}–{@code QZZ}, {@code XAA}–{@code XZZ}, {@code ZZA}–{@code ZZZ}) is fictional and has no
 * record, so the library's theoretical cases add none; {@code XKX}, the code in common use for Kosovo,
 * is the one real state there.
 *
 * <p>The table ships as {@value #RESOURCE} and is made from the library by {@link #main}
 * ({@code StateRecordsTest} fails when the two disagree):
 *
 * <pre>{@code
 * java -cp target/crisis.jar org.crisis.scenario.StateRecords scenarios/cases src/main/resources/state-records.csv
 * }</pre>
 */
public final class StateRecords {
    /** The shipped table, on the class path. */
    public static final String RESOURCE = "/state-records.csv";
    /** The weight of the library's share in a state's record, in crises. */
    public static final double PRIOR_CRISES = 5;
    static final String HEADER = "country,known,ended,case,fell";

    /**
     * One state's part in one crisis of the library, which ended on {@code ended} and whose outcome
     * for the state ({@code fell}) was known from {@code known}.
     */
    record Entry(String country, LocalDate known, LocalDate ended, String name, boolean fell) {}

    private final Map<String, List<Entry>> byCountry = new HashMap<>();
    private final double share;
    private final String sha256;

    StateRecords(List<Entry> entries) {
        this(entries, sha256(String.join("\n", lines(entries)) + "\n"));
    }

    private StateRecords(List<Entry> entries, String sha256) {
        this.sha256 = sha256;
        long fell = 0;
        for (Entry e : entries) {
            byCountry.computeIfAbsent(e.country(), k -> new ArrayList<>()).add(e);
            fell += e.fell() ? 1 : 0;
        }
        share = entries.isEmpty() ? 0 : fell / (double) entries.size();
    }

    /** The table shipped with the model. */
    public static StateRecords shipped() {
        return Shipped.TABLE;
    }

    private static final class Shipped {
        static final StateRecords TABLE = load();

        private static StateRecords load() {
            try (InputStream in = StateRecords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new StateRecords(parse(text.lines().toList()), sha256(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The SHA-256 of the table as read (the shipped file's bytes), so that a results directory can name it. */
    public String sha256() {
        return sha256;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The share of the library's state-crises in which the state's relations fell. */
    public double share() {
        return share;
    }

    /**
     * How far a state's record stands from the library's share, for a scenario that starts on
     * {@code start}: {@code (fell + s·k) / (crises + k) − s}, over the state's crises known on or
     * before {@code start}, with s the library's share and k {@link #PRIOR_CRISES}. 0 for a
     * scenario without a start date and for a state the library does not name.
     */
    public double shift(String country, Optional<LocalDate> start) {
        List<Entry> entries = byCountry.get(country);
        if (start.isEmpty() || entries == null) {
            return 0;
        }
        int crises = 0;
        int fell = 0;
        for (Entry e : entries) {
            if (!e.known().isAfter(start.get())) {
                crises++;
                fell += e.fell() ? 1 : 0;
            }
        }
        return (fell + share * PRIOR_CRISES) / (crises + PRIOR_CRISES) - share;
    }

    /** The table's rows, from the case files of a directory (those with a start date, an event and patterns on a pair's level). */
    static List<Entry> fromCases(Path directory) throws IOException, InvalidInputException {
        return fromCases(directory, false);
    }

    /**
     * The table's rows; with {@code scriptedFalls}, a recall, an expulsion or a rupture that a file
     * scripts between two states is a fall of both, known from the day after it (the candidate of the
     * calibration record's hundred-and-tenth round; not the shipped table's rule).
     */
    static List<Entry> fromCases(Path directory, boolean scriptedFalls) throws IOException, InvalidInputException {
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(TreeReader::isInputFile).sorted().toList();
        }
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            Scenario s = ScenarioReader.read(f, List.of());
            if (s.start().isEmpty() || s.events().isEmpty() || s.expect().isEmpty()) {
                continue;
            }
            LocalDate start = s.start().get();
            LocalDate ended = start.plusDays(s.days());
            Map<String, Boolean> fell = new TreeMap<>();
            Map<String, LocalDate> fallKnown = new TreeMap<>(); // the earliest day a pattern's fall was known
            for (Scenario.Pattern p : s.expect().get().patterns()) {
                if (p instanceof Scenario.Reaches r) {
                    boolean lower = r.probability().min().orElse(0.0) > 0 && r.level().compareTo(Level.DOWNGRADED) <= 0;
                    LocalDate windowCloses = r.withinDays().isPresent()
                            ? start.plusDays(r.withinDays().getAsInt() + 1L) : ended;
                    for (String id : List.of(r.pair().a(), r.pair().b())) {
                        if (!fictional(id)) {
                            fell.merge(id, lower, Boolean::logicalOr);
                            if (lower) {
                                fallKnown.merge(id, windowCloses, BinaryOperator.minBy(Comparator.naturalOrder()));
                            }
                        }
                    }
                }
            }
            if (scriptedFalls) {
                for (Scenario.Trigger t : s.events()) {
                    if (t.type().ownLevel() != null && t.target().isPresent()) { // a model's act scripted (FORMATS 1.4)
                        LocalDate after = start.plusDays(t.day() + 1L);
                        for (String id : List.of(t.actor(), t.target().get())) {
                            if (fell.containsKey(id)) {
                                fell.put(id, true);
                                fallKnown.merge(id, after, BinaryOperator.minBy(Comparator.naturalOrder()));
                            }
                        }
                    }
                }
            }
            fell.forEach((id, f1) -> {
                LocalDate known = fallKnown.getOrDefault(id, ended);
                out.add(new Entry(id, known.isBefore(ended) ? known : ended, ended, s.name(), f1));
            });
        }
        out.sort(Comparator.comparing(Entry::country).thenComparing(Entry::known).thenComparing(Entry::name));
        return out;
    }

    /** Whether an id lies in ISO 3166-1 alpha-3's user-assigned ranges, but for Kosovo's {@code XKX}. */
    static boolean fictional(String id) {
        return id.matches("AA[A-Z]|Q[M-Z][A-Z]|X[A-Z]{2}|ZZ[A-Z]") && !id.equals("XKX");
    }

    static List<String> lines(List<Entry> entries) {
        List<String> out = new ArrayList<>(List.of(HEADER));
        for (Entry e : entries) {
            out.add(e.country() + "," + e.known() + "," + e.ended() + "," + e.name() + "," + (e.fell() ? 1 : 0));
        }
        return out;
    }

    static List<Entry> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalStateException(RESOURCE + ": expected the header " + HEADER);
        }
        List<Entry> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length != 5 || LocalDate.parse(f[1]).isAfter(LocalDate.parse(f[2]))) {
                throw new IllegalStateException(RESOURCE + ": a row is country,known,ended,case,fell, known no later"
                        + " than ended: " + line);
            }
            out.add(new Entry(f[0], LocalDate.parse(f[1]), LocalDate.parse(f[2]), f[3], f[4].equals("1")));
        }
        return out;
    }

    /**
     * Writes the table of a case directory: {@code StateRecords [--scripted-falls] CASES_DIR OUT.csv}
     * ({@code --scripted-falls}: the hundred-and-tenth round's candidate rule, for measuring it).
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    private static final String USAGE = "usage: StateRecords [--scripted-falls] CASES_DIR OUT.csv";

    /**
     * {@link #main}'s work, with its exit status: 0 written, 2 a bad argument, a missing or unreadable
     * case directory, an invalid case file or an unwritable output (then nothing is written).
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        boolean scriptedFalls = args.length > 0 && args[0].equals("--scripted-falls");
        List<String> paths = List.of(args).subList(scriptedFalls ? 1 : 0, args.length);
        if (paths.size() != 2 || paths.stream().anyMatch(a -> a.startsWith("--"))) {
            err.println(USAGE);
            return 2;
        }
        Path cases = Path.of(paths.get(0));
        if (!Files.isDirectory(cases)) {
            err.println("StateRecords: " + cases + ": no such directory of case files");
            return 2;
        }
        try {
            List<String> lines = lines(fromCases(cases, scriptedFalls));
            Files.write(Path.of(paths.get(1)), lines, StandardCharsets.UTF_8);
            return 0;
        } catch (InvalidInputException e) {
            err.println("StateRecords: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("StateRecords: cannot read the cases or write " + paths.get(1) + ": " + e);
            return 2;
        }
    }
}
