package vn.gov.sonla.tdkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * Headless Chromium (Debian's /usr/bin/chromium and /usr/bin/chromedriver) driven by Selenium, as a person
 * uses the application: Vietnamese browser, one window, steps that each leave a screenshot in
 * target/screenshots (and, when they fail, the page's HTML), axe-core for accessibility.
 *
 * <p>Without Chromium the browser tests are skipped, unless {@code TDKT_BROWSER_TESTS=required} (set by
 * .ci/run), in which case they fail.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Paths.get(System.getProperty("tdkt.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Paths.get(System.getProperty("tdkt.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  final ChromeDriver driver;
  final String base;
  final Path downloads;
  private final Path profile;
  private final String prefix;
  private int stepNo;

  /** Skips (or, where required, fails) when Chromium or ChromeDriver is missing. */
  static void requireChromium() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "required".equalsIgnoreCase(System.getenv("TDKT_BROWSER_TESTS"))) {
      throw new AssertionError("TDKT_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing: apt-get install chromium chromium-driver");
    }
    Assumptions.assumeTrue(installed, "Chromium is not installed: browser tests skipped");
  }

  Browser(String base, String prefix, String language) {
    this.base = base;
    this.prefix = prefix;
    try {
      this.profile = Files.createTempDirectory("tdkt-chromium-");
      this.downloads = Files.createTempDirectory("tdkt-downloads-");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + language, "--window-size=1366,1000");
    options.setExperimentalOption("prefs", Map.of(
        "intl.accept_languages", language.equals("vi") ? "vi-VN,vi" : language,
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
        "downloadPath", downloads.toString(), "eventsEnabled", false));
  }

  // ------------------------------------------------------------------ steps and evidence

  /** Runs one step of the journey; a screenshot after it, and the page's HTML as well when it fails. */
  void step(String name, Runnable action) {
    String file = String.format("%s-%02d-%s", prefix, ++stepNo, name);
    try {
      action.run();
      screenshot(file);
    } catch (RuntimeException | AssertionError e) {
      screenshot(file + "-FAILED");
      try {
        Files.writeString(SCREENSHOTS.resolve(file + "-FAILED.html"), driver.getPageSource(), StandardCharsets.UTF_8);
        StringBuilder console = new StringBuilder(driver.getCurrentUrl()).append('\n');
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
            .forEach(entry -> console.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
        Files.writeString(SCREENSHOTS.resolve(file + "-FAILED-console.log"), console, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException ignored) {
        // the screenshot and the failure itself are what matter
      }
      throw e;
    }
  }

  void screenshot(String file) {
    try {
      // a prefix such as "auditor/home" files the role's screenshots in its own folder
      Files.createDirectories(SCREENSHOTS.resolve(file + ".png").getParent());
      Files.write(SCREENSHOTS.resolve(file + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // a screenshot that cannot be taken must not hide the step's own outcome
    }
  }

  // ------------------------------------------------------------------ navigation

  void open(String path) {
    driver.get(base + path);
  }

  WebDriverWait waiting(int seconds) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(200));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  <T> T until(Function<WebDriver, T> condition) {
    return waiting(60).until(condition);
  }

  /**
   * Waits for a Camunda webapp to show the element. Seen now and then on a loaded machine: the app does not
   * start (the browser refuses its scripts for the page's CSP nonce, see the console log); as a person would,
   * the page is reloaded, at most twice, each time leaving a screenshot.
   */
  void waitForWebapp(By ready) {
    for (int attempt = 1; ; attempt++) {
      try {
        waiting(25).until(ExpectedConditions.visibilityOfElementLocated(ready));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
        screenshot(prefix + "-webapp-reload-" + (++reloads));
        driver.navigate().refresh();
      }
    }
  }

  private int reloads;

  WebElement visible(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return until(ExpectedConditions.elementToBeClickable(by));
  }

  void click(By by) {
    WebElement element = clickable(by);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException e) {
      ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }
  }

  void type(By by, String text) {
    WebElement element = visible(by);
    element.clear();
    element.sendKeys(text);
  }

  void waitForText(By by, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  org.openqa.selenium.WebDriver driver() {
    return driver;
  }

  String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  static By text(String tag, String text) {
    return By.xpath("//" + tag + "[normalize-space(.)=" + literal(text) + "]");
  }

  static By containing(String tag, String text) {
    return By.xpath("//" + tag + "[contains(normalize-space(.), " + literal(text) + ")]");
  }

  static String literal(String s) {
    if (!s.contains("'")) {
      return "'" + s + "'";
    }
    return "concat('" + s.replace("'", "', \"'\", '") + "')";
  }

  // ------------------------------------------------------------------ login

  /** Signs in on the one login page, ending any earlier session first. */
  void login(String user, String password) {
    open("/login");
    driver.manage().deleteAllCookies();
    open("/login");
    type(By.id("username"), user);
    type(By.id("password"), password);
    click(By.id("login-submit"));
    until(d -> !d.getCurrentUrl().contains("/login"));
  }

  // ------------------------------------------------------------------ accessibility and layout

  /** axe-core on the current page: no serious or critical violation (WCAG 2.1 A and AA rules). */
  void assertAccessible(String page) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
    List<Rule> bad = results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
    assertThat(bad).as("serious or critical accessibility violations on %s: %s", page, bad.stream()
        .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream()
            .map(n -> String.valueOf(n.getTarget())).toList()).toList()).isEmpty();
  }

  /** The page at a phone's width (390 px): a screenshot, and nothing wider than the screen. */
  void atPhoneWidth(String name, Runnable check) {
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      driver.navigate().refresh();
      check.run();
      Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
          "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
      screenshot(prefix + "-390px-" + name);
      assertThat(overflow).as("horizontal overflow at 390 px on %s", name).isLessThanOrEqualTo(1L);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  Object asyncScript(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  @Override
  public void close() {
    driver.quit();
    deleteQuietly(profile);
    deleteQuietly(downloads);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temporary directory
    }
  }
}
