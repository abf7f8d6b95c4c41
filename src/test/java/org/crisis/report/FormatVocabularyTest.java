package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.junit.jupiter.api.Test;

/**
 * The few words of the result formats the report reads by name, against the model that writes
 * them: the levels (trajectories.csv {@code level}, events.csv {@code level_after}, ensemble.csv
 * {@code share_*}) and the kinds of event (events.csv {@code kind}). A level or kind added to the
 * model fails here until the report's reading of the format follows.
 */
class FormatVocabularyTest {
    @Test
    void theReportsLevelsAreTheModelsInTheSameOrder() {
        assertEquals(Arrays.stream(Level.values()).map(Level::name).toList(),
                Arrays.stream(RelationLevel.values()).map(RelationLevel::name).toList());
    }

    @Test
    void theKindsOfEventTheReportAcceptsAreTheModels() {
        List<String> model = Arrays.stream(EventType.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
        assertEquals(model, EventRecord.KINDS);
    }
}
