package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bangfu.supportindustry.ProjectReviewProcess;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The county's support projects page (/support-projects.html) and a village's review in Tasklist: the county's
 * 农业农村局 registers a project (a wrong entry refused in Chinese) and starts the year's review; the village cadre
 * scores the project from its task, whose card and form name it; once the county has decided, the page lists the
 * project with its scores, recommendation and class, and its ledger — at desktop and phone width.
 */
class SupportProjectBrowserIT extends BrowserTest {

  @Autowired
  TaskService taskService;

  @Test
  void theCountyRegistersAndReviewsAProjectAndTheVillageScoresIt() throws Exception {
    String no = "BX-" + System.nanoTime() % 1_000_000;
    String name = "东山村光伏帮扶电站" + no.substring(3);
    inBrowser("support-projects-register", () -> {
      tasklist.signIn("handler_agri");
      browser.get("http://localhost:" + port + "/support-projects.html");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registerSection")));
      wait.until(d -> !d.findElements(By.cssSelector("#villageCode option")).isEmpty());
      browser.findElement(By.id("projectNo")).sendKeys(no);
      browser.findElement(By.id("name")).sendKeys(name);
      new Select(browser.findElement(By.id("villageCode"))).selectByValue("629901100201");
      new Select(browser.findElement(By.id("industry"))).selectByValue("PHOTOVOLTAIC");
      browser.findElement(By.id("operatorName")).sendKeys("东山村股份经济合作社");
      browser.findElement(By.id("investment")).sendKeys("-1");
      browser.findElement(By.id("builtYear")).sendKeys("2020");
      browser.findElement(By.id("register")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .message")))
          .getText()).contains("投资额（元）应在0到100亿元之间");
      browser.findElement(By.id("investment")).clear();
      browser.findElement(By.id("investment")).sendKeys("800000");
      browser.findElement(By.id("register")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "已登记：" + name));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projects"), name));
      browser.findElement(By.id("startReviews")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "已开始本年度评估"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projects"), "待村里评估"));
    });

    long projectId = jdbc.queryForObject("SELECT id FROM bf_support_project WHERE project_no = ?", Long.class, no);
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM bf_support_project_review WHERE "
        + "project_id = ?", String.class, projectId);
    String scoreTask = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    String businessKey = String.format("CY-%d-%06d", org.bangfu.shared.EngineClock.today().getYear(), projectId);
    inBrowser("support-projects-score", () -> {
      tasklist.signIn("cadre_dongshan");
      assertThat(tasklist.cardOf(businessKey, scoreTask, "四个一批")).contains(name + " · 和平镇东山村 · 四个一批评估")
          .contains("光伏帮扶 · 运营主体 东山村股份经济合作社 · 正常运营");
      tasklist.openTask(scoreTask);
      tasklist.claim();
      assertThat(tasklist.formText("帮扶项目：")).contains("帮扶项目：" + name + " · 和平镇东山村", "资产归村集体");
      for (Map.Entry<String, String> score : Map.of("scoreDevelopment", "4", "scoreManagement", "4",
          "scoreAssetReturn", "5", "scoreHouseholdBenefit", "4", "scoreProspects", "4", "projectRevenue", "96000",
          "householdsBenefiting", "32").entrySet()) {
        tasklist.type(score.getKey(), score.getValue());
      }
      tasklist.type("reviewFindings", "发电正常，收益用于公益性岗位");
      tasklist.choose("已评估");
      tasklist.complete();
      wait.until(d -> taskService.createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey(ProjectReviewProcess.DECIDE).count() == 1);
    });
    // the county decides in Tasklist as well (its form is tested like the others); here through the API
    String decide = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    api.claim("handler_agri", decide);
    assertThat(api.complete("handler_agri", decide, Map.of("projectCategory", "CONSOLIDATE", "categoryReason",
        "收益稳定，带动面广")).getStatusCode().value()).isEqualTo(204);

    inBrowser("support-projects-list", () -> {
      tasklist.signIn("handler_agri");
      browser.get("http://localhost:" + port + "/support-projects.html");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projects"), name));
      WebElement row = browser.findElements(By.cssSelector("#projects tbody tr")).stream()
          .filter(tr -> tr.getText().contains(name)).findFirst().orElseThrow();
      assertThat(row.getText()).contains(no, "和平镇东山村", "光伏帮扶", "800,000", "4/4/5/4/4（建议巩固一批）", "巩固一批");
      row.findElement(By.cssSelector("button[data-line]")).click();
      String detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#projects tr.detail")))
          .getText();
      assertThat(detail).contains("分类措施", "创响区域公用品牌", "农业农村局", "落实中", "项目资产台账",
          "确定为巩固一批（评估建议：巩固一批）：收益稳定，带动面广", "王建国（东山村）").doesNotContain("handler_agri", "AGRI");
      assertThat(browser.findElement(By.id("counts")).getText()).contains("巩固一批");
      docScreenshot("county-support-projects");
      fitsAPhone("the projects page",
          () -> wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projects"), name)));
    });
  }
}
