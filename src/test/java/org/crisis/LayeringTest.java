package org.crisis;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's dependency line, checked on the compiled classes: model ← scenario ← sim ←
 * observe ← experiment ← cli, statistics and file helpers below all of them, and the report
 * reading files only (it knows the statistics and file helpers, never the model).
 */
class LayeringTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crisis");
    }

    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("org.crisis.model..")
                .layer("scenario").definedBy("org.crisis.scenario..")
                .layer("sim").definedBy("org.crisis.sim..")
                .layer("observe").definedBy("org.crisis.observe..")
                .layer("experiment").definedBy("org.crisis.experiment..")
                .layer("report").definedBy("org.crisis.report..")
                .layer("stats").definedBy("org.crisis.stats..")
                .layer("io").definedBy("org.crisis.io..")
                .layer("discover").definedBy("org.crisis.discover..")
                .layer("cli").definedBy("org.crisis.cli..");
    }

    /** Who may use each layer: its accessors. */
    static LayeredArchitecture rules() {
        return layers()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("observe").mayOnlyBeAccessedByLayers("experiment", "cli")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("observe", "experiment", "cli")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("sim", "observe", "experiment", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("scenario", "sim", "observe", "experiment", "cli")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("experiment", "report", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("observe", "experiment", "report", "cli")
                .whereLayer("discover").mayOnlyBeAccessedByLayers("report", "cli");
    }

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() {
        rules().check(main);
    }

    @Test
    void statisticsAndFileHelpersUseNothingOfOurs() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAnyPackage("org.crisis.stats..", "org.crisis.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.crisis.model..", "org.crisis.scenario..",
                        "org.crisis.sim..", "org.crisis.observe..", "org.crisis.experiment..", "org.crisis.report..",
                        "org.crisis.cli..")
                .check(main);
    }

    /** Scenario discovery (PRIM) works on plain arrays: it uses no other package of ours, not even stats or io. */
    @Test
    void discoveryUsesNothingOfOurs() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage("org.crisis.discover..")
                .should().dependOnClassesThat().resideInAnyPackage("org.crisis.model..", "org.crisis.scenario..",
                        "org.crisis.sim..", "org.crisis.observe..", "org.crisis.experiment..", "org.crisis.report..",
                        "org.crisis.cli..", "org.crisis.stats..", "org.crisis.io..")
                .check(main);
    }

    /**
     * The check fails on a back-import: the same classes under a rule that forbids one
     * dependency the code really has (experiment writes events.csv from the model's types) are
     * refused, naming it.
     */
    @Test
    void aBackImportIsCaught() {
        LayeredArchitecture wrong = layers()
                .whereLayer("model").mayOnlyBeAccessedByLayers("scenario", "sim", "observe", "cli");
        AssertionError e = assertThrows(AssertionError.class, () -> wrong.check(main));
        assertTrue(e.getMessage().contains("org.crisis.experiment.EventColumns"), e.getMessage());
    }
}
