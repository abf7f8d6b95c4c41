package org.crisis.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a crisis command in this process, as a user would type it, and keeps what it printed (tests). */
public final class Cli {
    private Cli() {}

    /** What a command did: its exit status and what it printed on standard output and error. */
    public record Outcome(int status, String out, String err) {}

    /** {@code crisis ARGS...}: the exit status of {@link Main#execute}, with both streams captured. */
    public static Outcome crisis(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
