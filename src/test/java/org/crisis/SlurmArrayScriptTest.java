package org.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/slurm-array.sh, the job-array recipe, run as Slurm would run one task, with a stand-in
 * for java that prints the command it was given. (.ci/slurm-check runs it on a real Slurm.)
 */
class SlurmArrayScriptTest {
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir"), "scripts", "slurm-array.sh");

    @TempDir
    Path dir;

    private Path bin;

    private record Result(int status, String out, String err) {}

    @BeforeEach
    void standInForJavaAndAJar() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/crisis.jar"), "");
    }

    private Result task(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") || k.equals("CRISIS_JAR") || k.equals("CRISIS_JAVA_OPTS"));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("SLURM_SUBMIT_DIR", dir.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out.strip(), err.strip());
    }

    private static final String[] SWEEP = {"4", "sweep", "s.yaml", "--shard", "{I}/{N}", "--threads", "{CPUS}",
        "--out", "shards/{I}", "--resume"};

    @Test
    void aTaskRunsItsShardOfTheNumberOfTasksItWasGiven() throws Exception {
        Result r = task(Map.of("SLURM_JOB_ID", "7", "SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4",
                "SLURM_CPUS_PER_TASK", "8"), SWEEP);
        assertEquals(0, r.status(), r.err());
        assertEquals("-jar target/crisis.jar sweep s.yaml --shard 3/4 --threads 8 --out shards/3 --resume", r.out());
    }

    @Test
    void aResubmittedTaskKeepsTheSweepsNumberOfShards() throws Exception {
        // sbatch --array=2: an array of one task, so Slurm's task count is 1
        Result r = task(Map.of("SLURM_JOB_ID", "9", "SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "1"), SWEEP);
        assertEquals(0, r.status(), r.err());
        assertEquals("-jar target/crisis.jar sweep s.yaml --shard 2/4 --threads 1 --out shards/2 --resume", r.out(),
                "without --cpus-per-task Slurm gives a task one CPU");
    }

    @Test
    void aTaskOutsideTheArrayOrWithoutOneIsRefused() throws Exception {
        Result beyond = task(Map.of("SLURM_ARRAY_TASK_ID", "5"), SWEEP);
        assertEquals(2, beyond.status());
        assertTrue(beyond.err().contains("task 5 is outside 1..4: submit with --array=1-4"), beyond.err());
        Result none = task(Map.of(), SWEEP);
        assertEquals(2, none.status());
        assertTrue(none.err().contains("SLURM_ARRAY_TASK_ID is '': submit with sbatch --array=1-4"), none.err());
        Result zero = task(Map.of("SLURM_ARRAY_TASK_ID", "1"), "0", "sweep", "s.yaml");
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("N must be a whole number of tasks (1 or more), found '0'"), zero.err());
    }

    @Test
    void aMissingJarIsNamedWithHowToBuildIt() throws Exception {
        Files.delete(dir.resolve("target/crisis.jar"));
        Result r = task(Map.of("SLURM_ARRAY_TASK_ID", "1"), SWEEP);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no target/crisis.jar in " + dir + ": build it once with ./crisis --version"), r.err());
    }
}
