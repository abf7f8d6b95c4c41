package org.crisis.cli;

import java.util.ArrayList;
import java.util.List;

/** The arguments this process was started with, for manifests. */
final class CommandLines {
    private static List<String> args = List.of();

    private CommandLines() {}

    static void remember(String[] a) {
        args = List.of(a);
    }

    /** This process's command line as a manifest records it: "crisis", {@code subcommand}, then its arguments. */
    static List<String> of(String subcommand) {
        List<String> list = new ArrayList<>(List.of("crisis", subcommand));
        list.addAll(current());
        return list;
    }

    /** The arguments after the subcommand name. */
    static List<String> current() {
        List<String> list = new ArrayList<>(args);
        if (!list.isEmpty()) {
            list.remove(0);
        }
        return list;
    }
}
