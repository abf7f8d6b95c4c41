package org.crisis.sim;

import org.crisis.model.Act;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.GovernmentChange;
import org.crisis.model.World;
import org.crisis.scenario.Scenario;

/** Turns a scenario into a world, and its triggers into events. */
final class WorldBuilder {
    private WorldBuilder() {}

    /** Adds the scenario's countries and relations to an empty world. */
    static void populate(World w, Scenario s) {
        double[] records = s.recordShifts();
        for (Scenario.Country c : s.countries()) {
            int i = w.addCountry(c.id(), c.ideology().economic(), c.ideology().social(), c.sovereignty(),
                    c.domesticPressure(), c.hawkishness(), c.normAdherence(), c.blocs(), c.majorPower());
            w.record(i, records[i]);
        }
        for (Scenario.Relation r : s.relations()) {
            w.setRelation(w.indexOf(r.between().a()), w.indexOf(r.between().b()), r.level(), r.grievanceA(),
                    r.grievanceB(), r.tradeA(), r.tradeB());
        }
        for (Scenario.Organisation o : s.organisations()) {
            if (o.democraticClause()) {
                w.democraticClause(o.id());
            }
        }
    }

    static void apply(World w, Scenario s, Scenario.Trigger t) {
        int actor = w.indexOf(t.actor());
        String label = t.label().orElse("");
        if (t.type().changesGovernment()) {
            var g = t.government();
            w.changeGovernment(actor, t.type(), t.severity(), new GovernmentChange(
                    g.getOrDefault("ideology.economic", Double.NaN), g.getOrDefault("ideology.social", Double.NaN),
                    g.getOrDefault("sovereignty", Double.NaN), g.getOrDefault("domesticPressure", Double.NaN),
                    g.getOrDefault("hawkishness", Double.NaN), g.getOrDefault("normAdherence", Double.NaN),
                    g.getOrDefault("continuity", Double.NaN)), label);
            return;
        }
        int target = t.target().map(w::indexOf).orElse(Event.NONE);
        Act act = new Act(actor, target, t.type(), t.gamma(), t.severity(), t.interference(), t.normBreaking(),
                t.territorial(), t.armed(), Event.NONE, Event.NONE, label);
        if (t.declaredAnswer().isPresent()) {
            w.declare(actor, target, t.declaredAnswer().get().rung());
        }
        if (t.envoy()) {
            w.envoyAct(actor, target);
        }
        if (t.type() == EventType.MEDIATE && target != Event.NONE) {
            w.mediateScripted(act);
        } else {
            Event e = w.act(act, t.setsLevel().orElse(null));
            if (t.lastsUntil() != Scenario.Trigger.NOT_LASTING) {
                w.lasting(e, t.lastsUntil());
            }
        }
    }
}
