package org.crisis.experiment;

import org.crisis.io.JsonFiles;
import org.crisis.io.OutputUnavailableException;
import org.crisis.io.WorkDirectory;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A results directory that appears only when complete: files are written into
 * {@code final/} inside the hidden work directory {@code .NAME.incomplete} beside it, which
 * this process holds locked ({@link WorkDirectory}), and moved into place at the end, so a
 * reader never sees a half-written set, a failed run leaves nothing that looks complete, and
 * two processes never write the same directory.
 */
public final class ResultsDirectory implements AutoCloseable {
    static final String STAGING = "final";
    private static final int MAX_SUFFIX = 10_000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path target;
    private final WorkDirectory work;
    private final Path staging;

    private ResultsDirectory(Path target, WorkDirectory work, Path staging) {
        this.target = target;
        this.work = work;
        this.staging = staging;
    }

    /**
     * Opens {@code out}, or a new directory {@code results/NAME-yyyyMMdd-HHmmss} (with a
     * suffix {@code -2}, {@code -3}... if that name exists or another process is writing it).
     * An existing non-empty {@code out}, or one another process is writing, is refused with
     * {@link OutputUnavailableException}, so nothing is overwritten or mixed.
     */
    public static ResultsDirectory create(Path out, Path resultsRoot, String name) throws IOException {
        if (out != null) {
            WorkDirectory.checkOut(out, "--out");
            WorkDirectory w = WorkDirectory.acquire(WorkDirectory.workFor(out), out);
            try {
                refuseInTheWay(out);
                WorkDirectory.refuseInterrupted(w.path(), out); // not ours to delete
                return open(out, w);
            } catch (IOException | RuntimeException e) {
                w.close();
                throw e;
            }
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        for (int k = 1; k <= MAX_SUFFIX; k++) {
            Path target = resultsRoot.resolve(name + "-" + stamp + (k == 1 ? "" : "-" + k));
            Optional<WorkDirectory> w = Files.exists(target) ? Optional.empty()
                    : WorkDirectory.tryAcquire(WorkDirectory.workFor(target));
            if (w.isEmpty()) {
                continue; // taken, or being written by another process
            }
            try {
                if (Files.exists(target) || WorkDirectory.holdsInterrupted(w.get().path())) {
                    w.get().close();
                    continue;
                }
                return open(target, w.get());
            } catch (IOException | RuntimeException e) {
                w.get().close();
                throw e;
            }
        }
        throw new OutputUnavailableException("no free name " + name + "-" + stamp + "-N under " + resultsRoot
                + " (tried " + MAX_SUFFIX + "); give --out");
    }

    /** Clears what an interrupted run left in the work directory and creates the staging directory. */
    private static ResultsDirectory open(Path target, WorkDirectory w) throws IOException {
        w.clear();
        Path staging = Files.createDirectories(w.path().resolve(STAGING));
        return new ResultsDirectory(target, w, staging);
    }

    /**
     * Refuses an {@code --out} that exists and is not an empty directory. Commands also call it
     * before they say what they will do, so that a refusal is the only thing they say.
     */
    public static void refuseInTheWay(Path out) throws IOException {
        if (out != null && WorkDirectory.occupied(out)) {
            throw new OutputUnavailableException(inTheWay(out));
        }
    }

    /**
     * Why {@code out} is refused when it exists and is not an empty directory; when it holds the
     * finished results of a command (its manifest.json), which command wrote them and from what file,
     * so that running a finished sweep again reads as what it is.
     */
    static String inTheWay(Path out) {
        String finished = "";
        try {
            com.fasterxml.jackson.databind.JsonNode command = JsonFiles.readObject(out.resolve("manifest.json")).path("command");
            if (command.size() >= 2 && command.get(0).asText().equals("crisis")) {
                java.util.List<String> words = new java.util.ArrayList<>();
                command.forEach(w -> words.add(w.asText()));
                finished = " (it holds the finished results of " + String.join(" ", words) + ", by its manifest.json)";
            }
        } catch (IOException | JsonFiles.Invalid | RuntimeException e) {
            // no manifest, or not one of ours: the plain refusal says enough
        }
        return out + " already exists and is not an empty directory" + finished + "; choose another --out"
                + (finished.isEmpty() ? "" : ", or move " + out + " away to run it again");
    }

    /** Where to write a file while the set is incomplete. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    public Path target() {
        return target;
    }

    /** Moves the finished directory into place and removes the work directory. */
    public void commit() throws IOException {
        if (Files.isDirectory(target) && !WorkDirectory.occupied(target)) {
            Files.delete(target); // the empty directory --out named
        }
        if (Files.exists(target)) {
            throw new OutputUnavailableException(target + " appeared while this command ran and is not empty; nothing was moved there");
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        work.removeAndRelease();
    }

    /** Removes the work directory (and what was written into it unless committed), releasing it. */
    @Override
    public void close() throws IOException {
        work.removeAndRelease();
    }
}
