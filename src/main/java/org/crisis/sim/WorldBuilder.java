package org.crisis.sim;

import ec.util.MersenneTwisterFast;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.World;
import org.crisis.scenario.Scenario;

/** Turns a scenario into a world, and its triggers into events. */
final class WorldBuilder {
    private WorldBuilder() {}

    static World build(Scenario s, MersenneTwisterFast random) {
        World w = new World(s.parameters(), random);
        for (Scenario.Country c : s.countries()) {
            w.addCountry(c.id(), c.ideology().economic(), c.ideology().social(), c.sovereignty(),
                    c.domesticPressure(), c.hawkishness(), c.normAdherence(), c.blocs());
        }
        for (Scenario.Relation r : s.relations()) {
            w.setRelation(w.indexOf(r.between().a()), w.indexOf(r.between().b()), r.level(), r.grievanceA(),
                    r.grievanceB(), r.tradeA(), r.tradeB());
        }
        return w;
    }

    static void apply(World w, Scenario s, Scenario.Trigger t) {
        int actor = w.indexOf(t.actor());
        String label = t.label().orElse("");
        if (t.type().changesGovernment()) {
            var g = t.government();
            w.changeGovernment(actor, t.type(), new World.GovernmentChange(
                    g.getOrDefault("ideology.economic", Double.NaN), g.getOrDefault("ideology.social", Double.NaN),
                    g.getOrDefault("sovereignty", Double.NaN), g.getOrDefault("domesticPressure", Double.NaN),
                    g.getOrDefault("hawkishness", Double.NaN), g.getOrDefault("normAdherence", Double.NaN)), label);
            return;
        }
        int target = t.target().map(w::indexOf).orElse(Event.NONE);
        Event e = w.act(actor, target, t.type(), t.gamma(), t.severity(), t.interference(), t.normBreaking(),
                Event.NONE, Event.NONE, label);
        if (t.type() == EventType.MEDIATE && target != Event.NONE) {
            w.mediateScripted(actor, target, e);
        }
    }
}
