package org.crisis.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameters;
import org.crisis.model.World;
import org.junit.jupiter.api.Test;

/** Named outcomes of a run (README, "Outcomes"): parsing, names, CSV columns and values. */
class OutcomeModelTest {
    private static final List<String> IDS = List.of("PER", "MEX", "BRA");

    private static Outcome parse(String name) {
        StringBuilder why = new StringBuilder();
        Optional<Outcome> o = Outcome.parse(name, IDS, why);
        assertTrue(o.isPresent(), name + ": " + why);
        assertEquals("", why.toString());
        return o.get();
    }

    private static String error(String name) {
        StringBuilder why = new StringBuilder();
        assertTrue(Outcome.parse(name, IDS, why).isEmpty(), name + " should not parse");
        return why.toString();
    }

    @Test
    void aPairOutcomeNamesItsKindAndBothCountries() {
        Outcome o = parse("daysToSevered:PER-MEX");
        assertEquals(Outcome.Kind.DAYS_TO_SEVERED, o.kind());
        assertEquals("PER", o.a());
        assertEquals("MEX", o.b());
        assertEquals("daysToSevered:PER-MEX", o.name());
        assertEquals("days_to_severed_per_mex", o.column());
    }

    @Test
    void columnsAreSnakeCase() {
        assertEquals("severed_per_mex", parse("severed:PER-MEX").column());
        assertEquals("sides_mex", parse("sides:MEX").column());
        assertEquals("condemn_bra", parse("condemn:BRA").column());
        assertEquals("peak_severed_pairs", parse("peakSeveredPairs").column());
        assertEquals("polarisation_start", parse("polarisationStart").column());
        assertEquals("total_conflict", parse("totalConflict").column());
    }

    @Test
    void everyKindRoundTripsThroughItsName() {
        for (Outcome.Kind k : Outcome.Kind.values()) {
            Outcome o = switch (k.scope) {
                case PAIR -> new Outcome(k, "MEX", "BRA");
                case COUNTRY -> new Outcome(k, "PER", "");
                case GLOBAL -> new Outcome(k, "", "");
            };
            assertEquals(o, parse(o.name()), k.name());
            assertTrue(o.column().matches("[a-z0-9_]+"), o.column());
        }
    }

    @Test
    void onlyTheYesNoOutcomesAreBinary() {
        for (Outcome.Kind k : Outcome.Kind.values()) {
            boolean yesNo = k == Outcome.Kind.SEVERED || k == Outcome.Kind.DOWNGRADED || k == Outcome.Kind.RESTORED;
            assertEquals(yesNo, new Outcome(k, "PER", "MEX").binary(), k.name());
        }
    }

    @Test
    void anOutcomeDescribesItselfForTheReadersOfResultFiles() {
        Map<String, String> days = parse("daysToSevered:PER-MEX").describe();
        assertEquals(List.of("column", "type", "label", "unit", "kind", "measure", "scope", "a", "b", "event", "level",
                "direction"), List.copyOf(days.keySet()));
        assertEquals("days_to_severed_per_mex", days.get("column"));
        assertEquals("number", days.get("type"));
        assertEquals("day", days.get("kind"));
        assertEquals("daysToSevered", days.get("measure"));
        assertEquals("pair", days.get("scope"));
        assertEquals("PER", days.get("a"));
        assertEquals("MEX", days.get("b"));
        assertEquals("rupture", days.get("event"));
        assertEquals("SEVERED", days.get("level"));
        assertEquals("down", days.get("direction"));
        Map<String, String> restored = parse("restored:PER-MEX").describe();
        assertEquals("share", restored.get("kind"));
        assertEquals("restoration", restored.get("event"));
        assertEquals("NORMAL", restored.get("level"));
        assertEquals("up", restored.get("direction"));
        Map<String, String> sides = parse("sides:MEX").describe();
        assertEquals("country", sides.get("scope"));
        assertEquals("MEX", sides.get("country"));
        assertFalse(sides.containsKey("event") || sides.containsKey("a"));
        Map<String, String> global = parse("severedPairs").describe();
        assertEquals("global", global.get("scope"));
        assertEquals("pairs", global.get("unit"));
        assertFalse(global.containsKey("country") || global.containsKey("a"));
    }

