package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.demo.DemoData;
import org.bangfu.incomesupport.IncomeSupport;
import org.bangfu.incomesupport.IncomeSupportService;
import org.bangfu.testing.ApiClient;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A 增收重点帮扶对象 in Tasklist and on the ledger page: the village cadre's card names the household and its income,
 * the form opens with why the income fell (by kind) and the members (ID numbers masked); the plan with a paired cadre
 * goes in; the county reads the household's row on /income-support.html, at desktop and phone width.
 */
class IncomeSupportBrowserIT extends BrowserTest {

  static final YearMonth SURVEY_TO = YearMonth.of(2024, 9);

  @Autowired
  IncomeSupportService incomeSupport;
  @Autowired
  TaskService taskService;

  @Test
  void theCadrePlansAPriorityHouseholdInTasklistAndTheCountyReadsItsLedgerRow() throws Exception {
    // a formerly poor household whose wages fell, listed by a survey (its run and list as the survey writes them)
    Map<String, Object> body = ApiClient.household(DemoData.DONGSHAN, "FORMERLY_POOR", 12000, 0, "FULL", "FULL",
        "NONE");
    List<Map<String, Object>> incomes = new ArrayList<>();
    for (YearMonth m = SURVEY_TO.minusMonths(23); !m.isAfter(SURVEY_TO); m = m.plusMonths(1)) {
      Map<String, Object> income = new HashMap<>(Map.of("period", m.toString(), "rigidSpending", 0,
          "businessIncome", 300, "propertyIncome", 0, "transferIncome", 200));
      income.put("wageIncome", m.isAfter(SURVEY_TO.minusMonths(12)) ? 1500 : 2000);
      incomes.add(income);
    }
    body.put("incomes", incomes);
    long household = api.createHousehold("cadre_dongshan", body);
    String headName = (String) body.get("headName");
    String runKey = "2024-Q3";
    jdbc.update("INSERT INTO bf_screening_run (run_key, kind, income_from, income_to, households, flagged, "
        + "started_at, status) VALUES (?, 'QUARTERLY', ?, ?, 1, 1, ?, 'DONE')", runKey,
        SURVEY_TO.minusMonths(11).toString(), SURVEY_TO.toString(), LocalDateTime.now());
    long runId = jdbc.queryForObject("SELECT id FROM bf_screening_run WHERE run_key = ?", Long.class, runKey);
    jdbc.update("INSERT INTO bf_screening_flag (run_id, kind, household_id, village_code, township_code, list_no, "
        + "reasons, per_capita_income) VALUES (?, 'PRIORITY', ?, ?, ?, 1, '年人均纯收入低于1万元', 8000)", runId,
        household, DemoData.DONGSHAN, DemoData.TOWNSHIP_HEPING);
    assertThat(incomeSupport.startForVillage(runId, DemoData.DONGSHAN)).isEqualTo(1);
    managementService.createJobQuery().activityId(IncomeSupport.ANALYSE).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    Map<String, Object> row = jdbc.queryForMap("SELECT id, process_instance_id FROM bf_income_support WHERE "
        + "household_id = ?", household);
    String taskId = taskService.createTaskQuery().processInstanceId((String) row.get("process_instance_id"))
        .singleResult().getId();
    String businessKey = String.format("ZS-2024-%06d", ((Number) row.get("id")).longValue());

    inBrowser("income-support-plan", () -> {
      tasklist.signIn("cadre_dongshan");
      assertThat(tasklist.cardOf(businessKey, taskId, "增收帮扶")).contains(headName + " · 和平镇东山村 · 增收帮扶 2024")
          .contains("增收重点帮扶对象 · 人均纯收入 8,000 元/年（上年 10,000 元）");
      tasklist.openTask(taskId);
      tasklist.claim();
      String form = tasklist.formText("增收重点帮扶对象：");
      assertThat(form).contains("增收重点帮扶对象：" + headName + " · 和平镇东山村 · 2024年收入调查",
          "工资性收入下降 25%（人均 8,000 → 6,000 元）", "建议的帮扶路径", "家庭成员（3 人）", "629988********")
          .doesNotContainPattern("629988\\d{8}");
      docScreenshot("village-cadre-income-support-plan");
      tasklist.type("incomeCauses", "配偶外出务工减少");
      tasklist.type("incomeSupportPlan", "养牛3头，配偶就近务工，目标人均1.1万元");
      tasklist.type("pairedCadre", "李明（县农业农村局，党员）");
      tasklist.tick("planIndustry");
      tasklist.choose("增收帮扶计划已制定");
      tasklist.complete();
      wait.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    });

    inBrowser("income-support-ledger", () -> {
      tasklist.signIn("approver_county");
      browser.get("http://localhost:" + port + "/income-support.html");
      wait.until(d -> !d.findElements(By.cssSelector("#region option")).isEmpty());
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("region")))
          .selectByValue(DemoData.DONGSHAN);
      wait.until(d -> !d.findElements(By.cssSelector("#year option[value='2024']")).isEmpty());
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("year"))).selectByValue("2024");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ledger"), headName));
      String line = browser.findElements(By.cssSelector("#ledger tbody tr")).stream()
          .filter(tr -> tr.getText().contains(headName)).findFirst().orElseThrow().getText();
      assertThat(line).contains("和平镇东山村", "10,000 → 8,000 → —", "产业帮扶", "李明（县农业农村局，党员）", "落实中");
      browser.findElements(By.cssSelector("#ledger tbody tr")).stream().filter(tr -> tr.getText().contains(headName))
          .findFirst().orElseThrow().findElement(By.cssSelector("button[data-row]")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ledger tr.detail")))
          .getText()).contains("收入分析", "工资性收入下降 25%", "增收帮扶计划：养牛3头");
      docScreenshot("county-income-support-ledger");
      fitsAPhone("the ledger", () -> wait.until(d -> !d.findElements(By.cssSelector("#ledger tbody tr")).isEmpty()));
    });
  }
}
