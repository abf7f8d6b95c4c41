package org.crisis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.crisis.io.Provenance;
import org.crisis.io.WorkDirectory;

/**
 * What the resumable commands' directories ({@link SweepDirectory}, {@link CalibrationDirectory})
 * share: the locked work directory {@code .NAME.incomplete} with copies of the inputs in
 * {@code inputs/}, where the results go, the staging directory {@code final/} that is renamed
 * into place when they are complete, and the file operations this takes. Each subclass decides
 * what identifies its work for resuming, how it opens and how its results are committed.
 */
abstract class JournaledDirectory implements Closeable {
    static final String INPUTS = "inputs";
    static final String STAGING = "final";
    /** The identity's field naming the states' records table the work reads (docs/MODEL.md 3.5). */
    static final String RECORDS = "state_records_sha256";
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    final Path work;
    final Path target;
    /** The target was named with --out: never write elsewhere. */
    final boolean explicit;
    final boolean resumed;
    /** The results already exist (a previous session finished but was killed while cleaning up). */
    final boolean finished;
    final Instant started;
    /**
     * The builds that have worked on it, each once, in the order they came (the identity file's {@code versions}); set by
     * {@link #recordBuild} when the directory is opened.
     */
    private List<String> builds = List.of();
    /** The work directory, held locked as every command that writes a directory holds its own. */
    private final WorkDirectory owned;

    JournaledDirectory(WorkDirectory owned, Path target, boolean explicit, boolean resumed, boolean finished,
            Instant started) {
        this.owned = owned;
        this.work = owned.path();
        this.target = target;
        this.explicit = explicit;
        this.resumed = resumed;
        this.finished = finished;
        this.started = started;
    }

    /**
     * Adds this build to those the identity file records as having worked on the work (an identity written before the
     * field names its {@code version} alone), and writes the identity back when it is new to it.
     */
    void recordBuild(Path identityFile, ObjectNode identity, String version) throws IOException {
        List<String> seen = new ArrayList<>();
        identity.path("versions").forEach(v -> seen.add(v.asText()));
        if (seen.isEmpty() && !identity.path("version").asText().isEmpty()) {
            seen.add(identity.path("version").asText());
        }
        if (!seen.contains(version)) {
            seen.add(version);
            ArrayNode list = identity.putArray("versions");
            seen.forEach(list::add);
            writeIdentity(identityFile, identity);
        }
        builds = List.copyOf(seen);
    }

    /** Names in the manifest every build that worked on the work ({@code session_versions}) when there was more than one. */
    void recordSessions(ObjectNode manifest) {
        if (builds.size() > 1) {
            ArrayNode list = manifest.putArray("session_versions");
            builds.forEach(list::add);
        }
    }

