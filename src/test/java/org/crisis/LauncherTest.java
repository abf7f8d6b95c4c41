package org.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./crisis}: the JVM options it chooses, and the class-data archive it makes
 * once per build, with stand-ins for java (which logs its arguments, and writes the archive
 * it is asked to) and nproc, in a copy of the project's layout whose jar is up to date.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir"), "crisis");

    @TempDir
    Path dir;

    private Path log;

    private record Result(int status, String err, List<String> calls) {
        /** The last call: the command itself. */
        String command() {
            return calls.get(calls.size() - 1);
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @BeforeEach
    void projectWithAnUpToDateJar() throws IOException {
        Files.copy(LAUNCHER, dir.resolve("crisis"), StandardCopyOption.COPY_ATTRIBUTES);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        log = dir.resolve("java.log");
        // java: logs each call; writes the archive it is asked to; -Xshare:on checks it (fails if it says so)
        executable(bin.resolve("java"), """
                #!/bin/sh
                echo "$*" >> "%s"
                for a in "$@"; do
                  case "$a" in
                    -XX:ArchiveClassesAtExit=*) echo archive > "${a#-XX:ArchiveClassesAtExit=}" ;;
                    -XX:SharedArchiveFile=*) [ -f "${a#-XX:SharedArchiveFile=}" ] || { echo "no archive: $a" >&2; exit 3; } ;;
                    -Xshare:on) [ -f "%s" ] && exit 1 ;;
                  esac
                done
                exit 0
                """.formatted(log, dir.resolve("unusable")));
        executable(bin.resolve("nproc"), "#!/bin/sh\necho 2\n");
        Instant past = Instant.now().minusSeconds(3600);
        Files.writeString(dir.resolve("pom.xml"), "");
        Files.createDirectories(dir.resolve("src/main"));
        Files.createDirectories(dir.resolve("scenarios/cases"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/crisis.jar"), "");
        Files.setLastModifiedTime(dir.resolve("pom.xml"), FileTime.from(past));
        Files.setLastModifiedTime(dir.resolve("src/main"), FileTime.from(past));
        Files.setLastModifiedTime(dir.resolve("target/crisis.jar"), FileTime.from(past.plusSeconds(60)));
    }

    private Result crisis(Map<String, String> env, String... args) throws Exception {
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of("bash", dir.resolve("crisis").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("CRISIS_JAVA_OPTS");
        pb.environment().remove("JAVA_HOME"); // the fake java on the PATH, not the build's
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Result(status, err, calls);
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void makesTheArchiveOnceFromACheckOfTheCaseLibraryThenMapsIt() throws Exception {
        Result first = crisis(Map.of(), "run", "s.yaml");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.err().contains("preparing a class-data archive"), first.err());
        assertEquals(3, first.calls().size(), first.calls().toString());
        assertTrue(first.calls().get(0).contains("-XX:ArchiveClassesAtExit="), first.calls().get(0));
        assertTrue(first.calls().get(0).endsWith("validate " + dir.resolve("scenarios/cases") + " --runs 1"),
                first.calls().get(0));
        assertTrue(first.calls().get(1).contains("-Xshare:on -XX:SharedArchiveFile="), first.calls().get(1));
        List<Path> made = archives();
        assertEquals(1, made.size(), made.toString());
        assertTrue(first.command().contains("-XX:SharedArchiveFile=" + made.get(0)), first.command());
        assertTrue(first.command().endsWith("-jar " + dir.resolve("target/crisis.jar") + " run s.yaml"), first.command());

        Result again = crisis(Map.of(), "run", "s.yaml");
        assertEquals(List.of(first.command()), again.calls(), "the archive is made once");
        assertFalse(again.err().contains("archive"), again.err());
    }

    @Test
    void aNewJarGetsANewArchive() throws Exception {
        crisis(Map.of(), "--version");
        Path archive = archives().get(0);
        Path jar = dir.resolve("target/crisis.jar");
        // the jar built again after the archive was made
        Files.setLastModifiedTime(archive, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(10)));
        Result rebuilt = crisis(Map.of(), "--version");
        assertEquals(3, rebuilt.calls().size(), rebuilt.calls().toString());
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0);
        assertEquals(1, crisis(Map.of(), "--version").calls().size());
    }

    @Test
    void anArchiveThatDoesNotLoadIsNeitherUsedNorMadeAgain() throws Exception {
        Files.writeString(dir.resolve("unusable"), "");
        Result first = crisis(Map.of(), "validate", "x.yaml");
        assertTrue(first.err().contains("no class-data archive"), first.err());
        assertEquals(List.of(), archives());
        assertFalse(first.command().contains("SharedArchiveFile"), first.command());
        Result again = crisis(Map.of(), "validate", "x.yaml");
        assertEquals(1, again.calls().size(), again.calls().toString());
        assertFalse(again.command().contains("SharedArchiveFile"), again.command());
    }

    @Test
    void validateAndCheckCompileWithC1OnlyOtherCommandsWithBoth() throws Exception {
        assertTrue(crisis(Map.of(), "validate", "cases").command().contains("-XX:TieredStopAtLevel=1"));
        assertTrue(crisis(Map.of(), "check", "s.yaml").command().contains("-XX:TieredStopAtLevel=1"));
        for (String command : List.of("run", "sweep", "calibrate", "bench")) {
            assertFalse(crisis(Map.of(), command, "x").command().contains("TieredStopAtLevel"), command);
        }
        assertTrue(crisis(Map.of(), "validate", "cases").command().contains("-XX:+UseSerialGC"));
    }

    @Test
    void optionsGivenInCrisisJavaOptsWin() throws Exception {
        Result r = crisis(Map.of("CRISIS_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -Xshare:off -XX:+UseG1GC"), "validate",
                "cases");
        assertEquals(List.of("-Dcrisis.stderrTerminal=false -XX:TieredStopAtLevel=4 -Xshare:off -XX:+UseG1GC -jar " + dir.resolve("target/crisis.jar")
                + " validate cases"), r.calls());
        assertEquals(List.of(), archives());
    }

    @Test
    void aProjectWhosePathHasASpaceOrIsReachedByALinkRunsAsAnyOther() throws Exception {
        // the archive's path is one argument however the project's path is spelled
        Path spaced = Files.createDirectories(dir.resolve("my project"));
        for (String f : List.of("crisis", "pom.xml", "src", "scenarios", "target")) {
            Files.move(dir.resolve(f), spaced.resolve(f));
        }
        Path link = Files.createSymbolicLink(dir.resolve("crisis"), spaced.resolve("crisis"));
        for (int k = 0; k < 2; k++) {
            Result r = crisis(Map.of(), "run", "s.yaml"); // through the link, as bash dir/crisis
            assertEquals(0, r.status(), r.err());
            assertTrue(r.command().endsWith("-jar " + spaced.resolve("target/crisis.jar") + " run s.yaml"), r.command());
            assertTrue(r.command().contains("-XX:SharedArchiveFile=" + spaced.resolve("target")), r.command());
        }
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void javaIsToldWhetherStandardErrorIsATerminal() throws Exception {
        // here it is a pipe to the test; a progress bar needs it to be a terminal, whatever standard output is
        assertTrue(crisis(Map.of(), "run", "x").command().contains("-Dcrisis.stderrTerminal=false"));
    }

    @Test
    void aJavaOlderThan17IsNamedAndNothingRuns() throws Exception {
        // an installation's layout: bin/java beside the release file that gives its version
        Path old = Files.createDirectories(dir.resolve("jdk11/bin"));
        Files.copy(dir.resolve("bin/java"), old.resolve("java"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(dir.resolve("jdk11/release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"11.0.21\"\n");
        Result r = crisis(Map.of("JAVA_HOME", dir.resolve("jdk11").toString()), "run", "x");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("is Java 11.0.21; the simulator needs Java 17 or later"), r.err());
        assertEquals(List.of(), r.calls(), "no JVM started");
        Files.writeString(dir.resolve("jdk11/release"), "JAVA_VERSION=\"1.8.0_392\"\n");
        assertTrue(crisis(Map.of("JAVA_HOME", dir.resolve("jdk11").toString()), "run", "x").err()
                .contains("is Java 1.8.0; the simulator needs Java 17 or later"));
        // a Java 8 JDK: java in jre/bin, the release file beside jre/
        Path jre = Files.createDirectories(dir.resolve("jdk8/jre/bin"));
        Files.copy(dir.resolve("bin/java"), jre.resolve("java"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(dir.resolve("jdk8/release"), "JAVA_VERSION=\"1.8.0_412\"\n");
        Result eight = crisis(Map.of("JAVA_HOME", dir.resolve("jdk8/jre").toString()), "run", "x");
        assertEquals(1, eight.status());
        assertTrue(eight.err().contains("is Java 1.8.0; the simulator needs Java 17 or later"), eight.err());
        Files.writeString(dir.resolve("jdk11/release"), "JAVA_VERSION=\"21.0.2\"\n");
        Result recent = crisis(Map.of("JAVA_HOME", dir.resolve("jdk11").toString()), "run", "x");
        assertEquals(0, recent.status(), recent.err());
        assertTrue(recent.command().endsWith(" run x"), recent.command());
    }

    @Test
    void onlyAnOptionNamingACollectorKeepsTheSerialOneOff() throws Exception {
        assertTrue(crisis(Map.of("CRISIS_JAVA_OPTS", "-XX:+UseNUMA -XX:ParallelGCThreads=2"), "run", "x").command()
                .contains("-XX:+UseSerialGC"));
        assertFalse(crisis(Map.of("CRISIS_JAVA_OPTS", "-XX:+UseParallelGC"), "run", "x").command().contains("UseSerialGC"));
        // a collector the JVM reads from its own variable: adding another would stop it ("Multiple garbage collectors")
        assertFalse(crisis(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC"), "run", "x").command().contains("UseSerialGC"));
    }
}
