package org.crisis.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crisis.io.Provenance;
import org.crisis.observe.Outcome;
import org.crisis.scenario.ScenarioJson;
import org.crisis.scenario.StateRecords;

/** The manifest.json of a sweep's results (docs/SWEEPS.md, "Results"). */
final class SweepManifest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SweepManifest() {}

    /** Name of the manifest's object of SHA-256s of the result files, which merge verifies. */
    static final String FILES = "files";

    /**
     * Records the SHA-256 of each result file of a directory (runs.csv, points.csv...), so that
     * a file changed after it was written (edited, truncated, swapped) is recognised.
     */
    static void files(ObjectNode manifest, Path dir) throws IOException {
        ObjectNode files = manifest.putObject(FILES);
        List<Path> list = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            s.forEach(list::add);
        }
        list.sort(null);
        for (Path f : list) {
            if (!f.getFileName().toString().equals("manifest.json")) {
                files.put(f.getFileName().toString(), Hashing.sha256(f));
            }
        }
    }

    /** Everything but the results and timings, which the caller adds. */
    static ObjectNode of(Sweep sweep, SweepShard shard, List<String> command, String version, int threads) {
        ObjectNode m = F.objectNode();
        m.put("tool", "crisis");
        m.put("version", version);
        m.set("runtime", Provenance.runtime());
        ArrayNode c = m.putArray("command");
        command.forEach(c::add);
        ObjectNode s = m.putObject("sweep");
        s.put("file", sweep.file().toString());
        s.put("sha256", sweep.fileSha256());
        s.put("name", sweep.name());
        s.put("description", sweep.description());
        s.put("design", sweep.design().key());
        if (sweep.design().sampled()) {
            s.put("samples", sweep.samples());
        }
        if (sweep.design() == Design.MORRIS) {
            s.put("levels", sweep.levels());
            s.put("delta", Designs.morrisDelta(sweep.levels()));
        }
        s.put("points", sweep.pointCount());
        s.put("replications", sweep.replications());
        s.put("runs", sweep.runCount());
        s.put("master_seed", sweep.seed());
        s.put("common_random_numbers", sweep.commonRandomNumbers());
        s.put("seed_rule", sweep.commonRandomNumbers()
                ? "replication r uses SplitMix64(master_seed + (r + 1) * 0x9E3779B97F4A7C15) at every point (common random numbers)"
                : "point p, replication r uses derive(derive(master_seed, p), r) with derive(m, k) = SplitMix64(m + (k + 1) * 0x9E3779B97F4A7C15)");
        s.put("run_number", "point * replications + replication");
        ArrayNode factors = s.putArray("vary");
        for (SweepFactor f : sweep.factors()) {
            ObjectNode n = DottedPaths.describe(factors.addObject(), f.path(), f.column(), f.integer());
            if (f.isRange()) {
                n.put("min", f.min());
                n.put("max", f.max());
                if (sweep.design() == Design.GRID) {
                    ArrayNode levels = n.putArray("levels");
                    f.gridLevels().forEach(l -> levels.add(SweepFactor.text(l)));
                }
            } else {
                ArrayNode values = n.putArray("values");
                f.values().forEach(v -> values.add(SweepFactor.text(v)));
            }
        }
        ArrayNode outcomes = s.putArray("outcomes");
        for (Outcome o : sweep.outcomes()) {
            ObjectNode n = outcomes.addObject();
            n.put("name", o.name());
            o.describe().forEach(n::put);
        }
        if (sweep.design().sensitivity()) {
            ObjectNode a = s.putObject("sensitivity");
            a.put("method", sweep.design() == Design.SOBOL
                    ? "Saltelli 2010 first-order, Jansen 1999 total-order; point value = mean over replications"
                    : "Morris 1991 elementary effects in the unit cube, mu* of Campolongo et al. 2007; point value = mean over replications");
            a.put("bootstrap", SensitivitySobol.BOOTSTRAP);
            a.put("bootstrap_seed", sweep.bootstrapSeed());
        }
        ObjectNode sc = m.putObject("scenario");
        sc.put("file", sweep.scenarioFile().toString());
        sc.put("sha256", sweep.scenarioSha256());
        sc.put("resolved_sha256", sweep.resolvedScenarioSha256());
        sc.set("resolved", ScenarioJson.toJson(sweep.scenario()));
        // the states' records the runs read where recordWeight is on (docs/MODEL.md 3.5): the table changes as the library grows
        m.putObject("state_records").put("sha256", StateRecords.shipped().sha256());
        ObjectNode sh = m.putObject("shard");
        sh.put("index", shard.index());
        sh.put("count", shard.count());
        sh.put("runs", shard.runs(sweep.runCount()));
        m.put("threads", threads);
        return m;
    }
}
