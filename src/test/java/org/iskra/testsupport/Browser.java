package org.iskra.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, with axe-core (from npm, see package.json) for accessibility.
 * On a laptop without Chromium the browser tests skip themselves; in CI a missing browser is a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser open() {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.exists(AXE);
        if (!available && ci) {
            throw new IllegalStateException("CI needs " + CHROMIUM + ", " + CHROMEDRIVER + " and " + AXE + " (.ci/run installs them)");
        }
        Assumptions.assumeTrue(available, "Chromium, chromedriver or axe-core missing: browser tests skipped outside CI");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=390,844");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The WCAG 2 A and AA violations axe-core finds on the current page, each as "rule: nodes". */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        try {
            script(Files.readString(AXE));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    /**
     * The errors the page logged to the console since the last call (a refused resource, a header the browser
     * does not understand, a script error): browsers' audits count each against the page.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .toList();
    }

    public void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
