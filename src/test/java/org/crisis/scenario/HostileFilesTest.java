package org.crisis.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files built to hurt the reader (alias bombs, deep nesting, huge files, devices and pipes)
 * and values the parser itself rejects (.nan, !!binary, bytes that are not UTF-8): each is
 * refused at once with its place and, where there is one, the field and what it expects.
 */
class HostileFilesTest {
    @TempDir
    Path dir;

    private static final String COUNTRIES = "days: 3\ncountries: [{id: AAA}]\n";

    /** The one problem of reading a file, which must come within a second. */
    private static String refusal(Path file) {
        InvalidInputException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(InvalidInputException.class, () -> ScenarioReader.read(file, List.of())));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).toString();
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aBillionLaughsIsRefusedWithinASecond() throws Exception {
        List<String> lines = new ArrayList<>(List.of("name: t", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"));
        for (int i = 1; i < 10; i++) {
            lines.add("a" + i + ": &a" + i + " [" + String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))) + "]");
        }
        lines.add("description: *a9");
        Path f = write("laughs.yaml", String.join("\n", lines) + "\n" + COUNTRIES);
        assertEquals(f + ":7:10: a5[0]: the aliases (*name) of this file expand to more than 100000 values, the most allowed",
                refusal(f));
    }

    @Test
    void tooManyAliasesAreRefused() throws Exception {
        StringBuilder s = new StringBuilder("name: t\nx: &x []\nl: [");
        for (int i = 0; i < 1001; i++) {
            s.append(i == 0 ? "" : ", ").append("*x");
        }
        Path f = write("aliases.yaml", s + "]\n" + COUNTRIES);
        assertEquals(f + ":3:4005: l[1000]: more than 1000 aliases (*name) in one file, the most allowed", refusal(f));
    }

    @Test
    void deepNestingIsRefusedWithItsPlace() throws Exception {
        Path f = write("deep.yaml", "name: t\ndescription: " + "[".repeat(5000) + "]".repeat(5000) + "\n" + COUNTRIES);
        String m = refusal(f);
        assertEquals(f + ":2:77: description" + "[0]".repeat(63) + ": values nest more than 64 levels deep, the most allowed", m);
        Path json = write("deep.json", "{\"name\": \"t\", \"description\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertEquals(json + ":1:93: description" + "[0]".repeat(63) + ": values nest more than 64 levels deep, the most allowed",
                refusal(json));
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithoutBeingRead() throws Exception {
        Path f = write("big.yaml", "name: t\n" + COUNTRIES + "description: \"" + "x".repeat(10 * 1024 * 1024) + "\"\n");
        assertEquals(f + ": the file has 10,485,815 bytes; scenario and sweep files may have at most 4,194,304 (4 MiB)",
                refusal(f));
    }

    @Test
    void devicesAndPipesAreRefusedWithoutBeingOpened() throws Exception {
        Path zero = dir.resolve("zero.yaml");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        assertEquals(zero + ": not a regular file (a directory, device or pipe); give a YAML file", refusal(zero));
        Path fifo = dir.resolve("fifo.json");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        assertEquals(fifo + ": not a regular file (a directory, device or pipe); give a JSON file", refusal(fifo));
        assertEquals(dir + ".yaml: no such file", refusal(Path.of(dir + ".yaml")));
    }

    @Test
    void valuesTheParserRejectsNameTheFieldAndWhatItExpects() throws Exception {
        Path nan = write("nan.yaml", "name: t\ndays: 3\ncountries:\n  - id: AAA\n    sovereignty: .nan\n");
        assertEquals(nan + ":5:18: countries[0].sovereignty: expected a number in [0, 1], found '.nan'", refusal(nan));
        Path binary = write("binary.yaml", "name: t\ndays: 3\ncountries:\n  - id: AAA\n    hawkishness: !!binary aGVsbG8=\n");
        assertEquals(binary + ":5:18: countries[0].hawkishness: expected a number in [0, 1], found binary data (!!binary)",
                refusal(binary));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithLineColumnAndField() throws Exception {
        Path f = dir.resolve("latin1.yaml");
        byte[] text = "name: t\ndays: 3\ndescription: caf\u00e9 au lait\ncountries: [{id: AAA}]\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, text);
        assertEquals(f + ":3:17: description: not valid UTF-8 (byte 0xE9); save the file as UTF-8", refusal(f));
    }

    @Test
    void aJsonFileWithAByteOrderMarkIsReadAsAYamlFileIs() throws Exception {
        Path json = dir.resolve("bom.json");
        Files.write(json, ("\uFEFF{\"name\": \"t\", \"days\": 3, \"countries\": [{\"id\": \"AAA\"}]}").getBytes(StandardCharsets.UTF_8));
        Path yaml = dir.resolve("bom.yaml");
        Files.write(yaml, ("\uFEFFname: t\ndays: 3\ncountries: [{id: AAA}]\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(ScenarioReader.read(yaml, List.of()), ScenarioReader.read(json, List.of()));
    }
}
