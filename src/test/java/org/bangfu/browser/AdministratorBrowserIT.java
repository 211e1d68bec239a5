package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator in Cockpit and Admin, in Chinese.
 */
class AdministratorBrowserIT extends BrowserTest {

  /** Cockpit speaks Chinese: its sign-in, dashboard and the processes page. */
  @Test
  void cockpitSpeaksChinese() throws Exception {
    inBrowser("cockpit-zh", () -> {
      tasklist.signIn("cockpit", "admin", "admin");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "部署"));
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "RiskIdentificationProcess"));
      String page = browser.findElement(By.tagName("body")).getText();
      assertThat(page).contains("流程定义", "监控台").doesNotContain("Process Definitions", "Dashboard");
      screenshot("cockpit-processes");
      docScreenshot("administrator-cockpit");
    });
  }

  /** Cockpit draws every deployed process (their diagrams in docs/diagrams are these screenshots). */
  @Test
  void cockpitDrawsEveryProcessOfTheLifecycle() throws Exception {
    inBrowser("cockpit", () -> {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(2600, 1100));
      tasklist.signIn("admin", "admin", "admin"); // one sign-in for all webapps
      for (String key : List.of("AssistanceCaseProcess", "RiskIdentificationProcess", "HouseholdPlanProcess",
          "MeasureImplementationProcess", "MeasureDeliveryProcess", "ExitReviewProcess", "PeriodicScreeningProcess",
          "ConcentratedScreeningProcess")) {
        String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
            .singleResult().getId();
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + id
            + "/runtime");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
            "[data-element-id='" + repositoryService.getBpmnModelInstance(id).getModelElementsByType(
                org.camunda.bpm.model.bpmn.instance.StartEvent.class).iterator().next().getId() + "']")));
        // the bare diagram, wide enough to read
        ((JavascriptExecutor) browser).executeScript("document.querySelector('.ctn-sidebar, .ctn-column-left')"
            + "?.remove(); window.dispatchEvent(new Event('resize'));");
        WebElement diagram = browser.findElement(By.cssSelector(".djs-container"));
        Files.write(SCREENSHOTS.resolve("diagram-" + key + ".png"), diagram.getScreenshotAs(OutputType.BYTES));
      }
    });
  }

  @Test
  void theAdministratorManagesUsersInChinese() throws Exception {
    inBrowser("admin", () -> {
      tasklist.signIn("admin", "admin", "admin");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "授权"));
      browser.get("http://localhost:" + port + "/camunda/app/admin/default/#/users");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户列表"));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("添加用户").contains("cadre_dongshan").contains("王建国");
      screenshot("admin-users");
    });
  }
}
