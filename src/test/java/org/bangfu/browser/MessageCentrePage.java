package org.bangfu.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The message centre (/messages.html) and the county administrator's robots (/robots.html), as a user meets them. */
final class MessageCentrePage {

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String base;

  MessageCentrePage(WebDriver browser, WebDriverWait wait, String base) {
    this.browser = browser;
    this.wait = wait;
    this.base = base;
  }

  /** The message link in Tasklist's navigation bar, once it has read the unread count. */
  String tasklistLink() {
    WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bangfu-messages-link")));
    wait.until(d -> link.getText().contains("未读"));
    return link.getText();
  }

  void open() {
    browser.get(base + "/messages.html");
    wait.until(d -> !d.findElements(By.cssSelector("#list li")).isEmpty());
    wait.until(d -> !d.findElements(By.cssSelector("#choices tbody tr")).isEmpty());
  }

  /** The message whose text mentions this (a case number), as its list item. */
  WebElement message(String mentioning) {
    return wait.until(d -> d.findElements(By.cssSelector("#list li")).stream()
        .filter(li -> li.getText().contains(mentioning)).findFirst().orElse(null));
  }

  String settingsText() {
    return browser.findElement(By.id("settingsSection")).getText();
  }

  List<WebElement> channelBoxes(String channel) {
    return browser.findElements(By.cssSelector("#choices input[data-channel='" + channel + "']"));
  }

  /** Saves the settings with this mobile number and answers what the page says. */
  String saveMobile(String mobile) {
    WebElement field = browser.findElement(By.id("mobile"));
    field.clear();
    field.sendKeys(mobile);
    return result(() -> browser.findElement(By.id("saveSettings")).click());
  }

  void openRobots() {
    browser.get(base + "/robots.html");
    wait.until(d -> !d.findElements(By.cssSelector("#robots tbody tr, #result .message")).isEmpty());
  }

  /** Fills the robot form and saves it; answers the page's result line. */
  String addRobot(String channel, String name, String webhook, String secret) {
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("channel"))).selectByValue(channel);
    browser.findElement(By.id("name")).clear();
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("webhook")).clear();
    browser.findElement(By.id("webhook")).sendKeys(webhook);
    if (secret != null) {
      browser.findElement(By.id("secret")).sendKeys(secret);
    }
    return result(() -> browser.findElement(By.id("save")).click());
  }

  /** Clicks a robot's button (测试发送, 确认删除？…) in its row and answers the page's result line. */
  String robotButton(String robotName, String button) {
    return result(() -> clickRobotButton(robotName, button));
  }

  /** Clicks a robot's button that asks before it acts (删除 becomes 确认删除？). */
  void clickRobotButton(String robotName, String button) {
    By row = By.xpath("//table[@id='robots']//tr[td[normalize-space()='" + robotName + "']]");
    wait.until(ExpectedConditions.presenceOfElementLocated(row))
        .findElement(By.xpath(".//button[normalize-space()='" + button + "']")).click();
  }

  String robotsText() {
    return browser.findElement(By.id("robots")).getText();
  }

  /** Runs the action and waits for the result line it brings (the line is replaced, not appended). */
  String result(Runnable action) {
    List<WebElement> before = browser.findElements(By.cssSelector("#result .message"));
    action.run();
    if (!before.isEmpty()) {
      wait.until(ExpectedConditions.stalenessOf(before.get(0)));
    }
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .message"))).getText();
  }
}
