package org.crisis.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crisis.model.EventType;
import org.crisis.model.Parameter;
import org.crisis.model.Parameters;

/** A scenario written back out with every default filled in (the "resolved" scenario). */
public final class ScenarioJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ScenarioJson() {}

    public static ObjectNode toJson(Scenario s) {
        return toJson(s, false);
    }

    /**
     * The form whose SHA-256 identifies a resolved scenario for a sweep's or calibration's resume
     * and merge: every event with its weight and all four flags, as manifests wrote it before they
     * kept to the fields a scenario file may give, so work begun then still resumes.
     */
    public static ObjectNode identity(Scenario s) {
        return toJson(s, true);
    }

    private static ObjectNode toJson(Scenario s, boolean everyFlag) {
        ObjectNode o = F.objectNode();
        o.put("name", s.name());
        o.put("description", s.description());
        s.start().ifPresent(d -> o.put("start", d.toString()));
        o.put("days", s.days());
        o.put("seed", s.seed());
        ArrayNode countries = o.putArray("countries");
        for (Scenario.Country c : s.countries()) {
            ObjectNode n = countries.addObject();
            n.put("id", c.id());
            n.put("name", c.name());
            ObjectNode ideology = n.putObject("ideology");
            ideology.put("economic", c.ideology().economic());
            ideology.put("social", c.ideology().social());
            n.put("sovereignty", c.sovereignty());
            n.put("domesticPressure", c.domesticPressure());
            n.put("hawkishness", c.hawkishness());
            n.put("normAdherence", c.normAdherence());
            ArrayNode blocs = n.putArray("blocs");
            c.blocs().forEach(blocs::add);
            if (c.majorPower()) {
                n.put("majorPower", true);
            }
        }
        ArrayNode relations = o.putArray("relations");
        for (Scenario.Relation r : s.relations()) {
            ObjectNode n = relations.addObject();
            n.set("between", pair(r.between()));
            n.put("level", r.level().name());
            ObjectNode g = n.putObject("grievance");
            g.put(r.between().a(), r.grievanceA());
            g.put(r.between().b(), r.grievanceB());
            ObjectNode t = n.putObject("trade");
            t.put(r.between().a(), r.tradeA());
            t.put(r.between().b(), r.tradeB());
        }
        ArrayNode events = o.putArray("events");
        for (Scenario.Trigger t : s.events()) {
            ObjectNode n = events.addObject();
            n.put("day", t.day());
            n.put("type", t.type().name());
            n.put("actor", t.actor());
            t.target().ifPresent(x -> n.put("target", x));
            n.put("severity", t.severity());
            t.label().ifPresent(x -> n.put("label", x));
            // only the fields a scenario file may give for this type (FORMATS 2.5), so the resolved scenario reads back
            // as a scenario: the weight and flags of a CUSTOM event, the territorial and armed flags of other bilateral
            // triggers; every other type has its own, by its type
            if (everyFlag || t.type() == EventType.CUSTOM) {
                n.put("gamma", t.gamma());
                n.put("interference", t.interference());
                n.put("normBreaking", t.normBreaking());
            }
            if (everyFlag || t.type().kind() == EventType.Kind.TRIGGER && !t.type().territorial()) {
                n.put("territorial", t.territorial());
                n.put("armed", t.armed());
            }
            t.declaredAnswer().ifPresent(x -> n.put("declaredAnswer", x.name()));
            if (t.envoy()) {
                n.put("envoy", true);
            }
            if (t.lastsUntil() != Scenario.Trigger.NOT_LASTING) {
                n.put("lastsUntil", t.lastsUntil());
            }
            t.setsLevel().ifPresent(x -> n.put("setsLevel", x.name()));
            new java.util.TreeMap<>(t.government()).forEach((k, v) -> { // Map.copyOf order varies between JVMs
                if (k.startsWith("ideology.")) {
                    ObjectNode ideology = n.has("ideology") ? (ObjectNode) n.get("ideology") : n.putObject("ideology");
                    ideology.put(k.substring("ideology.".length()), v);
                } else {
                    n.put(k, v);
                }
            });
        }
        if (!s.organisations().isEmpty()) {
            ArrayNode orgs = o.putArray("organisations");
            for (Scenario.Organisation org : s.organisations()) {
                ObjectNode n = orgs.addObject();
                n.put("id", org.id());
                n.put("democraticClause", org.democraticClause());
            }
        }
        o.set("parameters", parameters(s.parameters()));
        ArrayNode track = o.putArray("track");
        s.trackedPairs().forEach(p -> track.add(pair(p)));
        s.stop().ifPresent(stop -> {
            ObjectNode n = o.putObject("stop");
            n.put("when", stop.when().name().toLowerCase(java.util.Locale.ROOT));
            stop.pair().ifPresent(p -> n.set("pair", pair(p)));
        });
        return o;
    }

    public static ObjectNode parameters(Parameters p) {
        ObjectNode o = F.objectNode();
        for (Parameter param : Parameter.values()) {
            double v = p.get(param);
            switch (param.type()) {
                case BOOLEAN -> o.put(param.key(), v != 0);
                case INTEGER -> o.put(param.key(), (long) v);
                default -> o.put(param.key(), v);
            }
        }
        return o;
    }

    private static ArrayNode pair(Scenario.Pair p) {
        ArrayNode a = F.arrayNode();
        a.add(p.a());
        a.add(p.b());
        return a;
    }
}
