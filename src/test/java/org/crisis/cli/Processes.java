package org.crisis.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The crisis command line as separate processes (the test classpath, a fresh JVM each), for concurrency tests. */
final class Processes {
    private Processes() {}

    /** A started process whose output goes to files. */
    record Started(Process process, Path out, Path err) {
        /** Waits for the end (at most a minute) and returns the exit status. */
        int waitFor() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the process did not finish within a minute");
            }
            return process.exitValue();
        }

        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    static Started start(Path workingDirectory, List<String> jvmOptions, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workingDirectory, "stdout", ".txt");
        Path err = Files.createTempFile(workingDirectory, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Started(p, out, err);
    }

    /** {@code crisis ARGS} in a new JVM. */
    static Started crisis(Path workingDirectory, String... args) throws IOException {
        return start(workingDirectory, List.of(), Main.class.getName(), args);
    }

    /** Waits until {@code condition} holds (at most 30 s). */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    static String classpath() {
        return System.getProperty("java.class.path").replace(File.pathSeparatorChar, '\n');
    }
}