    @Test
    void rolesSayWhatARunSetsOutcomesAreFor() {
        List<String[]> tracked = List.of(new String[] {"PER", "MEX"}, new String[] {"PER", "BRA"});
        assertEquals(List.of("headline", "representative"), parse("severed:PER-BRA").roles(tracked));
        assertEquals(List.of("headline"), parse("downgraded:PER-MEX").roles(tracked), "the first pair's downgrade");
        assertEquals(List.of(), parse("downgraded:PER-BRA").roles(tracked));
        assertEquals(List.of("representative"), parse("daysToSevered:PER-BRA").roles(tracked));
        assertEquals(List.of("run_length"), parse("days").roles(tracked));
        assertEquals(List.of("headline", "representative"), parse("polarisation").roles(tracked));
        assertEquals(List.of(), parse("daysDowngraded:PER-MEX").roles(tracked));
        assertEquals(List.of("representative", "escalation"), parse("lowestLevel:PER-BRA").roles(tracked));
        assertEquals(List.of("representative", "escalation"), parse("peakSeveredPairs").roles(tracked));
        assertEquals(List.of("escalation"), parse("totalConflict").roles(tracked));
    }

    @Test
    void escalationRanksRunsByHowLowTheyFellThenHowManyPairsWereSeveredThenHowHostileTheirEvents() {
        assertEquals(new Outcome.Escalation(1, "lower"), parse("lowestLevel:PER-MEX").escalation(), "a lower level is further down");
        assertEquals(new Outcome.Escalation(2, "higher"), parse("peakSeveredPairs").escalation());
        assertEquals(new Outcome.Escalation(3, "lower"), parse("totalConflict").escalation(),
                "the sum of the negative weights: lower is more hostile");
        for (Outcome.Kind k : Outcome.Kind.values()) {
            Outcome o = new Outcome(k, "PER", "MEX");
            assertEquals(o.escalation() != null, o.roles(List.<String[]>of(new String[] {"PER", "MEX"})).contains("escalation"),
                    k.key());
        }
        assertEquals(null, parse("finalLevel:PER-MEX").escalation());
    }

    @Test
    void anUnknownOutcomeIsRefusedWithTheListOfValidNames() {
        String why = error("ruptured:PER-MEX");
        assertTrue(why.startsWith("unknown outcome 'ruptured:PER-MEX'; expected one of "), why);
        assertTrue(why.contains("severed:A-B"), why);
        assertTrue(why.contains("sides:X"), why);
        assertTrue(why.contains("severedPairs"), why);
        assertFalse(why.contains("severedPairs:"), why);
    }

    @Test
    void aGlobalOutcomeTakesNoArgument() {
        assertEquals("'severedPairs' takes no argument", error("severedPairs:PER-MEX"));
    }

    @Test
    void aCountryOutcomeNeedsACountryOfTheScenario() {
        assertEquals("'sides:X' needs a country id of the scenario, found 'ARG'", error("sides:ARG"));
        assertEquals("'condemn:X' needs a country id of the scenario, found ''", error("condemn"));
    }

    @Test
    void aPairOutcomeNeedsTwoDifferentCountriesOfTheScenario() {
        String expected = "'severed:A-B' needs two different country ids of the scenario, found '";
        assertEquals(expected + "PER-ARG'", error("severed:PER-ARG"));
        assertEquals(expected + "PER-PER'", error("severed:PER-PER"));
        assertEquals(expected + "PERMEX'", error("severed:PERMEX"));
        assertEquals(expected + "'", error("severed"));
        // a misspelt id is matched to the nearest of the scenario's
        assertEquals(expected + "PER-MXE'; did you mean 'severed:PER-MEX'?", error("severed:PER-MXE"));
        assertEquals("'sides:X' needs a country id of the scenario, found 'PRE'; did you mean 'sides:PER'?", error("sides:PRE"));
        assertEquals("'sides:X' needs a country id of the scenario, found 'per'; did you mean 'sides:PER'?", error("sides:per"));
        // an id one slip from two of the scenario's gets no guess, and one two slips away none either
        assertEquals(java.util.Optional.empty(), org.crisis.scenario.Fields.closestId("CHI", List.of("CHL", "CHN")));
        assertEquals(java.util.Optional.of("PER"), org.crisis.scenario.Fields.closestId("per", List.of("PEN", "PER")));
        assertEquals(java.util.Optional.empty(), org.crisis.scenario.Fields.closestId("ARG", List.of("BRA")));
    }

