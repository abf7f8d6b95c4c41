package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens generated reports in headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/install-browser installs): no console errors, every chart present and drawn, and a
 * full-page screenshot under target/report-browser/. Without Chromium the test is skipped, or
 * fails when the environment variable CI is set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {
    private static final Path SHOTS = Path.of("target", "report-browser");
    @TempDir
    Path tmp;
    private ChromeDriver browser;

    private String missing;
    private Path profile;

    @BeforeAll
    void openBrowser() throws Exception {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = executable("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            missing = "headless Chromium and chromedriver are not installed (run .ci/install-browser)";
            return;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        profile = Files.createTempDirectory("crisis-report-chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    /** Each test is skipped without a browser, or fails when CI is set. */
    @BeforeEach
    void needBrowser() {
        if (missing != null) {
            if (System.getenv("CI") != null) {
                fail(missing + "; CI is set, so the browser test must run");
            }
            Assumptions.assumeTrue(false, missing);
        }
    }

    @AfterAll
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (java.util.stream.Stream<Path> walk = Files.walk(profile)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (java.io.IOException e) {
                // Chromium may still be closing files; a stale profile in the temp directory is harmless
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "base,dove", "grid", "sobol"})
    void reportShowsEveryChartWithoutConsoleErrors(String fixtures) throws Exception {
        List<Path> dirs = java.util.Arrays.stream(fixtures.split(",")).map(Fixtures::dir).toList();
        String name = fixtures.replace(',', '-');
        Report.Written w = Report.write(dirs, ReportOptions.defaults().withOut(tmp.resolve(name)));
        String html = Files.readString(w.html());
        List<String> expected = new ArrayList<>();
        Matcher m = Pattern.compile("data-chart=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            expected.add(m.group(1));
        }
        assertTrue(expected.size() >= 4, "charts in the page: " + expected);

        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(w.html().toUri().toString());
        JavascriptExecutor js = browser;
        assertEquals("complete", js.executeScript("return document.readyState"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) js.executeScript("""
                return [...document.querySelectorAll('figure.chart')].map(f => {
                  const svg = f.querySelector('svg');
                  if (!svg) return {id: f.dataset.chart, svg: false};
                  const r = svg.getBoundingClientRect();
                  const box = svg.getBBox();
                  const marks = svg.querySelectorAll('path,line,polyline,polygon,rect,circle,ellipse').length;
                  const text = [...svg.querySelectorAll('text')].map(t => t.textContent).join(' ').trim();
                  return {id: f.dataset.chart, svg: true, width: r.width, height: r.height,
                          boxWidth: box.width, boxHeight: box.height, marks: marks, text: text.length};
                });""");
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> c : charts) {
            String id = (String) c.get("id");
            seen.add(id);
            assertTrue((Boolean) c.get("svg"), id + ": no svg");
            assertTrue(number(c, "width") > 150 && number(c, "height") > 100, id + ": too small on screen " + c);
            assertTrue(number(c, "boxWidth") > 100 && number(c, "boxHeight") > 80, id + ": nothing drawn " + c);
            assertTrue(number(c, "marks") >= 10, id + ": too few shapes " + c);
            assertTrue(number(c, "text") > 0, id + ": no text (title, axes, labels) " + c);
        }
        assertEquals(expected, seen, "every chart of the page is in the browser's document");

        List<LogEntry> problems = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER).getAll()) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(e);
            }
        }
        assertTrue(problems.isEmpty(), "console errors or warnings: " + problems);

        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 30_000)));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = SHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "screenshot " + target);
    }

    /**
     * A sweep of eleven varied values (as the shipped Sobol sweep has) gives the ranking table a
     * column each: at 1,300 px the table fits its box instead of running off the page.
     */
    @org.junit.jupiter.api.Test
    void aRankingTableOfElevenVariedValuesFitsTheWindow() throws Exception {
        Files.writeString(tmp.resolve("tiny.yaml"), """
                name: tiny
                days: 20
                countries:
                  - {id: AAA, sovereignty: 0.8}
                  - {id: BBB, ideology: {economic: -0.5}}
                events:
                  - {day: 0, type: ASYLUM_GRANT, actor: BBB, target: AAA}
                """);
        StringBuilder vary = new StringBuilder();
        for (String p : List.of("grievanceGain", "grievanceDecay", "observerGain", "rationality", "reciprocity", "audienceCost",
                "thresholdSever", "mediationEfficacy", "memory", "condemnationWeight", "sideWeight")) {
            vary.append("  parameters.").append(p).append(": { min: 1, max: 2 }\n");
        }
        Files.writeString(tmp.resolve("wide.yaml"), "scenario: tiny.yaml\ndesign: sobol\nsamples: 4\nreplications: 1\nvary:\n"
                + vary.toString().replace("grievanceDecay: { min: 1, max: 2 }", "grievanceDecay: { min: 0.01, max: 0.05 }")
                        .replace("mediationEfficacy: { min: 1, max: 2 }", "mediationEfficacy: { min: 0.01, max: 0.1 }")
                        .replace("memory: { min: 1, max: 2 }", "memory: { min: 15, max: 60 }")
                + "outcomes: [severed:AAA-BBB, lowestLevel:AAA-BBB]\n");
        Path out = tmp.resolve("wide");
        assertEquals(0, org.crisis.cli.Main.execute("sweep", tmp.resolve("wide.yaml").toString(), "--out", out.toString(),
                "--quiet", "--threads", "1"));
        Report.Written w = Report.write(List.of(out), ReportOptions.defaults());
        browser.manage().window().setSize(new Dimension(1300, 1000));
        browser.get(w.html().toUri().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const t = document.querySelector('table.ranking');
                return {columns: t.querySelectorAll('thead th').length, table: t.scrollWidth, box: t.parentElement.clientWidth, widths: [...t.querySelectorAll('thead th')].map(h => Math.round(h.getBoundingClientRect().width) + ':' + h.textContent).join(' | ')};""");
        assertEquals(16, number(t, "columns"), "rank, point, 11 varied values, mean, interval, runs");
        assertTrue(number(t, "table") <= number(t, "box") + 1, "the ranking table overflows its box at 1,300 px: " + t);
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static Optional<Path> executable(String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String n : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, n);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
