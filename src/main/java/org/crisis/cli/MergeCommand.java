package org.crisis.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crisis.experiment.SweepMerge;
import org.crisis.io.WorkDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis merge}: joins the shard directories of a sweep (docs/SWEEPS.md, "Shards"). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the shards of a sweep into one results directory.",
            "The shards are the directories of crisis sweep --shard I/N; the result holds the "
                + "runs.csv, points.csv and sensitivity.csv one machine would have written. Refuses shards "
                + "of different sweeps, an incomplete set and unfinished shards (exit 2).",
            ""})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Finished shard directories, all N of them.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: results/NAME-TIMESTAMP). Must not exist or be empty.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> command = CommandLines.of("merge");
        if (out != null) {
            WorkDirectory.checkOut(out, "--out"); // before anything is read or written
        }
        // refusals (SweepRunner.Refused, InvalidInputException, OutputUnavailableException) exit 2, I/O errors 1 (Main)
        SweepMerge.Result r = SweepMerge.merge(dirs, out, Path.of("results"), command, Main.version());
        System.out.printf("merged %d shard%s: %d runs%n", r.shards(), r.shards() == 1 ? "" : "s", r.runs());
        if (r.failed() > 0) {
            System.out.printf("failed runs: %d of %d (status 'failed' in runs.csv)%n", r.failed(), r.runs());
        }
        Main.builds("crisis merge", "shards", r.versions());
        System.out.println("results: " + r.directory());
        return r.failed() > 0 ? 1 : 0;
    }
}
