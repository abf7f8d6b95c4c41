package org.crisis.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's one script, {@code report.js} (hand-written, no library, no network): chart
 * values on hover and the replay of runs. Read from the jar with its line ends made plain
 * {@code \n} (as a browser reads an inline script), and hashed for the content security policy.
 */
final class ReportScript {
    private static final String TEXT = load();

    private ReportScript() {}

    static String text() {
        return TEXT;
    }

    /** {@code sha256-BASE64} of the script's UTF-8 text: the source the policy allows. */
    static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static String load() {
        try (InputStream in = ReportScript.class.getResourceAsStream("report.js")) {
            if (in == null) {
                throw new IllegalStateException("report.js is missing from the jar");
            }
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
            if (js.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new IllegalStateException("report.js must not contain </script");
            }
            return js;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read report.js", e);
        }
    }
}
