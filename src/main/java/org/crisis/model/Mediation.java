package org.crisis.model;

/**
 * Mediation (docs/MODEL.md 3.9): the most credible friend of both sides of a salient event
 * may offer its good offices; a mediation in force lowers both grievances each day in
 * proportion to the mediator's credibility, for {@code mediationDays}. The daily factor is
 * applied when the pair is read, with its decay ({@link Relations#catchUp}).
 */
public final class Mediation {
    private final World w;
    private final double mediationAffinity;
    private final int mediationDays;
    private final double bs;

    Mediation(World w, Parameters p) {
        this.w = w;
        this.mediationAffinity = p.get(Parameter.MEDIATION_AFFINITY);
        this.mediationDays = (int) p.get(Parameter.MEDIATION_DAYS);
        this.bs = p.get(Parameter.SIDE_WEIGHT);
    }

    /** The most credible friend of both sides of {@code e}, if any and if it has not taken a side, may offer to mediate. */
    void offer(Event e, int i, int j) {
        Dyad d = w.dyad(i, j);
        if (d.mediated(w.day)) {
            return;
        }
        int best = -1;
        double credibility = mediationAffinity;
        for (int k = 0, n = w.countries.size(); k < n; k++) {
            if (k == i || k == j || w.thirdParties.hasSpoken(k, e) || inDispute(k, i) || inDispute(k, j)) {
                continue;
            }
            double c = Math.min(w.affinity(k, i), w.affinity(k, j));
            if (c > credibility) {
                credibility = c;
                best = k;
            }
        }
        if (best < 0 || w.thirdParties.choose(bs * (credibility - mediationAffinity), Double.NEGATIVE_INFINITY) != 1) {
            return;
        }
        Event offer = w.act(Act.statement(best, i, EventType.MEDIATE, EventType.MEDIATE.gamma(), false, e.id(), j));
        w.act(Act.statement(best, j, EventType.MEDIATE, EventType.MEDIATE.gamma(), false, e.id(), i));
        start(d, credibility, offer.id());
    }

    /**
     * Whether {@code k} and {@code x} have a live dispute of their own: a hostile act between them (a
     * trigger or a ladder response, not a statement) within {@code memory} days. A party to a quarrel
     * with one side is no one's go-between for that side (docs/MODEL.md 3.9).
     */
    private boolean inDispute(int k, int x) {
        Dyad d = w.existing(k, x);
        return d != null && w.day - d.lastHostileAct <= w.memory;
    }

    /**
     * A scripted MEDIATE names one target: the mediation covers that country's live dispute, a
     * relation with a hostile act between the two (a trigger or a ladder response, not a third
     * party's statement) within {@code memory} days: a mediator is called to a crisis, not to an
     * estrangement that has stood for years. Among the live ones,
     * or among all when none is live, the worst: the one at the lowest level, and among those the
     * one with the highest grievance on either side. The event records the other side of that
     * relation as what it is {@code about}.
     */
    Event scripted(Act act) {
        int mediator = act.actor();
        int target = act.target();
        Dyad worst = null;
        double worstRank = -1;
        for (Dyad d : w.countries.get(target).dyads) {
            if (d.other(target) == mediator) {
                continue;
            }
            w.relations.catchUp(d);
            boolean live = w.day - d.lastHostileAct <= w.memory;
            // a grievance is at most 1: each level below NORMAL outweighs any grievance, and being
            // live outweighs any level
            double rank = Math.max(d.grievance[0], d.grievance[1]) + (Level.NORMAL.ordinal() - Math.min(d.level, 2))
                    + (live ? 10 : 0);
            if (rank > worstRank) {
                worstRank = rank;
                worst = d;
            }
        }
        int about = worst == null ? Event.NONE : worst.other(target);
        Event offer = w.act(new Act(mediator, target, act.type(), act.gamma(), act.severity(), act.interference(),
                act.normBreaking(), act.territorial(), act.armed(), act.cause(), about, act.label()));
        if (worst != null) {
            double credibility = Math.max(0.1, Math.min(w.affinity(mediator, worst.a), w.affinity(mediator, worst.b)));
            start(worst, credibility, offer.id());
        }
        return offer;
    }

    /** A mediation of {@code d} starts today (and works from today) or, if one is in force, starts again. */
    void start(Dyad d, double credibility, int event) {
        w.touch(d); // the days before today are owed at the former credibility, if any
        d.mediationUntil = w.day + mediationDays;
        d.mediationCredibility = credibility;
        d.mediationEvent = event;
    }
}
