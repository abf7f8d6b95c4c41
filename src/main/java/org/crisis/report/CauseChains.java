package org.crisis.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cause links of one run's events (events.csv {@code cause}: the id of the event a
 * response answers): the chain from a scripted trigger to a response, and a pair's key events,
 * the acts that change or threaten its level.
 *
 * <p>Two readings go beyond the recorded causes. An event with no cause that matches an event
 * of the scenario (day, type, actor, target) is scripted, whatever its type (a scripted
 * {@code MEDIATE} is a statement type, yet nobody chose it). And a move a government makes with
 * no recorded cause on the day a scripted event changed its own (events.csv {@code new_government})
 * government or its counterpart's is put down to that change: a new government is free of its
 * predecessor's commitments (docs/MODEL.md 3.5, 3.7), which is what let it move.
 */
final class CauseChains {
    private static final int MAX_DEPTH = 10_000;

    private final List<EventRecord> events;
    private final Map<Long, EventRecord> byId = new HashMap<>();
    private final Map<Long, List<EventRecord>> answers = new HashMap<>();
    private final Set<Long> scripted = new HashSet<>();
    /** Moves with no recorded cause made on the day of a scripted change of government of either side. */
    private final Map<Long, EventRecord> afterChange = new HashMap<>();

    CauseChains(List<EventRecord> events) {
        this(events, List.of());
    }