    @Test
    void theStandardOutcomesCoverEachTrackedPairEachOfItsCountriesOnceAndEveryGlobalMeasure() {
        List<Outcome> standard = Outcome.standard(List.of(new String[] {"PER", "MEX"}, new String[] {"MEX", "BRA"}));
        List<String> names = new ArrayList<>();
        standard.forEach(o -> names.add(o.name()));
        for (Outcome.Kind k : Outcome.Kind.values()) {
            switch (k.scope) {
                case PAIR -> {
                    assertTrue(names.contains(k.key() + ":PER-MEX"), k.key());
                    assertTrue(names.contains(k.key() + ":MEX-BRA"), k.key());
                }
                case COUNTRY -> {
                    for (String c : List.of("PER", "MEX", "BRA")) {
                        assertEquals(1, names.stream().filter((k.key() + ":" + c)::equals).count(), k.key() + ":" + c);
                    }
                }
                case GLOBAL -> assertTrue(names.contains(k.key()), k.key());
            }
        }
        assertEquals(names.size(), names.stream().distinct().count(), "no duplicates: " + names);
    }

    @Test
    void anUntouchedPairWasNeverDowngradedAndStaysNormalAndItsDaysAreMissing() {
        World w = new World(Parameters.defaults(), new MersenneTwisterFast(1));
        records = new PairRecords();
        w.listen(records);
        for (String id : IDS) {
            w.addCountry(id, 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        }
        assertEquals(0.0, value("severed:PER-MEX", w));
        assertEquals(0.0, value("restored:PER-MEX", w));
        assertEquals(0.0, value("hostileEvents:PER-MEX", w));
        assertEquals(Level.NORMAL.ordinal(), value("lowestLevel:PER-MEX", w));
        assertEquals(Level.NORMAL.ordinal(), value("finalLevel:PER-MEX", w));
        assertTrue(Double.isNaN(value("daysToSevered:PER-MEX", w)));
        assertTrue(Double.isNaN(value("daysToRestored:PER-MEX", w)));
    }

    @Test
    void pairOutcomesReadTheRelationsRecord() {
        World w = new World(Parameters.defaults(), new MersenneTwisterFast(1));
        records = new PairRecords();
        w.listen(records);
        for (String id : IDS) {
            w.addCountry(id, 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        }
        w.setDay(4);
        w.act(0, 1, EventType.RECALL_AMBASSADOR, Event.NONE);
        w.setDay(9);
        w.act(1, 0, EventType.SEVER_RELATIONS, Event.NONE);
        w.setDay(30);
        w.act(0, 1, EventType.RESTORE_RELATIONS, Event.NONE);
        assertEquals(1.0, value("downgraded:PER-MEX", w));
        assertEquals(4.0, value("daysToDowngraded:PER-MEX", w));
        assertEquals(1.0, value("severed:MEX-PER", w));
        assertEquals(9.0, value("daysToSevered:PER-MEX", w));
        assertEquals(Level.SEVERED.ordinal(), value("lowestLevel:PER-MEX", w));
        assertEquals(2.0, value("hostileEvents:PER-MEX", w));
        assertEquals(1.0, value("cooperativeEvents:PER-MEX", w));
        assertEquals(3.0, value("events", w));
        assertEquals(-12.0, value("totalConflict", w));
        assertEquals(0.0, value("severedPairs", w), "restored to DOWNGRADED or NORMAL");
        assertEquals(1.0, value("peakSeveredPairs", w));
        assertEquals(100.0, value("days", w));
        assertEquals(0.5, value("polarisationStart", w));
        assertEquals(0.6, value("polarisation", w));
    }

    private static PairRecords records;

    private static double value(String name, World w) {
        return parse(name).value(w, records, 100, 0.5, 0.6);
    }
}
