package org.bangfu.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium as a county office's browser: Chinese first, Beijing time, a desk's window. */
public final class Chromium {

  public static final String BINARY = "/usr/bin/chromium";
  public static final String DRIVER = "/usr/bin/chromedriver";

  private Chromium() {
  }

  public static WebDriver start() {
    System.setProperty("webdriver.chrome.driver", DRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1000", "--lang=zh-CN");
    // a browser of a Chinese county office: Chinese first
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    try {
      options.addArguments("--user-data-dir=" + Files.createTempDirectory("bangfu-chromium-"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    // a county office's browser runs on Beijing time (Tasklist shows dates in the browser's zone)
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
    return new ChromeDriver(service, options);
  }
}
