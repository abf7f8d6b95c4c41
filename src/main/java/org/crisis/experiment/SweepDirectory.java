package org.crisis.experiment;

import org.crisis.io.OutputUnavailableException;
import org.crisis.io.WorkDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisis.scenario.StateRecords;

/**
 * Where a sweep lives while it runs and where its results go (docs/SWEEPS.md, "Resume").
 * The work directory {@code .NAME.incomplete} next to the results holds {@code sweep.json}
 * (what is being swept: SHA-256s of the sweep file, the scenario file and the resolved
 * scenario, the shard, the start time), copies of both input files, the journal segments
 * and a lock. Finished results are assembled in {@code final/} inside it and renamed into
 * place in one step, then the work directory is removed.
 *
 * <p>Without {@code --out} the work directory is {@code results/.SWEEPNAME.incomplete}
 * (with {@code -shard-I-of-N} for a shard), so the same command finds it again, and the
 * results go to {@code results/SWEEPNAME-yyyyMMdd-HHmmss} stamped with the sweep's start.
 */
final class SweepDirectory extends JournaledDirectory {
    static final String IDENTITY = WorkDirectory.SWEEP;

    private SweepDirectory(WorkDirectory owned, Path target, boolean explicit, boolean resumed, boolean finished,
            Instant started) {
        super(owned, target, explicit, resumed, finished, started);
    }

