package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bangfu.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A process owner views, edits and publishes models in the browser, sees the versions and what a raised line would do.
 */
class ProcessOwnerBrowserIT extends BrowserTest {

  /**
   * The viewer draws a deployed BPMN version, a deployed DMN version's decision table (and its decision requirements
   * diagram on request) and a deployed form.
   */
  @Test
  void aProcessOwnerViewsADeployedProcessDecisionTableAndForm() throws Exception {
    String process = repositoryService.createProcessDefinitionQuery().processDefinitionKey("RiskIdentificationProcess")
        .latestVersion().singleResult().getId();
    String decision = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("Decision_MonitoringEligibility").latestVersion().singleResult().getId();
    inBrowser("viewer", () -> {
      tasklist.signIn("owner_province");
      browser.get("http://localhost:" + port + "/viewer.html?id=" + process);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          "[data-element-id='Activity_VerifyHousehold']")));
      assertThat(browser.findElement(By.id("shown")).getText()).contains("RiskIdentificationProcess");
      screenshot("viewer-bpmn");
      docScreenshot("process-owner-viewer");

      browser.get("http://localhost:" + port + "/viewer.html?id=" + decision);
      // dmn-js opens the DMN's first decision table: the monitoring line per province and year
      WebElement line = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          "table.tjs-table td[data-element-id='Rule_Threshold_1_Threshold']")));
      assertThat(line.getText()).isEqualTo("8600");
      assertThat(browser.findElement(By.cssSelector(".decision-table-name")).getText())
          .isEqualTo("监测收入线（按省份、年度）");
      screenshot("viewer-dmn-table");
      // the decision requirements diagram with both decisions
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("view"))).selectByVisibleText("决策需求图");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          "[data-element-id='Decision_MonitoringEligibility']")));
      assertThat(browser.findElement(By.id("canvas")).getText()).contains("是否纳入监测及监测对象类型");
      screenshot("viewer-dmn-drd");

      String form = api.getList("owner_province", "/api/models/definitions").getBody().stream()
          .filter(d -> "FORM".equals(d.get("type")) && "VerifyHouseholdForm".equals(d.get("key")))
          .map(d -> (String) d.get("id")).findFirst().orElseThrow(() -> new AssertionError("no VerifyHouseholdForm"));
      browser.get("http://localhost:" + port + "/viewer.html?id=" + form);
      WebElement rendered = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          "#canvas .fjs-form-field")));
      assertThat(rendered.isDisplayed()).isTrue();
      assertThat(browser.findElement(By.id("shown")).getText()).contains("表单", "VerifyHouseholdForm");
      assertThat(browser.findElement(By.id("canvas")).getText()).contains("入户核实");
      screenshot("viewer-form");
    });
  }

  /**
   * A process owner edits a rule's annotation in the decision table in the browser and publishes it: the lint passes,
   * a new version of the DMN holds the edited text, and comparing it with the version before marks that rule changed.
   */
  @Test
  void aProcessOwnerEditsADecisionTableInTheBrowserAndPublishesIt() throws Exception {
    String before = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("Decision_MonitoringThreshold").latestVersion().singleResult().getId();
    try {
      inBrowser("viewer-edit", () -> {
        tasklist.signIn("owner_province");
        browser.get("http://localhost:" + port + "/viewer.html?id=" + before);
        WebElement annotation = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
            "td.annotation[data-row-id='Rule_Threshold_3'] [contenteditable]")));
        tasklist.click(annotation);
        annotation.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.END), "（浏览器中修改）");
        browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
        tasklist.click(browser.findElement(By.id("publish")));
        WebElement published = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
            "#published, #error")));
        assertThat(published.getAttribute("id")).as(published.getText()).isEqualTo("published");
        assertThat(published.getText()).contains("Decision_MonitoringThreshold 第 ", "Decision_MonitoringEligibility 第 ");
        screenshot("viewer-published");

        String after = repositoryService.createDecisionDefinitionQuery()
            .decisionDefinitionKey("Decision_MonitoringThreshold").latestVersion().singleResult().getId();
        assertThat(after).isNotEqualTo(before);
        String xml = new String(repositoryService.getDecisionModel(after).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("云南省 2024 年公布的监测范围 8700 元；农村居民人均可支配收入为示例数字 [policy: R02]（浏览器中修改）");

        browser.get("http://localhost:" + port + "/viewer.html?id=" + after + "&compare=" + before);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
            "td.diff-changed[data-row-id='Rule_Threshold_3']")));
        assertThat(browser.findElement(By.id("diff")).getText()).contains("修改", "Rule_Threshold_3");
        assertThat(browser.findElements(By.cssSelector("td.diff-changed[data-row-id='Rule_Threshold_1']"))).isEmpty();
        screenshot("viewer-dmn-diff");
      });
    } finally {
      // roll back: the class path's DMN again (a new version with the old content), as a process owner would
      org.springframework.util.LinkedMultiValueMap<String, Object> original =
          new org.springframework.util.LinkedMultiValueMap<>();
      original.add("files", ApiClient.file("MonitoringEligibility.dmn",
          Files.readAllBytes(Path.of("processes/MonitoringEligibility.dmn"))));
      assertThat(api.postForm("owner_province", "/api/models", original).getStatusCode().value()).isIn(200, 201);
    }
  }

  /** A process owner's models page lists the processes with their versions; an approver gets no list. */
  @Test
  void aProcessOwnerSeesTheProcessVersions() throws Exception {
    inBrowser("models", () -> {
      tasklist.signIn("owner_province");
      browser.get("http://localhost:" + port + "/models.html");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("processes"), "AssistanceCaseProcess"));
      assertThat(browser.findElement(By.id("processes")).getText()).contains("第 ", "版");
      screenshot("models");
    });
  }

  /** A process owner's what-if on its page: the table of townships with households entering the range. */
  @Test
  void aProcessOwnerSeesWhatARaisedLineWouldDo() throws Exception {
    inBrowser("whatif", () -> {
      tasklist.signIn("owner_province");
      browser.get("http://localhost:" + port + "/whatif.html");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("province"))).sendKeys("62");
      browser.findElement(By.id("region")).sendKeys("629901");
      browser.findElement(By.id("threshold")).sendKeys("10000");
      wait.until(d -> ((JavascriptExecutor) d).executeScript("return typeof me !== 'undefined' && !!me"));
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      browser.findElement(By.id("submit")).click();
      WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("townships")));
      assertThat(table.getText()).contains("和平镇", "新进入");
      assertThat(browser.findElement(By.id("summary")).getText()).contains("62 省").contains("新进入");
      screenshot("whatif");
    });
  }
}
