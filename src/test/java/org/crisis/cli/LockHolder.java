package org.crisis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crisis.io.WorkDirectory;

/**
 * A process that holds the work-directory locks of output directories, as a crisis command
 * writing them does, until its standard input closes: {@code LockHolder DIR...} prints
 * "locked" once it holds them all, each with a file {@code partial.csv} in it as a command's
 * half-written output.
 */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        List<WorkDirectory> held = new ArrayList<>();
        try {
            for (String a : args) {
                Path target = Path.of(a);
                WorkDirectory w = WorkDirectory.acquire(WorkDirectory.workFor(target), target);
                held.add(w);
                Files.writeString(w.path().resolve("partial.csv"), "half-written\n");
            }
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the locks until the test closes our input
            }
        } finally {
            for (WorkDirectory w : held) {
                w.removeAndRelease();
            }
        }
    }
}
