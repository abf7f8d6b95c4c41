package org.crisis.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Exclusive ownership of the hidden work directory {@code .NAME.incomplete} that sits beside
 * an output directory {@code NAME} while a command writes it. Every command that writes a
 * directory (run, sweep, merge, report) holds the operating system's lock on the file
 * {@code lock} inside it for as long as it works, so two processes never write the same
 * output: the second is refused while the first holds the lock. The lock dies with its
 * process, so a directory left by a killed process is taken over by the next one (a sweep
 * or a calibration resumes from it, a run clears it). The work directory of an interrupted
 * sweep or calibration holds its journal, known by its identity file ({@link #SWEEP},
 * {@link #CALIBRATION}): no other command clears it or writes beside it
 * ({@link #refuseInterrupted}).
 *
 * <p>The owner removes the directory when done. Because a lock file can be removed while
 * another process has it open, a lock counts only if, once it is held, the path
 * {@code lock} still names the file that was locked; otherwise the attempt starts again.
 *
 * <pre>{@code
 * try (WorkDirectory w = WorkDirectory.acquire(WorkDirectory.workFor(out))) {
 *     ... write into w.path() ...
 * }
 * }</pre>
 */
public final class WorkDirectory implements Closeable {
    /** The lock file inside a work directory. */
    public static final String LOCK = "lock";
    /** The identity file of an interrupted sweep's work directory (docs/SWEEPS.md, "Resume"). */
    public static final String SWEEP = "sweep.json";
    /** The identity file of an interrupted calibration's work directory (docs/CALIBRATION.md, "Resume"). */
    public static final String CALIBRATION = "calibration.json";
    private static final int ATTEMPTS = 20;

    private final Path path;
    private final boolean created;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private WorkDirectory(Path path, boolean created, FileChannel channel, FileLock lock) {
        this.path = path;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    /** The work directory of an output directory: {@code .NAME.incomplete} beside it. */
    public static Path workFor(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.getParent().resolve("." + absolute.getFileName() + ".incomplete");
    }

    /**
     * An existing directory's path with no {@code ..} in it, for outputs placed in or beside it: the
     * path as given when it has none; else its part up to the last {@code ..} resolved as the system
     * resolves it (its real path), and the rest as given, so that a link after it keeps its name (its
     * absolute, normalised path if that part cannot be resolved). An output path may not contain
     * {@code ..} ({@link #checkOut}), but a directory that was read exists, so this path is safe to write under.
     */
    public static Path withoutParentSteps(Path existing) {
        int last = -1;
        for (int i = 0; i < existing.getNameCount(); i++) {
            if (existing.getName(i).toString().equals("..")) {
                last = i;
            }
        }
        if (last < 0) {
            return existing;
        }
        Path steps = existing.subpath(0, last + 1);
        Path prefix = existing.getRoot() == null ? steps : existing.getRoot().resolve(steps);
        try {
            Path real = prefix.toRealPath();
            return last + 1 == existing.getNameCount() ? real : real.resolve(existing.subpath(last + 1, existing.getNameCount()));
        } catch (IOException e) {
            return existing.toAbsolutePath().normalize();
        }
    }

    /**
     * Checks a directory given with {@code --out} before anything is written: it must name a
     * directory (not {@code .} or the root), contain no {@code ..} (which the system resolves
     * through directories that may not exist), and not be a file. Missing parents are fine:
     * they are created when writing starts.
     */
    public static void checkOut(Path out, String option) throws OutputUnavailableException {
        for (Path part : out) {
            if (part.toString().equals("..")) {
                throw new OutputUnavailableException(option + " " + out + " contains '..'; give a path without '..'"
                        + " (an absolute path, if the directory is above this one)");
            }
        }
        Path name = out.toAbsolutePath().normalize().getFileName();
        if (name == null || out.getFileName() == null || out.toString().isEmpty() || out.getFileName().toString().equals(".")) {
            throw new OutputUnavailableException(option + " '" + out + "' names no directory; give a new directory such as results/x");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new OutputUnavailableException(option + " " + out + " is a file; give a directory");
        }
        Path parent = out.toAbsolutePath().getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new OutputUnavailableException(option + " " + out + ": " + p + " is a file, not a directory");
                }
                break;
            }
        }
    }

    /** Locks {@code work}, creating it (and its parents) if needed; empty if another process holds it. */
    public static Optional<WorkDirectory> tryAcquire(Path work) throws IOException {
        boolean created = false;
        Path file = work.resolve(LOCK);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (Files.exists(work, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(work)) {
                throw new OutputUnavailableException(work + " is in the way: a file where the work directory of a"
                        + " command goes; remove it");
            }
            if (!Files.isDirectory(work)) {
                try {
                    Files.createDirectories(work);
                } catch (java.nio.file.FileSystemException e) {
                    OutputUnavailableException x = new OutputUnavailableException("cannot create a work directory (results"
                            + " are written there first, then moved to their place beside it): " + describe(e)
                            + "; choose an --out in a directory you can write");
                    x.initCause(e);
                    throw x;
                }
                created = true;
            }
            Object before;
            try {
                if (!Files.exists(file)) {
                    try {
                        Files.createFile(file);
                    } catch (FileAlreadyExistsException e) {
                        // created by another process at the same moment: fine
                    }
                }
                before = key(file);
            } catch (NoSuchFileException e) {
                continue; // the directory was removed meanwhile
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                continue;
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held in this process
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            Object after;
            try {
                after = key(file);
            } catch (NoSuchFileException e) {
                after = null;
            }
            if (before != null && before.equals(after)) {
                return Optional.of(new WorkDirectory(work, created, channel, lock));
            }
            // the file locked was removed by its previous owner: try again with the new one
            lock.release();
            channel.close();
        }
        return Optional.empty();
    }

    /** Locks {@code work}, or refuses with a message naming {@code target}. */
    public static WorkDirectory acquire(Path work, Path target) throws IOException {
        return tryAcquire(work).orElseThrow(() -> new OutputUnavailableException(target
                + " is being written by another crisis process (it holds " + work.resolve(LOCK)
                + "); wait for it to finish or choose another output directory"));
    }

    /**
     * Refuses, naming {@code out}, a work directory that holds the journal of an interrupted
     * sweep or calibration: it is not another command's to clear or to write beside, and the
     * sweep or calibration would not finish into an {@code out} that exists. It is finished by
     * the command that started it, given the same {@code --out}, or removed to give up its work.
     */
    public static void refuseInterrupted(Path work, Path out) throws OutputUnavailableException {
        refuseInterruptedSweep(work, out);
        refuseInterruptedCalibration(work, out);
    }

    /**
     * As {@link #refuseInterrupted}, for a calibration's journal only (a sweep refuses one where
     * its own work directory goes; {@code out} is null if the sweep has no {@code --out}).
     */
    public static void refuseInterruptedCalibration(Path work, Path out) throws OutputUnavailableException {
        if (Files.isRegularFile(work.resolve(CALIBRATION))) {
            throw new OutputUnavailableException(work + " holds an interrupted crisis calibration; finish it by running the"
                    + " crisis calibrate command that started it again (its calibration file" + again(out) + ", the same fold"
                    + " options), or remove " + work + " to give up its evaluations");
        }
    }

    /** As {@link #refuseInterrupted}, for a sweep's journal only (a calibration refuses one where its own goes). */
    public static void refuseInterruptedSweep(Path work, Path out) throws OutputUnavailableException {
        if (Files.isRegularFile(work.resolve(SWEEP))) {
            throw new OutputUnavailableException(work + " holds an interrupted crisis sweep; finish it by running the crisis"
                    + " sweep command that started it again (its sweep file" + again(out) + ", the same --shard if any), or remove " + work
                    + " to give up its runs");
        }
    }

    private static String again(Path out) {
        return out == null ? ", no --out" : ", --out " + out;
    }

    /** A file system error as "path: what happened" (Java's message is often the bare path). */
    public static String describe(java.nio.file.FileSystemException e) {
        String what = e.getReason() != null ? e.getReason()
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof FileAlreadyExistsException ? "already exists"
                : e instanceof java.nio.file.DirectoryNotEmptyException ? "directory not empty"
                : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
                : e.getClass().getSimpleName();
        return (e.getFile() == null ? "" : e.getFile() + ": ") + what
                + (e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")");
    }

    /**
     * Whether two paths are one directory (through links, and in any case where the file system
     * ignores it); compared as written if either cannot be read.
     */
    public static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Whether {@code dir} exists and is not an empty directory: an output directory in the way. */
    public static boolean occupied(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return s.iterator().hasNext();
        }
    }

    /** Whether {@code work} holds the journal of an interrupted sweep or calibration. */
    public static boolean holdsInterrupted(Path work) {
        return Files.isRegularFile(work.resolve(SWEEP)) || Files.isRegularFile(work.resolve(CALIBRATION));
    }

    private static Object key(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.fileKey() != null ? a.fileKey() : Objects.toString(a.creationTime());
    }

    public Path path() {
        return path;
    }

    /** Whether this process created the directory (it did not exist or was removed before). */
    public boolean created() {
        return created;
    }

    /** Whether the directory holds nothing but the lock. */
    public boolean isEmpty() throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(path)) {
            for (Path p : s) {
                if (!p.getFileName().toString().equals(LOCK)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Removes everything in the directory but the lock. */
    public void clear() throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(path)) {
            for (Path p : s) {
                if (!p.getFileName().toString().equals(LOCK)) {
                    delete(p);
                }
            }
        }
    }

    /** Removes the directory with everything in it, then releases the lock. */
    public void removeAndRelease() throws IOException {
        if (released) {
            return;
        }
        try {
            clear();
        } finally {
            close();
        }
    }

    /**
     * Releases the lock. A directory that holds nothing but the lock is removed first (the
     * lock file last), so a finished or refused command leaves nothing behind; anything else
     * (an interrupted sweep's journal) stays for the next process.
     */
    @Override
    public void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        try {
            if (Files.isDirectory(path) && isEmpty()) {
                Files.deleteIfExists(path.resolve(LOCK));
                try {
                    Files.deleteIfExists(path);
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    // another process is acquiring it at this moment: it is theirs now
                }
            }
        } finally {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } finally {
                channel.close();
            }
        }
    }

    public static void delete(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
