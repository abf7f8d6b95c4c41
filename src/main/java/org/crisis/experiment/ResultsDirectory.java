package org.crisis.experiment;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results directory that appears only when complete: files are written into a hidden
 * sibling {@code .NAME.incomplete} and the directory is renamed into place at the end, so a
 * reader never sees a half-written set and a failed run leaves nothing that looks complete.
 */
public final class ResultsDirectory implements AutoCloseable {
    private final Path target;
    private final Path work;
    private boolean committed;

    private ResultsDirectory(Path target, Path work) {
        this.target = target;
        this.work = work;
    }

    /**
     * Opens {@code out}, or a new directory {@code results/NAME-yyyyMMdd-HHmmss} (with a suffix
     * if taken). An existing non-empty {@code out} is refused, so nothing is overwritten.
     */
    public static ResultsDirectory create(Path out, Path resultsRoot, String name) throws IOException {
        Path target = out;
        if (target == null) {
            String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            target = resultsRoot.resolve(name + "-" + stamp);
            for (int k = 2; Files.exists(target); k++) {
                target = resultsRoot.resolve(name + "-" + stamp + "-" + k);
            }
        } else if (Files.exists(target) && !(Files.isDirectory(target) && isEmpty(target))) {
            throw new IOException(target + " already exists and is not an empty directory; choose another --out");
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path work = parent.resolve("." + target.getFileName() + ".incomplete");
        if (Files.exists(work)) {
            delete(work);
        }
        Files.createDirectories(work);
        return new ResultsDirectory(target, work);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Where to write a file while the set is incomplete. */
    public Path file(String name) {
        return work.resolve(name);
    }

    public Path target() {
        return target;
    }

    /** Moves the finished directory into place. */
    public void commit() throws IOException {
        if (Files.isDirectory(target)) {
            Files.delete(target); // the empty directory --out named
        }
        try {
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(work, target);
        }
        committed = true;
    }

    /** Removes the work directory unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed && Files.exists(work)) {
            delete(work);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