    static SweepDirectory open(Sweep sweep, SweepShard shard, Path out, Path resultsRoot, SweepRunner.Mode mode, String version)
            throws IOException, SweepRunner.Refused {
        String base = sweep.name() + (shard.all() ? "" : "-" + shard.label());
        if (out != null) {
            WorkDirectory.checkOut(out, "--out");
        }
        Path work = out != null ? WorkDirectory.workFor(out) : resultsRoot.toAbsolutePath().resolve("." + base + ".incomplete");
        WorkDirectory w = WorkDirectory.tryAcquire(work).orElseThrow(() -> new OutputUnavailableException(
                "another crisis process is writing " + work + "; wait for it to finish"
                        + (out == null ? "" : " or choose another --out")));
        try {
            WorkDirectory.refuseInterruptedCalibration(work, out); // not ours to clear, even with --restart
            boolean unfinished = Files.isRegularFile(work.resolve(IDENTITY));
            if (outInTheWay(out, unfinished, mode)) {
                throw new OutputUnavailableException(ResultsDirectory.inTheWay(out));
            }
            if (mode == SweepRunner.Mode.RESUME && !unfinished) {
                throw new SweepRunner.Refused(nothingToResume("sweep", work, out));
            }
            ObjectNode wanted = identity(sweep, shard, version);
            Path identityFile = work.resolve(IDENTITY);
            String others = unfinished ? othersWork("sweep", "sweep_file", identityFile, wanted, work, out) : null;
            if (others != null) {
                throw new SweepRunner.Refused(others);
            }
            if (unfinished && mode != SweepRunner.Mode.RESTART) {
                JsonNode found = JSON.readTree(identityFile.toFile());
                List<String> why = differences(found, wanted);
                if (!why.isEmpty()) {
                    throw new SweepRunner.Refused(cannotResume("sweep", work, why));
                }
                Instant started = Instant.parse(found.path("started").asText());
                Path target = target(out, resultsRoot, base, started);
                boolean finished = isFinished(target, found);
                String inTheWay = finished ? null : resumedOutInTheWay("sweep", "runs", work, out);
                if (inTheWay != null) {
                    throw new OutputUnavailableException(inTheWay);
                }
                SweepDirectory d = new SweepDirectory(w, target, out != null, true, finished, started);
                if (!finished) { // finished work is only moved into place: no build works on it again
                    d.recordBuild(identityFile, (ObjectNode) found, version);
                }
                return d;
            }
            w.clear();
            Instant started = Instant.now();
            wanted.put("started", started.toString());
            Path inputs = Files.createDirectories(work.resolve(INPUTS));
            Files.copy(sweep.file(), inputs.resolve(sweep.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Path scenarioCopy = Files.createDirectories(inputs.resolve("scenario"));
            Files.copy(sweep.scenarioFile(), scenarioCopy.resolve(sweep.scenarioFile().getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            writeIdentity(identityFile, wanted);
            SweepDirectory d = new SweepDirectory(w, target(out, resultsRoot, base, started), out != null, false, false, started);
            d.recordBuild(identityFile, wanted, version);
            return d;
        } catch (IOException | SweepRunner.Refused | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** What identifies a sweep for resuming. */
    static ObjectNode identity(Sweep sweep, SweepShard shard, String version) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sweep_file", sweep.file().toAbsolutePath().normalize().toString()); // where it was, whatever the directory
        o.put("sweep_sha256", sweep.fileSha256());
        o.put("scenario_file", sweep.scenarioFile().toString());
        o.put("scenario_sha256", sweep.scenarioSha256());
        o.put("resolved_scenario_sha256", sweep.resolvedScenarioSha256());
        o.put(JournaledDirectory.RECORDS, StateRecords.shipped().sha256());
        o.put("shard", shard.toString());
        o.put("runs", sweep.runCount());
        o.put("version", version);
        return o;
    }

    private static List<String> differences(JsonNode found, JsonNode wanted) {
        List<String> why = new ArrayList<>();
        if (!found.path("sweep_sha256").asText().equals(wanted.path("sweep_sha256").asText())) {
            why.add(JournaledDirectory.fileDiffers("sweep", found.path("sweep_file").asText(), wanted.path("sweep_file").asText(),
                    ": SHA-256 was " + abbreviate(found.path("sweep_sha256").asText()) + ", now "
                    + abbreviate(wanted.path("sweep_sha256").asText())));
        }
        String scenarioWas = found.path("scenario_file").asText();
        if (anotherFile(scenarioWas, wanted.path("scenario_file").asText())) {
            why.add("it was started with another scenario file, " + scenarioWas + " (this sweep's is "
                    + wanted.path("scenario_file").asText() + ")");
        } else if (!found.path("scenario_sha256").asText().equals(wanted.path("scenario_sha256").asText())) {
            why.add("the scenario file changed since it started (" + wanted.path("scenario_file").asText() + ": SHA-256 was "
                    + abbreviate(found.path("scenario_sha256").asText()) + ", now " + abbreviate(wanted.path("scenario_sha256").asText()) + ")");
        } else if (!found.path("resolved_scenario_sha256").asText().equals(wanted.path("resolved_scenario_sha256").asText())) {
            why.add("the resolved scenario changed since it started (the model's defaults differ: a different version of crisis?)");
        }
        if (!found.path("shard").asText().equals(wanted.path("shard").asText())) {
            why.add("it is shard " + found.path("shard").asText() + ", not " + wanted.path("shard").asText());
        }
        String records = JournaledDirectory.recordsChanged(found, wanted);
        if (records != null) {
            why.add(records);
        }
        if (why.isEmpty() && found.path("runs").asLong() != wanted.path("runs").asLong()) {
            why.add("it has " + found.path("runs").asLong() + " runs, this sweep " + wanted.path("runs").asLong());
        }
        return why;
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }

    private static boolean isFinished(Path target, JsonNode identity) throws IOException {
        Path manifest = target.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        JsonNode m = JSON.readTree(manifest.toFile());
        String shard = m.path("shard").path("index").asInt() + "/" + m.path("shard").path("count").asInt();
        return m.path("sweep").path("sha256").asText().equals(identity.path("sweep_sha256").asText())
                && shard.equals(identity.path("shard").asText())
                && m.path("timings").path("started").asText().equals(identity.path("started").asText());
    }

    /**
     * Moves the staged results into place and removes the work directory; returns where they
     * went. A default (time-stamped) name that exists, or that another process is writing, gets
     * a suffix -2, -3...; the name is held locked while the results move there.
     */
    Path commit() throws IOException {
        Path staged = work.resolve(STAGING);
        if (explicit) {
            if (Files.isDirectory(target) && isEmpty(target)) {
                Files.delete(target);
            }
            if (Files.exists(target)) {
                throw new OutputUnavailableException(appeared("sweep", target, staged));
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            move(staged, target);
            removeWork();
            return target;
        }
        for (int k = 1; k <= 10_000; k++) {
            Path destination = k == 1 ? target : target.resolveSibling(target.getFileName() + "-" + k);
            if (Files.exists(destination)) {
                continue;
            }
            Optional<WorkDirectory> reservation = WorkDirectory.tryAcquire(WorkDirectory.workFor(destination));
            if (reservation.isEmpty()) {
                continue;
            }
            try (WorkDirectory r = reservation.get()) {
                if (Files.exists(destination) || !r.isEmpty()) {
                    continue;
                }
                move(staged, destination);
            }
            removeWork();
            return destination;
        }
        throw new OutputUnavailableException("no free name for the results beside " + target + "; the results are in " + staged);
    }

    /** Removes the work directory of a sweep whose results are already in place. */
    void removeWork() throws IOException {
        // sweep.json goes last: a kill in the middle leaves a directory still recognised as finished
        deleteAllBut(work, IDENTITY, WorkDirectory.LOCK);
        Files.deleteIfExists(work.resolve(IDENTITY));
        close();
    }
}
