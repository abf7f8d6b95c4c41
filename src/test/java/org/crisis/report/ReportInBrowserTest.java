package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.crisis.io.CsvTable;
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
        logs.enable(LogType.PERFORMANCE, Level.ALL); // the DevTools network events: what the page requested
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
    @ValueSource(strings = {"base", "base,dove", "grid", "sobol", "grid,grid"})
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
     * The replay of the run-set report, driven as a reader would: the slider moved by keys
     * shows, on each day asked, each pair's level as the run's files have it (trajectories.csv
     * for tracked pairs, events.csv level_after for the others) and the day's events with the
     * events they answer; Play advances the days and Pause stops them; another run in the list
     * shows that run; hovering the grievance fan chart shows the day's median from ensemble.csv
     * and hovering the timeline an event. The page logs nothing, requests nothing but itself,
     * and its policy lets no other script run.
     */
    @org.junit.jupiter.api.Test
    void replayMovesPlaysStopsAndChartsShowValuesOnHover() throws Exception {
        Path dir = Fixtures.dir("base");
        Report.Written w = Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("replay")));
        String html = Files.readString(w.html());
        browser.manage().logs().get(LogType.PERFORMANCE); // earlier pages' requests
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(w.html().toUri().toString());
        JavascriptExecutor js = browser;

        // the script ran (its hash is the one the policy allows): the replay shows, the note for readers without it does not
        assertEquals(Boolean.FALSE, js.executeScript("return document.getElementById('replay-view').hidden"));
        assertEquals(Boolean.TRUE, js.executeScript("return document.getElementById('replay-fallback').hidden"));
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find(), "an inline script");
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(html.contains("script-src 'sha256-" + hash + "'"), "the policy allows exactly this script");
        assertFalse(script.find(), "one script only");

        org.openqa.selenium.WebElement slider = browser.findElement(org.openqa.selenium.By.id("replay-day"));
        org.openqa.selenium.WebElement runs = browser.findElement(org.openqa.selenium.By.id("replay-run"));
        int run = Integer.parseInt(runs.findElement(org.openqa.selenium.By.cssSelector("option:checked")).getText()
                .replaceAll("^run (\\d+):.*", "$1"));
        RunFiles files = new RunFiles(dir, run);
        int last = files.lastDay();
        assertEquals(Integer.toString(last), slider.getAttribute("max"), "the slider ends on the run's last day");

        // the start: the scenario's relations (PER-MEX listed DOWNGRADED, PER-VEN not listed)
        slider.sendKeys(org.openqa.selenium.Keys.HOME);
        assertEquals("DOWNGRADED", level(js, "PER", "MEX"));
        assertEquals("NORMAL", level(js, "PER", "VEN"));
        assertTrue(text(js, "replay-when").startsWith("start"), text(js, "replay-when"));

        // a day on which an event changed a pair's level, and the day before it: the network follows the files
        int changed = files.firstChangeAfter(0);
        assertTrue(changed > 1, "the fixture's run changes a level after day 1");
        slider.sendKeys(org.openqa.selenium.Keys.HOME);
        for (int d = -1; d < changed - 1; d++) {
            slider.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        }
        assertEquals(changed - 1, Integer.parseInt(slider.getAttribute("value")));
        Map<String, String> before = edges(js);
        files.assertNetwork(before, changed - 1);
        slider.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        Map<String, String> after = edges(js);
        files.assertNetwork(after, changed);
        assertFalse(before.equals(after), "the network changes on day " + changed + ": " + before + " then " + after);
        assertTrue(text(js, "replay-when").startsWith("day " + changed + ", "), text(js, "replay-when"));
        // the day's events, each with the events it answers
        List<String> listed = texts(js, "#replay-events > ol > li");
        assertEquals(files.eventsOn(changed).size(), listed.size(), "events of day " + changed + ": " + listed);
        for (String[] e : files.eventsOn(changed)) {
            String item = listed.stream().filter(l -> l.startsWith(e[0] + " \u2192 " + e[1] + "  " + e[2])).findFirst()
                    .orElseThrow(() -> new AssertionError(e[2] + " of day " + e[3] + " not listed: " + listed));
            if (!e[4].isEmpty()) {
                String[] cause = files.event(e[4]);
                assertTrue(item.contains("answers day " + cause[3]) && item.contains(cause[2]), "its cause: " + item);
            }
        }
        // the grievance of a tracked pair sets its width and its hover text
        Number g = (Number) js.executeScript("return +document.querySelector('#replay-svg line.edge[data-pair=\"PER-MEX\"]')"
                + ".getAttribute('data-grievance')");
        assertEquals(files.grievance("PER", "MEX", changed), g.doubleValue(), 1e-4);

        // the end of the run
        slider.sendKeys(org.openqa.selenium.Keys.END);
        files.assertNetwork(edges(js), last);

        // play, then pause: the days advance, then stand still
        slider.sendKeys(org.openqa.selenium.Keys.HOME);
        org.openqa.selenium.WebElement play = browser.findElement(org.openqa.selenium.By.id("replay-play"));
        play.click();
        assertEquals("true", play.getAttribute("aria-pressed"));
        long until = System.currentTimeMillis() + 5_000;
        while (Integer.parseInt(slider.getAttribute("value")) < 5 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        play.click();
        assertEquals("false", play.getAttribute("aria-pressed"));
        int stopped = Integer.parseInt(slider.getAttribute("value"));
        assertTrue(stopped >= 5, "playing moves the days on: day " + stopped);
        files.assertNetwork(edges(js), stopped);
        Thread.sleep(600);
        assertEquals(stopped, Integer.parseInt(slider.getAttribute("value")), "paused");

        // another run of the list: its own network
        List<org.openqa.selenium.WebElement> options = runs.findElements(org.openqa.selenium.By.tagName("option"));
        assertTrue(options.size() >= 2, "median, most and least escalated runs offered");
        org.openqa.selenium.WebElement other = options.get(options.size() - 1);
        int otherRun = Integer.parseInt(other.getText().replaceAll("^run (\\d+):.*", "$1"));
        assertTrue(otherRun != run);
        other.click();
        assertTrue(text(js, "replay-summary").startsWith("Run " + otherRun + ","), text(js, "replay-summary"));
        slider.sendKeys(org.openqa.selenium.Keys.END);
        new RunFiles(dir, otherRun).assertNetwork(edges(js), new RunFiles(dir, otherRun).lastDay());

        // hover: the fan chart of PER-MEX in the middle of its plot, then a mark of the timeline
        Map<String, Object> at = hoverPoint(js, "fan-PER-MEX", 0.5, 0.5);
        String tip = hover(at);
        Matcher day = Pattern.compile("^day (\\d+), (\\d{4}-\\d{2}-\\d{2})").matcher(tip);
        assertTrue(day.find(), tip);
        int d = Integer.parseInt(day.group(1));
        Matcher median = Pattern.compile("PER against MEX, median: ([0-9.]+)").matcher(tip);
        assertTrue(median.find(), tip);
        assertEquals(files.ensemble("PER", "MEX", d, "grievance_ab_q50"), Double.parseDouble(median.group(1)), 0.0015, tip);
        assertEquals(Boolean.TRUE, js.executeScript("return [...document.querySelectorAll('figure[data-chart=\"fan-PER-MEX\"] "
                + ".hover-guide')].some(l => l.style.display !== 'none')"), "a guide line on the day");
        String mark = hover(markPoint(js));
        assertTrue(mark.matches("(?s)^day \\d+.*(\u2192|scripted).*"), mark);

        // nothing logged, nothing requested but the page itself
        List<LogEntry> problems = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER).getAll()) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(e);
            }
        }
        assertTrue(problems.isEmpty(), "console errors or warnings: " + problems);
        List<String> requests = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            Matcher m = Pattern.compile("\"method\":\"Network.requestWillBeSent\".*?\"url\":\"([^\"]*)\"").matcher(e.getMessage());
            if (m.find()) {
                requests.add(m.group(1));
            }
        }
        assertEquals(List.of(w.html().toUri().toString()), requests.stream().distinct().toList(), "requests: " + requests);
        assertEquals(0L, js.executeScript("return performance.getEntriesByType('resource').length"));

        // the policy lets no other script run: one added to the page is refused (and says so on the console)
        js.executeScript("const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                + " document.body.appendChild(s);");
        assertEquals(Boolean.TRUE, js.executeScript("return window.injected === undefined"));
        assertTrue(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .anyMatch(e -> e.getMessage().contains("Content Security Policy")), "the refusal is logged");

        browser.manage().window().setSize(new Dimension(1280, 1000));
        js.executeScript("document.getElementById('replay').scrollIntoView()");
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve("replay.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Scenario text that closes a script element ({@code </script>} in a country's name, markup
     * in an event's label) stays text in the replay's data: nothing runs, the name shows as
     * written.
     */
    @org.junit.jupiter.api.Test
    void scenarioTextCannotBreakOutOfTheReplaysData() throws Exception {
        Path dir = Fixtures.copy("evil", tmp);
        String name = "</script><script>window.pwned = 1</script><!--";
        Path manifest = dir.resolve("manifest.json");
        String json = Files.readString(manifest);
        assertTrue(json.contains("\"name\" : \"VEN\""), "the fixture names VEN by its id");
        Files.writeString(manifest, json.replace("\"name\" : \"VEN\"",
                "\"name\" : " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(name)));
        Report.Written w = Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("evil-out")));
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(w.html().toUri().toString());
        JavascriptExecutor js = browser;
        assertEquals(Boolean.FALSE, js.executeScript("return document.getElementById('replay-view').hidden"), "the replay runs");
        assertEquals(Boolean.TRUE, js.executeScript("return window.pwned === undefined"));
        assertEquals(name, js.executeScript("return JSON.parse(document.getElementById('replay-data').textContent)"
                + ".countries.find(c => c[0] === 'VEN')[1]"));
        assertTrue(((String) js.executeScript("return document.querySelector('#replay-svg [data-country=\"VEN\"] title')"
                + ".textContent")).contains(name));
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertTrue(problems.isEmpty(), "console errors or warnings: " + problems);
    }

    /** The level of each edge of the replay's network, by pair as the page names it. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> edges(JavascriptExecutor js) {
        return (Map<String, String>) js.executeScript("const m = {}; document.querySelectorAll('#replay-svg line.edge')"
                + ".forEach(l => m[l.dataset.pair] = l.dataset.level); return m;");
    }

    private static String level(JavascriptExecutor js, String a, String b) {
        Map<String, String> e = edges(js);
        return e.getOrDefault(a + "-" + b, e.getOrDefault(b + "-" + a, "NORMAL"));
    }

    private static String text(JavascriptExecutor js, String id) {
        return (String) js.executeScript("return document.getElementById(arguments[0]).textContent", id);
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(JavascriptExecutor js, String selector) {
        return (List<String>) js.executeScript("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)",
                selector);
    }

    /** The page position of a point of a chart's data area, as fractions of its width and height. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> hoverPoint(JavascriptExecutor js, String chart, double fx, double fy) {
        return (Map<String, Object>) js.executeScript("""
                const svg = document.querySelector('figure[data-chart="' + arguments[0] + '"] svg');
                svg.scrollIntoView({block: 'center'});
                const h = JSON.parse(svg.getAttribute('data-hover'));
                const p = svg.createSVGPoint();
                p.x = h.a[0] + h.a[2] * arguments[1];
                p.y = h.a[1] + h.a[3] * arguments[2];
                const q = p.matrixTransform(svg.getScreenCTM());
                return {x: q.x, y: q.y};""", chart, fx, fy);
    }

    /** The page position of the first mark of the event timeline. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> markPoint(JavascriptExecutor js) {
        return (Map<String, Object>) js.executeScript("""
                const svg = document.querySelector('figure[data-chart="timeline"] svg');
                svg.scrollIntoView({block: 'center'});
                const h = JSON.parse(svg.getAttribute('data-hover'));
                const m = h.m[h.m.length - 1];
                const p = svg.createSVGPoint();
                p.x = h.a[0] + (m[0] - h.x[0]) / (h.x[1] - h.x[0]) * h.a[2];
                const f = (m[1] - h.y[0]) / (h.y[1] - h.y[0]);
                p.y = h.a[1] + (h.y[2] ? f : 1 - f) * h.a[3];
                const q = p.matrixTransform(svg.getScreenCTM());
                return {x: q.x, y: q.y};""");
    }

    /** Moves the pointer to a viewport position and returns the tooltip's text, lines joined by newlines. */
    private String hover(Map<String, Object> at) {
        new org.openqa.selenium.interactions.Actions(browser).moveToLocation((int) Math.round(number(at, "x")),
                (int) Math.round(number(at, "y"))).perform();
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const t = document.querySelector('.tip'); return t.hidden ? '' : [...t.children].map(c => c.textContent).join('\\n');");
    }

    /** One kept run as its files hold it, to check what the page shows against. */
    private static final class RunFiles {
        private final Path dir;
        private final CsvTable<ReportException> events;
        private final CsvTable<ReportException> trajectories;
        private final CsvTable<ReportException> ensemble;

        RunFiles(Path dir, int run) throws ReportException {
            this.dir = dir;
            String k = Integer.toString(run);
            events = CsvTable.read(dir.resolve("events.csv"), "run", k::equals, ReportException::new);
            trajectories = CsvTable.read(dir.resolve("trajectories.csv"), "run", k::equals, ReportException::new);
            ensemble = CsvTable.read(dir.resolve("ensemble.csv"), ReportException::new);
        }

        int lastDay() throws ReportException {
            int d = trajectories.column("day");
            int last = 0;
            for (int r = 0; r < trajectories.size(); r++) {
                last = Math.max(last, (int) trajectories.number(r, d));
            }
            return last;
        }

        /** The first day after {@code day} on which an event left its pair at another level than it found it. */
        int firstChangeAfter(int day) throws ReportException {
            int d = events.column("day");
            int before = events.column("level_before");
            int after = events.column("level_after");
            for (int r = 0; r < events.size(); r++) {
                if (events.number(r, d) > day && !events.text(r, after).isEmpty()
                        && !events.text(r, before).equals(events.text(r, after))) {
                    return (int) events.number(r, d);
                }
            }
            return -1;
        }

        /** Each event of a day: actor, target, type, day, cause. */
        List<String[]> eventsOn(int day) throws ReportException {
            List<String[]> out = new ArrayList<>();
            for (int r = 0; r < events.size(); r++) {
                if ((int) events.number(r, events.column("day")) == day) {
                    out.add(row(r));
                }
            }
            return out;
        }

        String[] event(String id) throws ReportException {
            for (int r = 0; r < events.size(); r++) {
                if (events.text(r, events.column("id")).equals(id)) {
                    return row(r);
                }
            }
            throw new AssertionError("no event " + id);
        }

        private String[] row(int r) throws ReportException {
            return new String[] {events.text(r, events.column("actor")), events.text(r, events.column("target")),
                events.text(r, events.column("type")), events.text(r, events.column("day")), events.text(r, events.column("cause"))};
        }

        /**
         * The page's network on {@code day} against the files: each tracked pair at its level in
         * trajectories.csv, every other pair at the level the last event between them left it
         * (events.csv level_after), or as the scenario lists it, and no other pair drawn.
         */
        void assertNetwork(Map<String, String> shown, int day) throws ReportException {
            Map<String, String> expected = new java.util.TreeMap<>();
            com.fasterxml.jackson.databind.JsonNode relations = Manifests.read(dir.resolve("manifest.json")).path("scenario")
                    .path("relations");
            for (com.fasterxml.jackson.databind.JsonNode r : relations) {
                expected.put(canonical(r.path("between").get(0).asText(), r.path("between").get(1).asText()),
                        r.path("level").asText("NORMAL"));
            }
            int d = events.column("day");
            for (int r = 0; r < events.size() && events.number(r, d) <= day; r++) {
                String after = events.text(r, events.column("level_after"));
                if (!after.isEmpty()) {
                    expected.put(canonical(events.text(r, events.column("actor")), events.text(r, events.column("target"))), after);
                }
            }
            for (int r = 0; r < trajectories.size(); r++) {
                if ((int) trajectories.number(r, trajectories.column("day")) == day) {
                    expected.put(canonical(trajectories.text(r, trajectories.column("a")), trajectories.text(r, trajectories.column("b"))),
                            trajectories.text(r, trajectories.column("level")));
                }
            }
            Map<String, String> seen = new java.util.TreeMap<>();
            shown.forEach((pair, level) -> {
                String[] ab = pair.split("-");
                seen.put(canonical(ab[0], ab[1]), level);
            });
            expected.values().removeIf("NORMAL"::equals);
            seen.values().removeIf("NORMAL"::equals);
            assertEquals(expected, seen, "pairs not at NORMAL at the end of day " + day);
        }

        double grievance(String a, String b, int day) throws ReportException {
            for (int r = 0; r < trajectories.size(); r++) {
                if ((int) trajectories.number(r, trajectories.column("day")) == day
                        && trajectories.text(r, trajectories.column("a")).equals(a)
                        && trajectories.text(r, trajectories.column("b")).equals(b)) {
                    return Math.max(trajectories.number(r, trajectories.column("grievance_ab")),
                            trajectories.number(r, trajectories.column("grievance_ba")));
                }
            }
            throw new AssertionError("no trajectory of " + a + "-" + b + " on day " + day);
        }

        double ensemble(String a, String b, int day, String column) throws ReportException {
            for (int r = 0; r < ensemble.size(); r++) {
                if ((int) ensemble.number(r, ensemble.column("day")) == day && ensemble.text(r, ensemble.column("a")).equals(a)
                        && ensemble.text(r, ensemble.column("b")).equals(b)) {
                    return ensemble.number(r, ensemble.column(column));
                }
            }
            throw new AssertionError("no ensemble row of " + a + "-" + b + " on day " + day);
        }

        private static String canonical(String a, String b) {
            return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
        }
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
