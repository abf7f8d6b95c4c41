package org.crisis.experiment;

import java.io.PrintStream;

/**
 * A progress bar with rate and ETA on a terminal, shown once the work has taken more than a
 * second; when output is not a terminal (a batch job's log), silent, or with {@code log} the
 * same line every {@link #LOG_INTERVAL_NANOS 5 s}, each on a line of its own.
 */
public final class Progress {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    /** The clock; tests replace it. */
    static volatile java.util.function.LongSupplier clock = System::nanoTime;
    private final PrintStream out;
    private final long total;
    private final String unit;
    private final boolean terminal;
    private final boolean log;
    private final long started = clock.getAsLong();
    private long done;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintStream out, long total, String unit, boolean terminal, boolean log) {
        this.out = out;
        this.total = total;
        this.unit = unit;
        this.terminal = terminal;
        this.log = log;
    }

    /** On standard error, as a bar on a terminal, otherwise silent or (with {@code logWhenNotTerminal}) a line every 5 s. */
    public static Progress of(long total, String unit, boolean logWhenNotTerminal) {
        return new Progress(System.err, total, unit, stderrIsTerminal(), logWhenNotTerminal);
    }

    /**
     * Whether standard error is a terminal: as the launcher says ({@code -Dcrisis.stderrTerminal}, which
     * the shell can tell), else Java's guess, a console on standard input and output (wrong when only
     * the output is redirected, {@code > out.csv}).
     */
    static boolean stderrIsTerminal() {
        String said = System.getProperty("crisis.stderrTerminal");
        return said == null ? System.console() != null : Boolean.parseBoolean(said);
    }

    public static Progress none() {
        return new Progress(System.err, 0, "", false, false);
    }

    public synchronized void advance(long n) {
        done += n;
        if (!terminal && !log) {
            return;
        }
        long now = clock.getAsLong();
        long interval = terminal ? 100_000_000L : LOG_INTERVAL_NANOS;
        if (now - started < SHOW_AFTER_NANOS || (now - lastDraw < interval && done < total)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print(line(now) + (terminal ? "\r" : "\n"));
        out.flush();
    }

    String line(long now) {
        double seconds = (now - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        return String.format(java.util.Locale.ROOT, "[%s%s] %d/%d %s  %.1f %s/s  ETA %d:%02d   ",
                "#".repeat(filled), " ".repeat(width - filled), done, total, unit, rate, unit, eta / 60, eta % 60);
    }

    /** Clears the bar's line, if one was drawn. */
    public synchronized void finish() {
        if (terminal && drawn) {
            out.print(" ".repeat(80) + "\r");
            out.flush();
        }
    }

    public double elapsedSeconds() {
        return (clock.getAsLong() - started) / 1e9;
    }
}
