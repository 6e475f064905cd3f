package org.paragrade.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}), driven by
 * Selenium with both paths given, so Selenium Manager never tries to download anything.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    final WebDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        try {
            this.profile = Files.createTempDirectory("paragrade-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    WebElement await(String css, Duration timeout) {
        return new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(250))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Logs in through the login page's own form, as a person would. */
    void login(String user, String password) {
        open("/login");
        find("#j_username").sendKeys(user);
        find("#j_password").sendKeys(password);
        find("form[action='/j_security_check'] button[type=submit]").click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !path().startsWith("/login"));
    }

    /** A screenshot of the whole page (the window is stretched to the page's height first). */
    void screenshot(String name) {
        try {
            Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight");
            int h = Math.min(6000, Math.max(900, ((Number) height).intValue() + 140));
            driver.manage().window().setSize(new Dimension(1280, h));
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
            driver.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
