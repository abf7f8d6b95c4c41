package org.crisis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which builds made a results directory, read from its manifest. */
class ProvenanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMergeIsItsPartsBuildsAResumedWorkItsSessionsElseItsVersion() throws Exception {
        // the merging build (version) is not among those that ran the work
        assertEquals(List.of("A", "B"), Provenance.builds(JSON.readTree(
                "{\"version\":\"C\",\"merged_from_versions\":[[\"A\",\"B\"],[\"B\"]],\"session_versions\":[\"X\"]}")));
        // a merge written before parts listed their sessions: one build a part
        assertEquals(List.of("A", "B"), Provenance.builds(JSON.readTree("{\"version\":\"C\",\"merged_from_versions\":[\"A\",\"B\",\"A\"]}")));
        assertEquals(List.of("A", "B"), Provenance.builds(JSON.readTree("{\"version\":\"B\",\"session_versions\":[\"A\",\"B\"]}")));
        assertEquals(List.of("B"), Provenance.builds(JSON.readTree("{\"version\":\"B\"}")));
        assertEquals(List.of(""), Provenance.builds(JSON.readTree("{}")));
    }
}
