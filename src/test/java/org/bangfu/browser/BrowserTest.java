package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A role's day in real headless Chromium (Debian's chromium and chromedriver) against the application on MariaDB:
 * each test opens its own browser, as a zh-CN county office would, and leaves screenshots in target/screenshots.
 * The pages are driven through page objects ({@link TasklistPage}).
 */
abstract class BrowserTest extends MariaDbIntegrationTest {

  static final String CHROMIUM = org.bangfu.testing.Chromium.BINARY;
  static final String CHROMEDRIVER = org.bangfu.testing.Chromium.DRIVER;
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** Each role's main page as the test run saw it, linked from the README. */
  static final Path DOC_SCREENSHOTS = Path.of("docs", "screenshots");

  @LocalServerPort
  protected int port;
  @Autowired
  protected RepositoryService repositoryService;
  @Autowired
  protected TaskService taskService;
  @Autowired
  protected JdbcTemplate jdbc;

  protected WebDriver browser;
  protected WebDriverWait wait;
  protected TasklistPage tasklist;

  @BeforeEach
  void needsChromium() throws IOException {
    assertThat(new File(CHROMIUM)).as("Chromium is needed: apt-get install -y chromium chromium-driver").exists();
    assertThat(new File(CHROMEDRIVER)).as("ChromeDriver is needed: apt-get install -y chromium-driver").exists();
    assertThat(new File("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))
        .as("a CJK font is needed for Chinese to render: apt-get install -y fonts-noto-cjk").exists();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  protected void openBrowser() {
    browser = org.bangfu.testing.Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    tasklist = new TasklistPage(browser, wait, "http://localhost:" + port);
  }

  /** Part of a role's day in the browser. */
  @FunctionalInterface
  protected interface Steps {
    void run() throws Exception;
  }

  /**
   * Opens a browser for part of a role's day, leaves target/screenshots/failure-{name}.png when a step fails, and
   * closes the browser either way.
   */
  protected void inBrowser(String name, Steps steps) throws Exception {
    openBrowser();
    try {
      steps.run();
    } catch (Exception | AssertionError e) {
      screenshot("failure-" + name);
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }
  }

  /** The id of the user's open task at this step of the case (through the API, as the user). */
  protected String taskId(String user, String businessKey, String step) {
    return api.tasks(user, businessKey).stream().filter(t -> step.equals(t.get("taskDefinitionKey")))
        .map(t -> (String) t.get("id")).findFirst().orElseThrow(() -> new AssertionError(user + " has no " + step));
  }

  /** Waits until the case reaches the step for the user, then shows Tasklist's list again. */
  protected String awaitTask(String user, String bk, String step) {
    wait.until(d -> api.tasks(user, bk).stream().anyMatch(t -> step.equals(t.get("taskDefinitionKey"))));
    // back to the list, where the new task appears
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    return taskId(user, bk, step);
  }

  /** A phone's screen (390 × 844), as a village cadre works. */
  protected void phoneWidth() {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
  }

  /**
   * The page as a phone shows it: at 390 px, opened again by {@code reopen}, nothing wider than the screen (named
   * {@code what} in the failure); then back to a desk's width.
   */
  protected void fitsAPhone(String what, Runnable reopen) {
    phoneWidth();
    browser.navigate().refresh();
    reopen.run();
    assertThat(tasklist.overflow()).as(what + " at 390 px").isEmpty();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
  }

  /** A screenshot for the project's documentation (docs/screenshots), written on every run. */
  protected void docScreenshot(String name) {
    try {
      Files.createDirectories(DOC_SCREENSHOTS);
      Files.write(DOC_SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected void screenshot(String name) {
    if (browser == null) {
      return;
    }
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource());
    } catch (IOException | RuntimeException e) {
      // a missing screenshot must not hide the real failure
    }
  }
}