    /**
     * When other builds worked on resumed work (their versions, with their commits, differ from this one's), what to tell
     * the user; else empty. Not refused: a rebuild after a change to the docs alone changes the commit too.
     */
    Optional<String> otherBuilds(String command, String version) {
        List<String> others = builds.stream().filter(b -> !b.equals(version)).toList();
        if (!resumed || others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(command + ": the work resumed was done in part by "
                + String.join(", ", others.stream().map(Provenance::named).toList()) + " and goes on with "
                + Provenance.named(version) + ": if the model's code differs between them, the results mix"
                + " them (manifest.json's session_versions names each)");
    }

    /** Where the results go: {@code --out}, else {@code ROOT/BASE-yyyyMMdd-HHmmss} stamped with the start. */
    static Path target(Path out, Path resultsRoot, String base, Instant started) {
        return out != null ? out : resultsRoot.resolve(base + "-" + STAMP.format(started));
    }

    /**
     * Whether {@code --out} is in the way: it exists and is not an empty directory, and the work
     * is not being resumed (a resumed run's {@code --out} is its own: it may already hold the
     * results, if the last session was killed while cleaning up; {@link #resumedOutInTheWay}
     * checks it once the results are known not to be there).
     */
    static boolean outInTheWay(Path out, boolean unfinished, SweepRunner.Mode mode) throws IOException {
        return out != null && (!unfinished || mode == SweepRunner.Mode.RESTART) && WorkDirectory.occupied(out);
    }

    /**
     * Why the unfinished {@code what} (a sweep, a calibration) in {@code work} is not resumed
     * when its {@code --out} is in the way and does not hold its results: the results go only
     * into an absent or empty {@code --out}, and it is better said before the work than after.
     * Null if {@code --out} is free. {@code units} are what giving it up loses (runs, evaluations).
     */
    static String resumedOutInTheWay(String what, String units, Path work, Path out) throws IOException {
        if (out == null || !WorkDirectory.occupied(out)) {
            return null;
        }
        Path staged = work.resolve(STAGING);
        boolean complete = Files.isRegularFile(staged.resolve("manifest.json"));
        return out + " already exists and is not an empty directory, and the interrupted " + what + " in " + work
                + " puts its results only into an absent or empty --out"
                + (complete ? " (they are complete, in " + staged + ")" : "") + ". Move what is in " + out
                + " elsewhere and run the same command again to " + (complete ? "put them there" : "resume it")
                + ", or remove " + work + " to give up its " + units;
    }

    /**
     * Why the finished results of {@code what} (a sweep, a calibration) were not moved into
     * {@code --out}: something was put there while it ran (it was checked absent or empty at
     * the start). The results stay in the work directory, which the same command resumes.
     */
    static String appeared(String what, Path out, Path staged) {
        return out + " appeared while the " + what + " ran and is not empty; the results are complete, in " + staged
                + ". Move what is in " + out + " elsewhere and run the same command again to put them there";
    }

    /** Why {@code --resume} is refused when there is no unfinished {@code what} (a sweep, a calibration) in {@code work}. */
    static String nothingToResume(String what, Path work, Path out) {
        return "nothing to resume: no unfinished " + what + " in " + work
                + (out == null ? " (give the same --out as the interrupted " + what + ", if it had one)" : "");
    }

    /**
     * Why a file differs, for {@link #cannotResume}: another file of the same name was started there
     * (two files whose results share a work directory), or the same file changed since.
     */
    static String fileDiffers(String kind, String found, String wanted, String detail) {
        if (anotherFile(found, wanted)) {
            return "it was started from another " + kind + " file, " + found + " (this is " + wanted
                    + "; to run this one beside it, give it its own --out)";
        }
        return "the " + kind + " file changed since it started (" + wanted + detail + ")";
    }

    /**
     * Why an unfinished work cannot resume with this build's states' records table, for
     * {@link #cannotResume}, or null; a work started before the table was recorded resumes as before.
     */
    static String recordsChanged(JsonNode found, JsonNode wanted) {
        if (!found.has(RECORDS) || found.path(RECORDS).asText().equals(wanted.path(RECORDS).asText())) {
            return null;
        }
        return "the states' records table changed since it started (the case library the build ships grew or changed:"
                + " a different build of crisis?); finish it with the build that started it";
    }

    /** Whether {@code found}, the file an unfinished work was started from, is another file than {@code wanted}. */
    static boolean anotherFile(String found, String wanted) {
        // a file since moved or renamed is not known to be another: it is read as this one changed, as before
        return !found.isEmpty() && !found.equals(wanted) && Files.exists(Path.of(found)) && !sameFile(found, wanted);
    }

    /**
     * Why the unfinished {@code what} in {@code work} is not resumed when it was started from another
     * file: it is another piece of work, not this one changed, so starting over (which would discard it) is
     * not offered; this one needs its own {@code --out}, and that one resumes from its own file.
     */
    /**
     * Why the unfinished work recorded in {@code identityFile} is another's, not this {@code what}'s to
     * resume or to discard (even with {@code --restart}): it was started from another file, whose path
     * the identity keeps under {@code fileKey}; null if it is this one's.
     */
    static String othersWork(String what, String fileKey, Path identityFile, JsonNode wanted, Path work, Path out)
            throws IOException {
        String found = JSON.readTree(identityFile.toFile()).path(fileKey).asText();
        String file = wanted.path(fileKey).asText();
        return anotherFile(found, file) ? anotherWork(what, work, out, found, file) : null;
    }

    static String anotherWork(String what, Path work, Path out, String found, String wanted) throws IOException {
        String where = out != null ? "--out holds" : work + " (where " + what + "s of this name without --out keep their work) holds";
        return where + " an unfinished " + what + " started from another " + what + " file, " + found + " (this is "
                + wanted + "): give this " + what + " its own --out. To finish that one, run it again from " + found
                + (out != null ? " with the same --out" : " as it was started") + "; to give it up, remove " + work + " (its "
                + SweepJournal.segments(work).size() + " journal segment(s))";
    }

    private static boolean sameFile(String a, String b) {
        try {
            return Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException | RuntimeException e) {
            return false; // one of them is gone or unreadable: they cannot be told to be the same
        }
    }

    /** Why the unfinished {@code what} in {@code work} is not resumed: what changed, and how to go on. */
    static String cannotResume(String what, Path work, List<String> why) throws IOException {
        return "cannot resume the unfinished " + what + " in " + work + ": " + String.join("; ", why)
                + ". Restore what changed (its files, or the options it was started with) to resume it, or start over with --restart"
                + " (which discards its " + SweepJournal.segments(work).size() + " journal segment(s)).";
    }

    /** Writes an identity file into a temporary file renamed over it, so that a kill never leaves half of one. */
    static void writeIdentity(Path file, ObjectNode identity) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), identity);
        move(tmp, file);
    }

    /** A fresh staging directory for the final files, with the inputs. */
    Path staging() throws IOException {
        Path s = work.resolve(STAGING);
        if (Files.exists(s)) {
            delete(s);
        }
        Files.createDirectories(s);
        copyTree(work.resolve(INPUTS), s.resolve(INPUTS));
        return s;
    }

    /** Releases the work directory, which keeps the journal of unfinished work. */
    @Override
    public void close() throws IOException {
        owned.close();
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes everything in {@code dir} but the entries named {@code keep}. */
    static void deleteAllBut(Path dir, String... keep) throws IOException {
        List<String> kept = List.of(keep);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!kept.contains(p.getFileName().toString())) {
                    delete(p);
                }
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