    /** {@code script}: the scenario's events (manifest.json), to recognise scripted events of any type. */
    CauseChains(List<EventRecord> events, List<RunSetResults.Scripted> script) {
        this.events = List.copyOf(events);
        Set<String> scriptKeys = new HashSet<>();
        for (RunSetResults.Scripted x : script) {
            scriptKeys.add(x.day() + "|" + x.type() + "|" + x.actor() + "|" + x.target());
        }
        for (EventRecord e : events) {
            byId.put(e.id(), e);
            if (e.cause() < 0 && (e.scripted()
                    || scriptKeys.contains(e.day() + "|" + e.type() + "|" + e.actor() + "|" + e.target()))) {
                scripted.add(e.id());
            }
        }
        for (EventRecord e : events) {
            if (e.cause() < 0 && !scripted.contains(e.id()) && !e.target().isEmpty()) {
                for (EventRecord g : events) {
                    if (g.day() == e.day() && g.id() < e.id() && scripted.contains(g.id())
                            && g.newGovernment()
                            && (g.actor().equals(e.actor()) || g.actor().equals(e.target()))) {
                        afterChange.put(e.id(), g);
                        break;
                    }
                }
            }
        }
        for (EventRecord e : events) {
            long c = causeOf(e);
            if (c >= 0 && byId.containsKey(c)) {
                answers.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** The recorded cause, or the change of government an uncaused move followed the same day; -1 for none. */
    long causeOf(EventRecord e) {
        if (e.cause() >= 0) {
            return e.cause();
        }
        EventRecord g = afterChange.get(e.id());
        return g == null ? -1 : g.id();
    }

    /** An event of the scenario's own script. */
    boolean scripted(EventRecord e) {
        return scripted.contains(e.id());
    }

    /** A move with no cause at all: made on standing grievance. */
    boolean unprompted(EventRecord e) {
        return e.cause() < 0 && !scripted(e) && !afterChange.containsKey(e.id());
    }

    List<EventRecord> events() {
        return events;
    }

    /** The events from the root (a scripted trigger, or the earliest known cause) to {@code e}. */
    List<EventRecord> chain(EventRecord e) {
        List<EventRecord> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (EventRecord at = e; at != null && seen.add(at.id()) && out.size() < MAX_DEPTH; at = byId.get(causeOf(at))) {
            out.add(at);
            if (causeOf(at) < 0) {
                break;
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** Whether an event concerns the pair: between its two countries, or a third party's statement about them. */
    static boolean concerns(EventRecord e, Pair p) {
        return e.between(p.a(), p.b()) || e.statement() && p.is(e.target(), e.about());
    }

    /**
     * The pair's key events (acts on its level, events.csv {@code level_act}: ladder acts from
     * recall up, and back), its scripted triggers, and scripted statements on it (a scripted
     * MEDIATE names one side; without an {@code about} it covers that side's live dispute or worst relation,
     * which may be this pair), in time order.
     */
    List<EventRecord> keyEvents(Pair p) {
        return keyEvents(p, false);
    }

    /**
     * The pair's key events as above, or with {@code all} every event that concerns the pair: the
     * acts between the two below the level's rungs too (protests, summons, dialogue) and third
     * parties' statements about them.
     */
    List<EventRecord> keyEvents(Pair p, boolean all) {
        List<EventRecord> out = new ArrayList<>();
        for (EventRecord e : events) {
            if (all && concerns(e, p)) {
                out.add(e);
                continue;
            }
            boolean key = e.between(p.a(), p.b()) && (e.levelAct() || scripted(e) && !e.target().isEmpty());
            boolean mediation = e.statement() && scripted(e)
                    && (p.is(e.target(), e.about()) || e.about().isEmpty() && (e.target().equals(p.a()) || e.target().equals(p.b())));
            if (key || mediation) {
                out.add(e);
            }
        }
        return out;
    }

    /** 0 scripted, 1 escalation, 2 reconciliation, 3 another cooperative choice (mediation, dialogue, support), 4 other. */
    int kind(EventRecord e) {
        if (scripted(e)) {
            return 0;
        }
        if (e.escalation()) {
            return 1;
        }
        if (e.reconciliation()) {
            return 2;
        }
        if (e.chosen() && e.gamma() > 0) {
            return 3;
        }
        return 4;
    }

    /** One event on one line: day, date, who to whom, what, and why when it has no recorded cause. */
    String line(EventRecord e) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "day %3d", e.day()));
        if (!e.date().isEmpty()) {
            s.append("  ").append(e.date());
        }
        return s.append("  ").append(describe(e)).toString();
    }

    /** The event without its day: who to whom, what, and why when it has no recorded cause (as {@link #line} ends). */
    String describe(EventRecord e) {
        StringBuilder s = new StringBuilder();
        s.append(e.direction()).append("  ").append(e.title());
        if (!e.about().isEmpty()) {
            s.append(" (about ").append(e.about()).append(')');
        }
        EventRecord change = afterChange.get(e.id());
        if (scripted(e)) {
            s.append("  [scripted");
            if (e.statement() && e.about().isEmpty() && !e.target().isEmpty()) {
                s.append(": covers ").append(e.target()).append("'s live dispute or worst relation");
            }
            s.append(']');
        } else if (change != null) {
            s.append("  [cause: the new government of ").append(change.actor()).append(" (scripted ")
                    .append(change.type()).append(" that day, #").append(change.id()).append(")]");
        } else if (unprompted(e)) {
            s.append("  [no recorded cause: standing grievance]");
        }
        return s.toString();
    }

    /** A short form for chains in the report: {@code SEVER_RELATIONS PER→MEX d3}. */
    static String brief(EventRecord e) {
        return e.title() + " " + e.actor() + (e.target().isEmpty() ? "" : "\u2192" + e.target()) + " d" + e.day();
    }

    /**
     * The pair's key events as a tree of causes: every event on a chain leading to a key event,
     * each under the event it answers. Key events are marked with '*', with the level change
     * the trajectory shows on that day where known.
     */
    List<String> tree(Pair p, RunTrajectory trajectory) {
        return tree(p, trajectory, false);
    }

    /** The tree of {@link #keyEvents(Pair, boolean)}: with {@code all}, of every event that concerns the pair. */
    List<String> tree(Pair p, RunTrajectory trajectory, boolean all) {
        List<EventRecord> keys = keyEvents(p, all);
        Set<Long> keep = new LinkedHashSet<>();
        Set<Long> key = new HashSet<>();
        for (EventRecord k : keys) {
            key.add(k.id());
            for (EventRecord c : chain(k)) {
                keep.add(c.id());
            }
        }
        List<EventRecord> roots = new ArrayList<>();
        for (EventRecord e : events) {
            if (keep.contains(e.id()) && (causeOf(e) < 0 || !keep.contains(causeOf(e)))) {
                roots.add(e);
            }
        }
        List<String> out = new ArrayList<>();
        for (EventRecord r : roots) {
            walk(r, 0, keep, key, trajectory, out);
        }
        return out;
    }

    private void walk(EventRecord e, int depth, Set<Long> keep, Set<Long> key, RunTrajectory trajectory, List<String> out) {
        String indent = depth == 0 ? "" : "  ".repeat(Math.min(depth, 12) - 1) + (depth > 12 ? "\u2026 " : "") + "\u2514 ";
        StringBuilder s = new StringBuilder(indent).append(key.contains(e.id()) ? "* " : "  ").append(line(e));
        if (key.contains(e.id()) && e.levelBefore() != null && e.levelAfter() != null) {
            // the event's own move (events.csv level_before, level_after), not the day's net change, which
            // two moves on one day would blur (a recall and a rupture, or a restoration undone that day)
            if (e.levelBefore() != e.levelAfter()) {
                s.append("   level ").append(e.levelBefore().name()).append(" \u2192 ").append(e.levelAfter().name());
            }
        } else if (key.contains(e.id()) && trajectory != null) {
            RelationLevel before = trajectory.levelOn(e.day() - 1);
            RelationLevel after = trajectory.levelOn(e.day());
            if (e.day() == 0 || before != after) {
                s.append("   level ").append(e.day() == 0 ? "" : before.name() + " \u2192 ").append(after.name());
                if (e.day() == 0) {
                    s.append(" at the end of day 0");
                }
            }
        }
        s.append("   #").append(e.id());
        out.add(s.toString());
        if (depth > 2_000) {
            return; // recursion guard; chains are far shorter in practice
        }
        for (EventRecord c : answers.getOrDefault(e.id(), List.of())) {
            if (keep.contains(c.id())) {
                walk(c, depth + 1, keep, key, trajectory, out);
            }
        }
    }
}
