package org.crisis.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The results directories under src/test/resources/report (see its README). */
final class Fixtures {
    private Fixtures() {}

    static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/report/" + name + "/manifest.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a fixture, so a report written into it does not touch the originals. */
    static Path copy(String name, Path into) {
        Path target = into.resolve(name);
        try (Stream<Path> files = Files.list(dir(name))) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
