package org.crisis.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cause chains of one pair's key events in one kept run, as terminal text: a header, the
 * pair's path through the levels, then a tree of events where each line answers the one it
 * hangs under and key events are starred.
 *
 * <pre>{@code
 * Explanation.of(Path.of("results/peru-mexico"), Pair.parse("PER-MEX"), null).forEach(System.out::println);
 * }</pre>
 */
public final class Explanation {
    private Explanation() {}

    private static String spelled(List<String> ids, String id) {
        for (String known : ids) {
            if (known.equalsIgnoreCase(id)) {
                return known;
            }
        }
        return id;
    }

    public static List<String> of(Path directory, String pairText, Integer run) throws ReportException {
        return of(directory, pairText, run, false);
    }

    /** As above; with {@code all}, every event that concerns the pair is starred, protests and summons among them. */
    public static List<String> of(Path directory, String pairText, Integer run, boolean all) throws ReportException {
        Pair asked = Pair.parse(pairText);
        // a sweep (or a shard of one) is named as such before its results are opened
        if (Results.isSweep(directory) || !(Results.open(directory) instanceof RunSetResults set)) {
            throw new ReportException(directory + " is a sweep; crisis explain reads the results directory of crisis run");
        }
        if (set.keptAvailable() <= 0) {
            throw new ReportException(directory + ": no runs were kept (events.csv is empty); rerun with --keep N");
        }
        // ids as the scenario spells them (they differ in more than case, FORMATS 1.2), so that the
        // lower-case pair of a CSV column (per-mex) names the pair too
        List<String> known = set.countries().stream().map(RunSetResults.Country::id).toList();
        asked = new Pair(spelled(known, asked.a()), spelled(known, asked.b()));
        Pair pair = null;
        for (Pair p : set.pairs()) {
            if (p.is(asked.a(), asked.b())) {
                pair = p;
            }
        }
        boolean tracked = pair != null;
        if (pair == null) {
            List<String> ids = set.countries().stream().map(RunSetResults.Country::id).toList();
            if (!ids.contains(asked.a()) || !ids.contains(asked.b())) {
                throw new ReportException("no country " + (!ids.contains(asked.a()) ? asked.a() : asked.b()) + " in "
                        + set.name() + "; countries: " + String.join(", ", ids));
            }
            pair = asked;
        }
        int k;
        String why;
        if (run == null) {
            k = RepresentativeRun.choose(set);
            why = "the representative run; --run K for another of the " + set.keptAvailable() + " kept runs";
        } else {
            if (run < 0 || run >= set.keptAvailable()) {
                throw new ReportException(set.notKept(run));
            }
            k = run;
            why = "as asked";
        }
        List<EventRecord> events = set.events(k);
        Map<Pair, RunTrajectory> trajectories = set.trajectories(k);
        RunTrajectory trajectory = trajectories.get(pair);
        CauseChains chains = new CauseChains(events, set.scripted());
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s (%s and %s), run %d of %s (%s)", pair.key(), set.countryName(pair.a()),
                set.countryName(pair.b()), k, set.name(), why));
        out.add(String.format(Locale.ROOT, "%s; %d days%s", directory, set.days(),
                set.start().isEmpty() ? "" : " from " + set.start()));
        if (trajectory != null) {
            out.add("levels: " + path(set.startLevel(pair.a(), pair.b()), trajectory));
        } else if (!tracked) {
            out.add("levels: not recorded (" + pair.key() + " is not a tracked pair); events only");
        }
        out.add("");
        List<String> tree = chains.tree(pair, trajectory, all);
        Pair asPair = pair;
        List<EventRecord> keys = chains.keyEvents(pair, false);
        long others = all ? 0 : events.stream().filter(e -> CauseChains.concerns(e, asPair) && !keys.contains(e)).count();
        String more = others <= 0 ? "" : others + (others == 1 ? " other event concerns" : " other events concern")
                + " the pair (protests, summons, dialogue, third parties' statements): --all shows "
                + (others == 1 ? "it" : "them") + " too.";
        if (tree.isEmpty() && all) {
            out.add("No event concerns " + pair.a() + " and " + pair.b() + " in run " + k + ".");
        } else if (tree.isEmpty()) {
            out.add("No key events between " + pair.a() + " and " + pair.b() + " in run " + k
                    + " (key: an act on the pair's level, events.csv level_act, or a scripted trigger).");
            if (!more.isEmpty()) {
                out.add(more);
            }
        } else {
            out.add((all ? "Every event that concerns the pair (*)" : "Key events (*)")
                    + " and the chains of events that led to them; each line answers the one it hangs under:");
            out.add("");
            out.addAll(tree);
            if (!more.isEmpty()) {
                out.add("");
                out.add(more);
            }
        }
        return out;
    }

    /**
     * {@code DOWNGRADED at the start → SEVERED (day 0) → NORMAL (day 400)}: the listed level,
     * then each change as recorded at the end of its day (so a move on day 0 shows).
     */
    static String path(RelationLevel start, RunTrajectory t) {
        StringBuilder s = new StringBuilder(start.name()).append(" at the start");
        RelationLevel last = start;
        for (int i = 0; i < t.day().length; i++) {
            if (t.level()[i] != last) {
                s.append(" \u2192 ").append(t.level()[i].name()).append(" (day ").append(t.day()[i]).append(')');
                last = t.level()[i];
            }
        }
        return s.toString();
    }
}
