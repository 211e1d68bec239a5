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
public final class TasklistPage {

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String base;

  public TasklistPage(WebDriver browser, WebDriverWait wait, String base) {
    this.browser = browser;
    this.wait = wait;
    this.base = base;
  }

  /** Signs in to Tasklist with the demo password. */
  public void signIn(String user) {
    signIn("tasklist", user, org.bangfu.testing.ApiClient.PASSWORD);
  }

  /** Opens the webapp's sign-in page and signs in; the button speaks Chinese to a zh-CN browser. */
  void signIn(String app, String user, String password) {
    browser.get(base + "/camunda/app/" + app + "/");
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "input[ng-model='username'], input#ad-user-name")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
    if ("tasklist".equals(app)) {
      // the sign-in page names the system, and its clock is Beijing time
      wait.until(d -> d.getTitle().equals("帮扶 · 任务列表"));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("Asia/Shanghai");
    }
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

  /**
   * Shows the list narrowed to one case, by Tasklist's own search (业务标识), as a user would who types the case
   * number into the list's search box, and answers the text of the task's card.
   */
  String cardOf(String businessKey, String taskId) {
    return cardOf(businessKey, taskId, "案件");
  }

  /** {@link #cardOf(String, String)} for a task whose card says {@code marker} once its words are added. */
  String cardOf(String businessKey, String taskId, String marker) {
    String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
        + businessKey + "\",\"name\":\"\"}]";
    String search = base + "/camunda/app/tasklist/#/?searchQuery="
        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    By cardOfTask = By.xpath("//li[contains(@class,'task')][.//a[contains(@href,'task=" + taskId + "')]]");
    // Tasklist picks the user's first filter after sign-in; a search typed while it does so can be dropped (seen
    // once in CI: the list then showed the filter's first page, sorted by due date, without this case), so the
    // search is made once the filter is chosen, and made again, as a user would, if the list does not narrow
    wait.until(d -> d.getCurrentUrl().contains("filter="));
    WebElement card = null;
    for (int attempt = 1; card == null; attempt++) {
      browser.get(search);
      try {
        card = new WebDriverWait(browser, Duration.ofSeconds(10)).until(
            ExpectedConditions.presenceOfElementLocated(cardOfTask));
      } catch (TimeoutException notNarrowed) {
        if (attempt == 3) {
          throw notNarrowed;
        }
        browser.navigate().refresh();
      }
    }
    WebElement found = card;
    wait.until(d -> found.getText().contains(marker));
    return found.getText();
  }

  /** The form's text as the user reads it, once its case summary has rendered. */
  String formText() {
    return formText("案件概况");
  }

  /** The form's text once its summary, which says {@code marker}, has rendered. */
  String formText(String marker) {
    WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(d -> form.getText().contains(marker));
    return form.getText();
  }

  /**
   * The form's validation messages as the user reads them: a message put into Chinese is shown by the style sheet
   * (the English text hidden, the Chinese drawn after it), so what is read is what is drawn.
   */
  @SuppressWarnings("unchecked")
  java.util.List<String> formErrors() {
    return (java.util.List<String>) ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('.fjs-form-field-error li')].map(li => {"
            + " const after = getComputedStyle(li, '::after').content;"
            + " const size = parseFloat(getComputedStyle(li).fontSize);"
            + " return (size > 0 ? li.textContent : '') + (after && after !== 'none' ? JSON.parse(after) : ''); });");
  }

  /** The text of the confirmation the 审批操作 tab asks before an operation that cannot be undone. */
  String confirmation() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bangfu-confirm"))).getText();
  }

  /** Answers the confirmation: 确定 or 取消. */
  void answerConfirmation(boolean yes) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(yes ? ".bangfu-confirm-yes"
        : ".bangfu-confirm-no"))));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".bangfu-confirm")));
  }

  /**
   * What sticks out of the window sideways (the page would scroll horizontally): empty when the page fits, else the
   * outermost elements wider than the window, named by tag, id and class.
   */
  String overflow() {
    Object found = ((JavascriptExecutor) browser).executeScript(
        "if (document.documentElement.scrollWidth <= window.innerWidth + 1) return '';"
            + "const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
            + " > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed');"
            + "return wide.filter(e => !wide.includes(e.parentElement)).slice(0, 5).map(e => e.tagName + '#' + e.id"
            + " + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')"
            + " || ('scrollWidth ' + document.documentElement.scrollWidth);");
    return String.valueOf(found);
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
    select(By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']/input"));
  }

  /** Ticks the form's checkbox with this key. */
  void tick(String key) {
    select(By.cssSelector(".fjs-container [id$='Field_" + key + "'], .fjs-container [name='" + key + "']"));
  }

  /** Clicks the input until it is selected, finding it again whenever form-js has re-rendered the form. */
  private void select(By input) {
    wait.until(d -> {
      try {
        WebElement element = d.findElement(input);
        if (!element.isSelected()) {
          ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
          element.click();
        }
        return d.findElement(input).isSelected();
      } catch (StaleElementReferenceException | org.openqa.selenium.ElementClickInterceptedException
          | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
  }

  /** Scrolls the element to the middle of the view first: Tasklist's footer covers the bottom of the form. */
  void click(WebElement element) {
    // the form may still move while its case summary renders: scroll again and retry when something covers it
    wait.until(d -> {
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      try {
        ExpectedConditions.elementToBeClickable(element).apply(d).click();
        return true;
      } catch (org.openqa.selenium.ElementClickInterceptedException | NullPointerException e) {
        return false;
      }
    });
  }

  /** Completes the task with its form (完成). */
  void complete() {
    By button = By.xpath(
        "//button[@type='submit' and (contains(normalize-space(.),'Complete') or contains(normalize-space(.),'完成'))]");
    // found again on every try: form-js may re-render the form (and Tasklist its button) while it settles
    wait.until(d -> {
      try {
        WebElement element = d.findElement(button);
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        if (!element.isDisplayed() || !element.isEnabled()) {
          return false;
        }
        element.click();
        return true;
      } catch (StaleElementReferenceException | org.openqa.selenium.ElementClickInterceptedException
          | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
  }
}
