package org.crisis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit a jar was built from, as the version's build metadata (Main.version). */
class BuildVersionTest {
    @TempDir
    Path dir;

    @Test
    void aJarsOwnManifestGivesTheVersionAndTheCommit() throws Exception {
        String commit = "0acffeffd04ea7ec72f1f53dabcfc4bcbe1b43d4";
        assertEquals("0.1.0+0acffeffd04e", Main.version(jar("a.jar", "0.1.0", commit, "false")));
        assertEquals("0.1.0+0acffeffd04e.dirty", Main.version(jar("b.jar", "0.1.0", commit, "true")));
        // built outside a git clone: the manifest has no commit, and the version says nothing of one
        assertEquals("0.1.0", Main.version(jar("c.jar", "0.1.0", null, null)));
    }

    @Test
    void classesOutsideAJarAreADevelopmentBuild() throws Exception {
        assertEquals("dev", Main.version(dir));
        assertEquals("dev", Main.version((Path) null));
        assertEquals("dev", Main.version(jar("d.jar", null, "0acffeffd04ea7ec72f1f53dabcfc4bcbe1b43d4", "false")));
    }

    @Test
    void onlyAHexadecimalCommitIsBuildMetadata() {
        // an unresolved property, should Maven ever write one
        assertEquals("", Main.buildMetadata("${git.commit.id}", "${git.dirty}"));
        assertEquals("", Main.buildMetadata("", "false"));
        assertEquals("+abc", Main.buildMetadata("abc", "false"));
    }

    private Path jar(String name, String version, String commit, String dirty) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (version != null) {
            a.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        }
        if (commit != null) {
            a.putValue("Build-Commit", commit);
            a.putValue("Build-Dirty", dirty);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }
}
