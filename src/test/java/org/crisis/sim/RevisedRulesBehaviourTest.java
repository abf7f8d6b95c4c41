package org.crisis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisis.experiment.Seeds;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.Ladder;
import org.crisis.model.Level;
import org.crisis.observe.MeasuredRun;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules revised for calibration (docs/MODEL.md 3.5, 3.7, 3.8 and 4): a standing starting
 * state, democratic clauses, statements weighed by the gravity of what they speak to, and
 * the cost of cutting ties.
 */
class RevisedRulesBehaviourTest {
    @TempDir
    Path dir;

    private Scenario scenario(String yaml, String... overrides) throws Exception {
        Path f = dir.resolve("s" + System.nanoTime() + ".yaml");
        Files.writeString(f, yaml);
        return ScenarioReader.read(f, List.of(overrides));
    }

    private static Scenario fixture(String name, String... overrides) throws Exception {
        return ScenarioReader.read(Path.of(RevisedRulesBehaviourTest.class.getResource("/model/" + name).toURI()),
                List.of(overrides));
    }

    private static final String STANDING = """
            name: standing
            days: 1
            countries:
              - {id: AAA, domesticPressure: 0.5, hawkishness: 0.5}
              - {id: BBB, domesticPressure: 0.5, hawkishness: 0.5}
            relations:
              - between: [AAA, BBB]
                level: NORMAL
                grievance: { AAA: %s, BBB: 0 }
            """;

    @Test
    void aListedGrievanceThatTheLevelHoldsStartsNoActOnDayZero() throws Exception {
        // E = 0.22 justifies a summons (θ_2 = 0.2), which NORMAL holds: it stands as AAA's posture
        Scenario s = scenario(STANDING.formatted("0.22"));
        assertEquals(List.of(), s.standingWarnings());
        int acts = 0;
        for (int k = 0; k < 100; k++) {
            MeasuredRun r = MeasuredRun.of(s, Seeds.derive(3, k));
            assertEquals(Ladder.SUMMON, r.world().existing(0, 1).posture(0), "the standing posture");
            acts += r.world().events().size();
        }
        assertEquals(0, acts, "no act on day 0 in 100 runs");
    }

    @Test
    void aListedGrievanceBeyondWhatTheLevelHoldsIsWarnedAbout() throws Exception {
        Scenario s = scenario(STANDING.formatted("0.5"));
        List<String> warnings = s.standingWarnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("relations[0]: AAA's grievance 0.5 against BBB would justify EXPEL_DIPLOMATS, "
                + "more than NORMAL holds"), warnings.get(0));
    }

    private static final String CLAUSE = """
            name: clause
            days: 5
            countries:
              - {id: COU, ideology: {economic: 0.2}, blocs: [ORG]}
              - {id: MEM, ideology: {economic: 0.2}, normAdherence: 0.8, blocs: [ORG]}
            %s
            events:
              - {day: 0, type: COUP, actor: COU}
            parameters: {thirdParties: false, mediation: false, grievanceDecay: 0}
            """;

    @Test
    void aDemocraticClauseRaisesAMembersGrievanceAtACoupByOnePlusItsWeight() throws Exception {
        double without = grievanceAfterCoup(scenario(CLAUSE.formatted("")));
        double with = grievanceAfterCoup(scenario(CLAUSE.formatted("organisations: [{id: ORG, democraticClause: true}]")));
        assertTrue(without > 0);
        // saturating update from zero: −ln(1 − G) is Δ, and the clause multiplies Δ by 1 + b_dc
        assertEquals(1 + org.crisis.model.Parameter.DEMOCRATIC_CLAUSE.defaultValue(),
                Math.log(1 - with) / Math.log(1 - without), 1e-9);
    }

    private static double grievanceAfterCoup(Scenario s) {
        MeasuredRun r = MeasuredRun.of(s, 1);
        return r.world().existing(0, 1).grievanceOf(1);
    }

    @Test
    void statementsWeighAsMuchAsTheEventTheySpeakTo() throws Exception {
        for (String type : List.of("EMBASSY_RAID", "ASYLUM_GRANT")) {
            Scenario s = fixture("embassy-raid.yaml", "events.0.type=" + type);
            int statements = 0;
            for (int k = 0; k < 20; k++) {
                MeasuredRun r = MeasuredRun.of(s, Seeds.derive(5, k));
                List<Event> log = r.world().events();
                for (Event e : log) {
                    if (e.type() == EventType.CONDEMN || e.type() == EventType.SUPPORT) {
                        Event cause = log.get(e.cause() - 1);
                        assertEquals(Math.min(1, Math.abs(cause.gamma()) * cause.severity() / 10), e.severity(), 1e-12);
                        statements++;
                    }
                }
            }
            assertTrue(statements > 0, "some statements after " + type);
        }
    }

    @Test
    void aRuptureCostMakesRupturesRarerThanOtherwiseTheSameCrisis() throws Exception {
        Scenario free = fixture("rupture-mediator.yaml", "parameters.ruptureCost=0");
        Scenario costly = fixture("rupture-mediator.yaml", "parameters.ruptureCost=0.1");
        int severedFree = 0;
        int severedCostly = 0;
        for (int k = 0; k < 100; k++) {
            severedFree += MeasuredRun.of(free, Seeds.derive(9, k)).pair("SOV", "GRA").firstSevered() >= 0 ? 1 : 0;
            severedCostly += MeasuredRun.of(costly, Seeds.derive(9, k)).pair("SOV", "GRA").firstSevered() >= 0 ? 1 : 0;
        }
        assertTrue(severedFree > 80 && severedCostly < severedFree / 2,
                "severed in " + severedFree + " of 100 runs free, " + severedCostly + " with the cost");
        assertEquals(Level.DOWNGRADED, fixture("rupture-mediator.yaml").relations().get(0).level());
    }
}
