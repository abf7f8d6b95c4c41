package org.crisis.model;

import java.util.ArrayList;

/**
 * How an event is felt (docs/MODEL.md 3.3): the saturating grievance update of a hostile
 * act, the relief of a cooperative one, and the discounts for what was expected.
 */
final class Perception {
    private final World w;
    private final double gain;
    private final double coopGain;
    private final double amplifier;
    private final double inKindDiscount;
    /** Whether an exogenous answer in kind is expected too (section 3.3, the inKindTriggers option). */
    private final boolean inKindTriggers;
    private final double territorialSalience;
    /** β_c: how much harder a trigger within memory of an earlier one by the same actor is felt (3.3). */
    private final double campaignGain;
    /** Whether armed acts and the rises they cause are kept apart (3.5, the armedExchange option). */
    private final boolean armedExchange;
    /** Whether grave rises are recorded: only the rupture gate reads them (3.5). */
    private final boolean ruptureGate;

    Perception(World w, Parameters p) {
        this.w = w;
        ruptureGate = p.on(Parameter.RUPTURE_GATE);
        this.gain = p.get(Parameter.GRIEVANCE_GAIN);
        this.coopGain = p.get(Parameter.COOPERATION_GAIN);
        this.amplifier = p.get(Parameter.IDEOLOGY_AMPLIFIER);
        this.inKindDiscount = p.get(Parameter.IN_KIND_DISCOUNT);
        this.inKindTriggers = p.on(Parameter.IN_KIND_TRIGGERS);
        this.armedExchange = p.on(Parameter.ARMED_EXCHANGE);
        this.territorialSalience = p.get(Parameter.TERRITORIAL_SALIENCE);
        this.campaignGain = p.get(Parameter.CAMPAIGN_GAIN);
    }

    /** Side {@code s} of {@code d} receives the bilateral event {@code e}. */
    void receive(Dyad d, int s, Event e) {
        if (e.hostile()) {
            hostile(d, s, e);
        } else if (e.cooperative()) {
            d.grievance[s] = Math.max(0, d.grievance[s] - coopGain * e.gamma() / 10 * e.severity());
        }
    }

    /**
     * The saturating grievance update for side {@code s} of {@code d}. A move on the ladder
     * that only answers in kind (no higher than the victim's own posture towards the actor)
     * was expected and is felt at {@code 1 − φ} of its weight; an act on the victim's territory
     * is felt {@code 1 + τ} times as hard, and a trigger that continues a campaign against the
     * victim {@code 1 + β_c} times as hard.
     */
    private void hostile(Dyad d, int s, Event e) {
        int victim = s == 0 ? d.a : d.b;
        int rung = e.type().rung();
        boolean expected = rung > 0 && d.posture[s] >= rung || answersOwnBreach(e, victim)
                || inKindTriggers && answersInKind(d, e, victim);
        double weight = (expected ? 1 - inKindDiscount : 1) * (e.territorial() ? 1 + territorialSalience : 1);
        boolean trigger = e.type().kind() == EventType.Kind.TRIGGER;
        int previousTrigger = d.lastTrigger[s];
        if (trigger) {
            dateTrigger(d, s, w.day); // read by the campaign rule (3.3) and by reciprocity in kind (3.5)
            if (campaignGain > 0 && w.day - d.priorTrigger[s] <= w.memory) {
                weight *= 1 + campaignGain; // it continues a campaign
            }
        }
        boolean armed = armedExchange && e.armed();
        if (armed) {
            d.lastArmed[1 - s] = w.day; // the actor's forces are engaged against the victim's
        }
        // a breach of the victim's mission or territory touches what it holds sovereign, as interference does
        double delta = weight * felt(w.countries.get(victim), e, d.distance, e.interference() || e.normBreaking());
        aggrieve(d, s, delta, e.id(), armed);
        if (delta > 0) {
            d.lastOwnInjury[s] = w.day;
        }
        if (trigger) {
            // reciprocity in kind (3.5): the heaviest of a run of triggers, each within memory of the one before
            double weightOfAct = Math.abs(e.gamma()) * e.severity() / 10;
            d.triggerWeight[s] = w.day - previousTrigger <= w.memory
                    ? Math.max(d.triggerWeight[s], weightOfAct) : weightOfAct;
        }
        if (inKindTriggers && trigger) {
            if (d.triggers == null) {
                d.triggers = new ArrayList<>();
            }
            d.triggers.add(e); // after its own reading: an act is not an answer to itself
        }
    }

