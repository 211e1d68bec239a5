package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda's webapps as a user meets them: the sign-in page (Tasklist, Cockpit, Admin), Tasklist's task list and a
 * task's Camunda Form (form-js).
 */
final class TasklistPage {

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String base;

  TasklistPage(WebDriver browser, WebDriverWait wait, String base) {
    this.browser = browser;
    this.wait = wait;
    this.base = base;
  }

  /** Signs in to Tasklist with the demo password. */
  void signIn(String user) {
    signIn("tasklist", user, org.bangfu.testing.ApiClient.PASSWORD);
  }

  /** Opens the webapp's sign-in page and signs in; the button speaks Chinese to a zh-CN browser. */
  void signIn(String app, String user, String password) {
    browser.get(base + "/camunda/app/" + app + "/");
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "input[ng-model='username'], input#ad-user-name")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
    WebElement signInButton = browser.findElement(By.cssSelector("button[type='submit']"));
    assertThat(signInButton.getText()).as("Tasklist speaks Chinese to a zh-CN browser").contains("登录");
    signInButton.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
  }

  /**
   * Opens this task from the list of the user's first filter (本组待办) when it is on the list's first page, else by
   * its address, as a user following a link in a reminder would (the group may hold more tasks than one page shows,
   * sorted by due date; that the user may see the task is the API's and the inbox tests' concern).
   */
  void openTask(String taskId) {
    // the list has loaded once it shows a task (the user's group holds at least this one)
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//li[contains(@class,'task')]")));
    try {
      new WebDriverWait(browser, Duration.ofSeconds(2)).until(d -> !d.findElements(taskLink(taskId)).isEmpty());
      click(browser.findElement(taskLink(taskId)));
    } catch (TimeoutException notOnTheFirstPage) {
      browser.get(base + "/camunda/app/tasklist/#/?task=" + taskId);
    }
  }

  static By taskLink(String taskId) {
    return By.xpath("//li[contains(@class,'task')]//a[contains(@href,'task=" + taskId + "')]");
  }

  /** Claims the open task (认领) and waits for its form. */
  void claim() {
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim, "
        + "[ng-click*='claim']")));
    // read the label before clicking: Tasklist re-renders the button once the task is claimed
    assertThat(claim.getText()).contains("认领");
    claim.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
  }

  /** The input of the Camunda Form field with this key (form-js names its inputs after the field id). */
  WebElement formField(String key) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        ".fjs-container [id$='Field_" + key + "'], .fjs-container [name='" + key + "']")));
  }

  /**
   * Types into a form field until it holds the text (form-js re-renders the form on every change, which can replace
   * the input while keys are still arriving), then leaves it.
   */
  void type(String key, String text) {
    wait.until(d -> {
      try {
        WebElement input = formField(key);
        if (!text.equals(input.getAttribute("value"))) {
          input.clear();
          input.sendKeys(text);
        }
        return text.equals(formField(key).getAttribute("value"));
      } catch (StaleElementReferenceException e) {
        return false;
      }
    });
    // form-js takes text in after a debounce, or when the field loses focus: leave the field and let it settle
    formField(key).sendKeys(Keys.TAB);
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Clicks the radio button (or checkbox) whose label says this. */
  void choose(String label) {
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']/input")));
    click(input);
    wait.until(d -> input.isSelected());
  }

  /** Scrolls the element to the middle of the view first: Tasklist's footer covers the bottom of the form. */
  void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** Completes the task with its form (完成). */
  void complete() {
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//button[@type='submit' and (contains(normalize-space(.),'Complete') or contains(normalize-space(.),'完成'))]")));
    click(button);
  }
}
