package org.crisis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.crisis.io.OutputUnavailableException;
import org.crisis.io.WorkDirectory;

/**
 * The directory a report is written to. Paths with a {@code ..} segment are refused; files get
 * plain names (letters, digits, '.', '-', '_', no leading dot), are resolved inside the
 * directory and checked to stay there; each is written to a temporary file and renamed into
 * place, so a reader never sees half a report. The directory is held locked while the report
 * is written. A page names the tables written with it (a {@code crisis-tables} meta element in
 * its head), so that the next page of that name written there removes the tables of the earlier
 * one that it does not write again, and no table of another report is left beside it.
 */
final class ReportOutput implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private final Path directory;
    private final WorkDirectory lock;
    private final List<Path> written = new ArrayList<>();

    private ReportOutput(Path directory, WorkDirectory lock) {
        this.directory = directory;
        this.lock = lock;
    }

    /**
     * Refuses, before anything is read or written, an output path with '..', that is a file, that is
     * the {@code --out} of an interrupted sweep or calibration, or that is a results directory
     * ({@code manifest.json} in it) whose own report this one would replace: any but the one directory
     * reported (a comparison goes beside the sets it compares, never into one of them).
     */
    static void check(Path directory, List<Path> inputs) throws ReportException {
        if (Files.isRegularFile(directory.resolve("manifest.json"))
                && !(inputs.size() == 1 && WorkDirectory.sameDirectory(directory, inputs.get(0)))) {
            boolean among = inputs.stream().anyMatch(i -> WorkDirectory.sameDirectory(directory, i));
            throw new ReportException("--out " + directory + (among ? " is one of the results directories compared" : " is another"
                    + " results directory (it holds manifest.json)") + ": a report written there would replace that directory's"
                    + " own report; choose a new or empty --out" + (among ? "" : ", or the directory being reported"));
        }
        check(directory);
    }

    /** {@link #check(Path, List)} but for other results directories: checked again as the directory is opened. */
    static void check(Path directory) throws ReportException {
        for (Path part : directory) {
            if (part.toString().equals("..")) {
                throw new ReportException("output path " + directory + " contains '..'; give a path without '..'");
            }
        }
        Path dir = directory.toAbsolutePath().normalize();
        if (dir.getFileName() == null || directory.toString().isEmpty()) {
            throw new ReportException("output path '" + directory + "' names no directory");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ReportException("output path " + directory + " is a file; --out takes a directory");
        }
        Path work = WorkDirectory.workFor(dir);
        if (Files.isDirectory(work)) {
            // a live command's work directory is being written, not interrupted: say so before anything else
            WorkDirectory probe = null;
            try {
                probe = WorkDirectory.tryAcquire(work).orElse(null);
                if (probe == null) {
                    throw beingWritten(directory);
                }
            } catch (IOException e) {
                // not ours to lock (another user's work directory, say): what it holds still says what it is
            } finally {
                if (probe != null) {
                    close(probe);
                }
            }
            refuseInterrupted(work, directory);
        }
    }

    private static ReportException beingWritten(Path directory) {
        return new ReportException(directory + " is being written by another crisis process; wait for it to finish"
                + " or choose another --out");
    }

    /**
     * Refuses the {@code --out} of an interrupted sweep or calibration: it finishes only into a
     * directory that is absent or empty, so a report written there would stop it at its end.
     */
    private static void refuseInterrupted(Path work, Path directory) throws ReportException {
        if (holdsFiles(directory)) {
            // a resume refuses an --out with anything in it, unless it is its own finished results (kept when a
            // session was killed while cleaning up): a report beside those harms nothing
            return;
        }
        try {
            WorkDirectory.refuseInterrupted(work, directory);
        } catch (OutputUnavailableException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }

    /**
     * Opens (creating if needed) the output directory, which this process holds locked
     * ({@link WorkDirectory}, the lock of every command that writes a directory) until closed,
     * so two reports, or a report and a run, never write the same directory at once. The
     * {@code --out} of an interrupted sweep or calibration, which the lock no longer guards
     * once its process is gone, is refused.
     */
    static ReportOutput open(Path directory) throws ReportException {
        check(directory);
        Path dir = directory.toAbsolutePath().normalize();
        WorkDirectory lock;
        try {
            lock = WorkDirectory.tryAcquire(WorkDirectory.workFor(dir)).orElse(null);
        } catch (IOException e) {
            throw new ReportException("cannot create output directory " + directory + " (" + e.getMessage() + ")", e);
        }
        if (lock == null) {
            throw beingWritten(directory);
        }
        try {
            refuseInterrupted(lock.path(), directory);
        } catch (ReportException e) {
            close(lock);
            throw e;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            close(lock);
            throw new ReportException("cannot create output directory " + directory + " (" + e.getMessage() + ")", e);
        }
        return new ReportOutput(dir, lock);
    }

    /** Whether {@code directory} exists and holds anything (check has refused a file there). */
    private static boolean holdsFiles(Path directory) throws ReportException {
        try {
            return WorkDirectory.occupied(directory);
        } catch (IOException e) {
            throw new ReportException("cannot read output directory " + directory + " (" + e.getMessage() + ")", e);
        }
    }

    /** Releases the directory. */
    @Override
    public void close() {
        close(lock);
    }

    private static void close(WorkDirectory lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }

    Path directory() {
        return directory;
    }

    /**
     * Where a report goes when no {@code --out} is given: one results directory's report goes into
     * it; a comparison of several goes into a directory of its own beside the first, named after
     * them ({@code compare-a-vs-b}, or {@code compare-a-vs-3-more}), so that it never overwrites
     * the report and tables the first set's own report wrote there.
     */
    static Path defaultFor(List<Path> directories) {
        Path first = WorkDirectory.withoutParentSteps(directories.get(0));
        if (directories.size() == 1) {
            return first;
        }
        List<String> names = new ArrayList<>();
        for (Path d : directories) {
            Path name = d.toAbsolutePath().normalize().getFileName();
            names.add(safeName(name == null ? "results" : name.toString()));
        }
        String joined = directories.size() <= 3 ? String.join("-vs-", names)
                : names.get(0) + "-vs-" + (names.size() - 1) + "-more";
        Path parent = first.toAbsolutePath().normalize().getParent();
        String dir = "compare-" + joined;
        return parent == null ? Path.of(dir) : parent.resolve(dir);
    }

    /** A file name made safe: anything but letters, digits, '.', '-', '_' becomes '_'. */
    static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        while (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        return s.isEmpty() ? "_" : s;
    }

    /** The path of {@code name} inside the directory; refused if it would leave it. */
    Path resolve(String name) throws ReportException {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new ReportException("refusing output file name '" + name + "'");
        }
        Path p = directory.resolve(name).normalize();
        if (!p.getParent().equals(directory)) {
            throw new ReportException("refusing output file " + p + " outside " + directory);
        }
        return p;
    }

    Path write(String name, String content) throws ReportException {
        Path target = resolve(name);
        Path tmp = null;
        try {
            tmp = directory.resolve(".report-" + Long.toHexString(System.nanoTime()) + "-" + name + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(target);
            return target;
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f ? WorkDirectory.describe(f) : e.getMessage();
            throw new ReportException("cannot write " + target + " (" + why + ")"
                    + (e instanceof java.nio.file.AccessDeniedException ? "; give --out a directory you can write" : ""), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move succeeded or the write failed; nothing more to do
                }
            }
        }
    }

    List<Path> written() {
        return List.copyOf(written);
    }

    /**
     * Writes the page {@code name} after its tables (every {@link #write} before it), naming them in
     * its head, then removes the tables the page it replaces named and this one did not write again
     * (those of another kind of report, or of another results set, that would otherwise be read as
     * this one's). A page written before pages named their tables removes nothing.
     */
    Path writePage(String name, String html) throws ReportException {
        Path target = resolve(name);
        List<String> before = new ArrayList<>();
        if (Files.isRegularFile(target)) {
            try (java.io.BufferedReader r = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
                // the head comes first: the meta element is within its first lines
                for (int i = 0; i < 20; i++) {
                    String line = r.readLine();
                    if (line == null) {
                        break;
                    }
                    java.util.regex.Matcher m = TABLES.matcher(line);
                    if (m.find()) {
                        before.addAll(List.of(m.group(1).split(" ")));
                        break;
                    }
                }
            } catch (IOException e) {
                // an unreadable earlier page names nothing to remove
            }
        }
        List<String> now = written.stream().map(p -> p.getFileName().toString()).toList();
        // after the character set, which a browser looks for in the first 1024 bytes
        String meta = "<meta name=\"crisis-tables\" content=\"" + String.join(" ", now) + "\">";
        String anchor = html.contains(CHARSET) ? CHARSET : "<head>";
        Path page = write(name, html.replaceFirst(java.util.regex.Pattern.quote(anchor),
                java.util.regex.Matcher.quoteReplacement(anchor + "\n" + meta)));
        for (String old : before) {
            // only a table a report writes (never a results file, a page, or anything the page's list was edited to name),
            // a regular file, not one this report wrote in another case
            boolean table = TABLE.matcher(old).matches() && now.stream().noneMatch(old::equalsIgnoreCase);
            Path file = directory.resolve(old);
            if (table && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new ReportException("cannot remove " + directory.resolve(old) + ", a table of the report this one"
                            + " replaces (" + e.getMessage() + ")", e);
                }
            }
        }
        return page;
    }

    private static final String CHARSET = "<meta charset=\"utf-8\">";
    /** The names of the tables reports write: report-*.csv, comparison-*.csv, and discovery's trajectory.csv and box.csv. */
    private static final Pattern TABLE = Pattern.compile("(report|comparison)-[a-z0-9-]+\\.csv|trajectory\\.csv|box\\.csv");
    private static final Pattern TABLES = Pattern.compile("<meta name=\"crisis-tables\" content=\"([^\"]*)\">");
}