    /**
     * Dates the trigger of this day against side {@code s}: its day, and the day of the one before
     * on an earlier day. A trigger continues a campaign when that earlier one lies within memory
     * (section 3.3), so triggers of one day all continue the campaign of an earlier one, or none does.
     */
    private static void dateTrigger(Dyad d, int s, int day) {
        if (d.lastTrigger[s] < day) {
            d.priorTrigger[s] = d.lastTrigger[s];
            d.lastTrigger[s] = day;
        }
    }

    /**
     * Whether {@code e} answers a norm-breaking act of {@code victim} without disputing its
     * government's legitimacy: censure the breaker expected when it chose to break the norm.
     */
    private boolean answersOwnBreach(Event e, int victim) {
        if (e.cause() == Event.NONE || e.interference()) {
            return false;
        }
        Event cause = w.events.get(e.cause() - 1);
        return cause.normBreaking() && cause.actor() == victim;
    }

    /**
     * Under {@code inKindTriggers}: whether the exogenous hostile act {@code e} answers one of
     * {@code victim}'s own against its actor, done on an earlier day within memory and at least as
     * heavy (|γ|·severity), without breaking a norm or disputing the victim government's
     * legitimacy. Acts of one day do not answer each other: clashes each side blamed on the other,
     * coded both ways, are read alike whichever the file lists first.
     */
    private boolean answersInKind(Dyad d, Event e, int victim) {
        if (e.type().kind() != EventType.Kind.TRIGGER || e.normBreaking() || e.interference() || d.triggers == null) {
            return false;
        }
        double weight = Math.abs(e.gamma()) * e.severity();
        for (int k = d.triggers.size() - 1; k >= 0; k--) {
            Event t = d.triggers.get(k);
            if (e.day() - t.day() > w.memory) {
                return false;
            }
            if (t.actor() == victim && t.day() < e.day() && Math.abs(t.gamma()) * t.severity() >= weight) {
                return true;
            }
        }
        return false;
    }

    /**
     * How hard {@code k} feels a breach {@code e} of another state's sovereign rights, as if
     * done to itself: Δ with the sovereignty term on, since what the breach touches is the
     * rights {@code k} holds too.
     */
    double feltAsBreach(int k, Event e) {
        return felt(w.countries.get(k), e, w.affinity.distance(k, e.actor()), true);
    }

    /**
     * Δ of section 3.3: how hard {@code victim}, at distance {@code distance} from the actor,
     * feels {@code e}; the sovereignty term is on when the act touches what the victim holds
     * sovereign.
     */
    private double felt(Country victim, Event e, double distance, boolean touchesSovereignty) {
        return gain * Math.abs(e.gamma()) / 10 * e.severity()
                * (1 + (touchesSovereignty ? victim.sovereignty : 0))
                * (1 + amplifier * distance);
    }

    /** {@code G ← 1 − (1 − G)·exp(−Δ)}: bounded in [0, 1] however many blows land. */
    void aggrieve(Dyad d, int s, double delta, int cause) {
        aggrieve(d, s, delta, cause, false);
    }

    /**
     * The saturating update; a rise from an armed act of the other ({@code armed}, under the
     * armedExchange option) is dated apart, since it opens a climb only if the side's own forces
     * are not engaged (3.5).
     */
    private void aggrieve(Dyad d, int s, double delta, int cause, boolean armed) {
        w.touch(d);
        d.grievance[s] = 1 - (1 - d.grievance[s]) * Math.exp(-delta);
        d.grievanceCause[s] = cause;
        if (delta > 0) {
            if (armed) {
                d.lastArmedRise[s] = w.day;
            } else {
                d.lastAggrieved[s] = w.day;
            }
            if (ruptureGate && w.grave(cause)) {
                d.lastGraveAggrieved[s] = w.day;
            }
        }
    }

    /** The saturating update of {@code k}'s grievance against {@code j}. */
    void aggrieve(int k, int j, double delta, int cause) {
        Dyad d = w.dyad(k, j);
        aggrieve(d, d.side(k), delta, cause);
    }
}
