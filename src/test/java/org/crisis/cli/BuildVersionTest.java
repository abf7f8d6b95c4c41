package org.crisis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The commit a jar was built from, as the version's build metadata (Main.version). */
class BuildVersionTest {

    @Test
    void aCommitIsShortenedAndADirtyTreeSaid() {
        assertEquals("+0acffeffd04e", Main.build("0acffeffd04ea7ec72f1f53dabcfc4bcbe1b43d4", "false"));
        assertEquals("+0acffeffd04e.dirty", Main.build("0acffeffd04ea7ec72f1f53dabcfc4bcbe1b43d4", "true"));
    }

    @Test
    void aBuildOutsideAGitCloneAddsNothing() {
        // Maven leaves an unresolved property as written when there is no .git
        assertEquals("", Main.build("${git.commit.id}", "${git.dirty}"));
        assertEquals("", Main.build(null, null));
        assertEquals("", Main.build("", "false"));
    }
}
