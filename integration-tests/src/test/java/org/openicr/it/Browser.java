package org.openicr.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's chromium and chromedriver; nothing is downloaded), sized like a
 * 1280x800 ward workstation.
 */
final class Browser implements AutoCloseable {

    final WebDriver driver;
    private final WebDriverWait wait;

    Browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("icr.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,800",
                "--user-data-dir=" + Files.createTempDirectory("icr-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("icr.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String relative) {
        driver.get(TestEnvironment.baseUrl().resolve(relative).toString());
    }

    WebElement waitFor(By by) {
        return wait.until(d -> replacedMeansNotYet(
                () -> ExpectedConditions.visibilityOfElementLocated(by).apply(d)));
    }

    /** Waits (20 s at most) until a condition on the page holds. */
    <T> T wait(java.util.function.Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void waitForText(By by, String text) {
        wait.until(d -> replacedMeansNotYet(() ->
                ExpectedConditions.textToBePresentInElementLocated(by, text).apply(d)));
    }

    /**
     * A condition read again later when the element was replaced (an Ajax update) between finding
     * it and reading it: Selenium says "stale", but Chromium at times says "Node with given id does
     * not belong to the document" instead, which the conditions do not expect.
     */
    private static <T> T replacedMeansNotYet(java.util.function.Supplier<T> condition) {
        try {
            return condition.get();
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return null;
            }
            throw e;
        }
    }

    void signIn(String username, String password) {
        open("login.xhtml");
        waitFor(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
    }

    /** PrimeFaces keeps the real select hidden behind its menu; choosing there is what the menu does. */
    void select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id + "_input"))).selectByValue(value);
    }

    String page() {
        return driver.getPageSource();
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("icr.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core (and its best practices are left out). */
    static final java.util.List<String> WCAG_TAGS =
            java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    /**
     * Runs axe-core (Deque's, injected into the page) over the page as it is now and answers its
     * critical and serious violations, one line each: "rule (impact) target: help". Saves a
     * screenshot named {@code name} too, so that a failure can be seen.
     */
    java.util.List<String> accessibilityViolations(String name) throws IOException {
        screenshot("a11y-" + name);
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                // Legacy mode runs axe-core in the page itself: the default opens a blank window to
                // gather frame results, which failed now and then on a loaded machine ("switchToWindow
                // failed"). The one frame we show is a document, whose own page is checked as well.
                .setLegacyMode(true)
                .withTags(WCAG_TAGS)
                .analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core failed on " + name + ": " + results.getErrorMessage());
        }
        java.util.List<String> found = new java.util.ArrayList<>();
        for (com.deque.html.axecore.results.Rule rule : results.getViolations()) {
            if (!"critical".equals(rule.getImpact()) && !"serious".equals(rule.getImpact())) {
                continue;
            }
            for (com.deque.html.axecore.results.CheckedNode node : rule.getNodes()) {
                String html = String.valueOf(node.getHtml());
                found.add(name + ": " + rule.getId() + " (" + rule.getImpact() + ") " + node.getTarget() + ": "
                        + rule.getHelp() + " - " + html.substring(0, Math.min(html.length(), 160)));
            }
        }
        return found;
    }

    /** Fails, listing every one (rule, target), if axe-core finds a critical or serious violation. */
    void checkAccessibility(String name) throws IOException {
        java.util.List<String> found = accessibilityViolations(name);
        if (!found.isEmpty()) {
            throw new AssertionError(
                    found.size() + " critical or serious accessibility violations:\n" + String.join("\n", found));
        }
    }

    /** Resizes the window (a phone is 390x844 or 360x740, a tablet 768x1024). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The viewport's inner width and the page's full width: equal when nothing scrolls sideways. */
    long[] widths() {
        @SuppressWarnings("unchecked")
        java.util.List<Number> both = (java.util.List<Number>) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return [window.innerWidth, document.documentElement.scrollWidth];");
        return new long[] {both.get(0).longValue(), both.get(1).longValue()};
    }

    /** Lets the browser save downloads into a fresh directory, which it answers. */
    Path allowDownloads() throws IOException {
        Path dir = Files.createTempDirectory("icr-downloads");
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        java.util.Map.of("behavior", "allow", "downloadPath", dir.toString()));
        return dir;
    }

    /** Waits (20 s at most) for a finished download whose name ends with {@code suffix} in {@code dir}. */
    static Path downloaded(Path dir, String suffix) throws IOException, InterruptedException {
        // Chromium may create the file under its final name, empty, before it writes the content to a
        // .crdownload file and renames that over it: the download is done when no .crdownload is left
        // and the file is not empty and no longer growing.
        long lastSize = -1;
        for (int i = 0; i < 100; i++) {
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                java.util.List<Path> all = files.toList();
                boolean inProgress =
                        all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
                java.util.Optional<Path> done = all.stream()
                        .filter(f -> f.getFileName().toString().endsWith(suffix))
                        .findFirst();
                if (done.isPresent() && !inProgress) {
                    long size = Files.size(done.get());
                    if (size > 0 && size == lastSize) {
                        return done.get();
                    }
                    lastSize = size;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No complete download ending with " + suffix + " in " + dir);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
