package org.crisis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisis.io.OutputUnavailableException;
import org.crisis.io.WorkDirectory;
import org.crisis.scenario.StateRecords;

/**
 * Where a calibration lives while it runs and where its results go (docs/CALIBRATION.md,
 * "Resume"), as for sweeps: the work directory {@code .NAME.incomplete} next to the results
 * holds {@code calibration.json} (what is being calibrated: SHA-256s of the calibration file
 * and of every case, the folds, the start time), copies of the inputs, the journal segments
 * and a lock. Finished results are assembled in {@code final/} and renamed into place in one
 * step, then the work directory is removed.
 *
 * <p>Without {@code --out} the work directory is {@code results/.NAME.incomplete} (with
 * {@code -folds-K} or {@code -fold-I-of-K}), so the same command finds it again, and the
 * results go to {@code results/NAME-yyyyMMdd-HHmmss} stamped with the calibration's start.
 */
final class CalibrationDirectory extends JournaledDirectory {
    static final String IDENTITY = WorkDirectory.CALIBRATION;

    private CalibrationDirectory(WorkDirectory owned, Path target, boolean explicit, boolean resumed, boolean finished,
            Instant started) {
        super(owned, target, explicit, resumed, finished, started);
    }

    static CalibrationDirectory open(Calibration c, CalibrationFolds folds, Path out, Path resultsRoot,
            SweepRunner.Mode mode, String version) throws IOException, CalibrationRunner.Refused {
        String base = c.name() + folds.label();
        if (out != null) {
            WorkDirectory.checkOut(out, "--out");
        }
        Path work = out != null ? WorkDirectory.workFor(out)
                : resultsRoot.resolve("." + base + ".incomplete");
        boolean unfinished = Files.isRegularFile(work.resolve(IDENTITY));
        if (outInTheWay(out, unfinished, mode)) {
            throw new CalibrationRunner.Refused(ResultsDirectory.inTheWay(out));
        }
        if (mode == SweepRunner.Mode.RESUME && !unfinished) {
            throw new CalibrationRunner.Refused(nothingToResume("calibration", work, out));
        }
        WorkDirectory owned = WorkDirectory.tryAcquire(work).orElse(null);
        if (owned == null) {
            throw new CalibrationRunner.Refused("another crisis calibrate is writing " + work + "; wait for it to finish");
        }
        try {
            WorkDirectory.refuseInterruptedSweep(work, out); // not ours to clear, even with --restart
            ObjectNode wanted = identity(c, folds, version);
            Path identityFile = work.resolve(IDENTITY);
            String others = Files.isRegularFile(identityFile)
                    ? othersWork("calibration", "calibration_file", identityFile, wanted, work, out) : null;
            if (others != null) {
                throw new CalibrationRunner.Refused(others);
            }
            if (Files.isRegularFile(identityFile) && mode != SweepRunner.Mode.RESTART) {
                JsonNode found = JSON.readTree(identityFile.toFile());
                List<String> why = differences(found, wanted);
                if (!why.isEmpty()) {
                    throw new CalibrationRunner.Refused(cannotResume("calibration", work, why));
                }
                Instant started = Instant.parse(found.path("started").asText());
                Path target = target(out, resultsRoot, base, started);
                boolean finished = isFinished(target, found);
                String inTheWay = finished ? null : resumedOutInTheWay("calibration", "evaluations", work, out);
                if (inTheWay != null) {
                    throw new CalibrationRunner.Refused(inTheWay);
                }
                CalibrationDirectory d = new CalibrationDirectory(owned, target, out != null, true, finished, started);
                if (!finished) { // finished work is only moved into place: no build works on it again
                    d.recordBuild(identityFile, (ObjectNode) found, version);
                }
                return d;
            }
            deleteAllBut(work, WorkDirectory.LOCK);
            Instant started = Instant.now();
            wanted.put("started", started.toString());
            Path inputs = Files.createDirectories(work.resolve(INPUTS));
            Files.copy(c.file(), inputs.resolve(c.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Path cases = Files.createDirectories(inputs.resolve("cases"));
            for (CalibrationCase x : c.cases()) {
                Files.copy(x.file(), cases.resolve(inputName(x)), StandardCopyOption.REPLACE_EXISTING);
            }
            writeIdentity(identityFile, wanted);
            CalibrationDirectory d = new CalibrationDirectory(owned, target(out, resultsRoot, base, started), out != null, false, false, started);
            d.recordBuild(identityFile, wanted, version);
            return d;
        } catch (IOException | CalibrationRunner.Refused | RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    /** The name of a case's copy in {@code inputs/cases/}: its (unique) case name with the file's extension. */
    static String inputName(CalibrationCase c) {
        String f = c.file().getFileName().toString();
        return c.name() + f.substring(f.lastIndexOf('.'));
    }

    /** What identifies a calibration for resuming (the budget is not part of it: a resume may extend it). */
    static ObjectNode identity(Calibration c, CalibrationFolds folds, String version) {
        ObjectNode o = JSON.createObjectNode();
        o.put("calibration_file", c.file().toAbsolutePath().normalize().toString()); // where it was, whatever the directory
        o.put("calibration_sha256", c.fileSha256());
        ArrayNode cases = o.putArray("cases");
        for (CalibrationCase x : c.cases()) {
            identity(cases.addObject(), x);
        }
        o.put("folds", folds.toString());
        o.put(JournaledDirectory.RECORDS, StateRecords.shipped().sha256());
        o.put("version", version);
        return o;
    }

    /** A case as it identifies a calibration: its name, file, and the SHA-256 of the file and of the resolved scenario. */
    static ObjectNode identity(ObjectNode n, CalibrationCase x) {
        n.put("name", x.name());
        n.put("file", x.file().toString());
        n.put("sha256", x.sha256());
        n.put("resolved_sha256", x.resolvedSha256());
        return n;
    }

    private static List<String> differences(JsonNode found, JsonNode wanted) {
        List<String> why = new ArrayList<>();
        if (!found.path("calibration_sha256").asText().equals(wanted.path("calibration_sha256").asText())) {
            why.add(JournaledDirectory.fileDiffers("calibration", found.path("calibration_file").asText(),
                    wanted.path("calibration_file").asText(), ""));
        }
        List<String> was = new ArrayList<>();
        found.path("cases").forEach(n -> was.add(n.path("name").asText() + " " + n.path("sha256").asText() + " "
                + n.path("resolved_sha256").asText()));
        List<String> now = new ArrayList<>();
        wanted.path("cases").forEach(n -> now.add(n.path("name").asText() + " " + n.path("sha256").asText() + " "
                + n.path("resolved_sha256").asText()));
        if (!was.equals(now)) {
            List<String> changed = new ArrayList<>();
            for (JsonNode n : wanted.path("cases")) {
                boolean same = false;
                for (JsonNode m : found.path("cases")) {
                    same |= m.path("name").asText().equals(n.path("name").asText())
                            && m.path("sha256").asText().equals(n.path("sha256").asText())
                            && m.path("resolved_sha256").asText().equals(n.path("resolved_sha256").asText());
                }
                if (!same) {
                    changed.add(n.path("name").asText());
                }
            }
            why.add("the cases changed since it started" + (changed.isEmpty() ? " (a case was removed)"
                    : " (new or changed: " + String.join(", ", changed) + "; a changed resolved case means other model defaults)"));
        }
        if (!found.path("folds").asText().equals(wanted.path("folds").asText())) {
            why.add("it ran " + found.path("folds").asText() + ", not " + wanted.path("folds").asText());
        }
        String records = JournaledDirectory.recordsChanged(found, wanted);
        if (records != null) {
            why.add(records);
        }
        return why;
    }

    private static boolean isFinished(Path target, JsonNode identity) throws IOException {
        Path manifest = target.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        JsonNode m = JSON.readTree(manifest.toFile());
        return m.path("calibration").path("sha256").asText().equals(identity.path("calibration_sha256").asText())
                && m.path("folds").path("run").asText().equals(identity.path("folds").asText())
                && m.path("timings").path("started").asText().equals(identity.path("started").asText());
    }

    /** Moves the staged results into place and removes the work directory; returns where they went. */
    Path commit() throws IOException {
        Path destination = target;
        if (Files.isDirectory(destination) && isEmpty(destination)) {
            Files.delete(destination);
        }
        if (explicit && Files.exists(destination)) {
            throw new OutputUnavailableException(appeared("calibration", destination, work.resolve(STAGING)));
        }
        for (int k = 2; Files.exists(destination); k++) {
            destination = target.resolveSibling(target.getFileName() + "-" + k);
        }
        Files.createDirectories(destination.toAbsolutePath().getParent());
        move(work.resolve(STAGING), destination);
        removeWork();
        return destination;
    }

    /** Removes the work directory (its identity file last). */
    void removeWork() throws IOException {
        close();
        deleteAllBut(work, IDENTITY);
        delete(work);
    }
}
