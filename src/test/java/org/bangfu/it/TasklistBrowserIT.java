package org.bangfu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.demo.DemoData.LIUSHU;
import static org.bangfu.demo.DemoData.XINGHUA;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bangfu.exit.ExitReview;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.measure.MeasureImplementation;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.screening.PeriodicScreening;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium (Debian's chromium and chromedriver): a village cadre signs in to Tasklist, claims the
 * home-verification task of a new case, fills its Camunda Form and completes it; the township reviewer later finds
 * the township review in their Tasklist, and the reviewer of another township does not.
 */
class TasklistBrowserIT extends MariaDbIntegrationTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void setUp() throws IOException {
    assertThat(new File(CHROMIUM)).as("Chromium is needed: apt-get install -y chromium chromium-driver").exists();
    assertThat(new File(CHROMEDRIVER)).as("ChromeDriver is needed: apt-get install -y chromium-driver").exists();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCadreCompletesTheVerificationInTasklistAndTheTownshipSeesItsReview() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "FULL", "NONE"));
    Map<String, Object> opened = api.openCase("cadre_dongshan", Map.of("householdId", household,
        "channel", "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
    String bk = (String) opened.get("businessKey");

    openBrowser();
    try {
      signIn("cadre_dongshan");
      openTask(taskId("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD));
      claim();
      WebElement authorisation = formField("authorisationSigned");
      // nothing was returned: the form hides the return note
      assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).doesNotContain("退回或撤回说明");
      click(authorisation);
      wait.until(d -> authorisation.isSelected());
      formField("verifyFindings").sendKeys("入户核实：户主慢性病，长期服药");
      choose("情况属实");
      screenshot("verify-filled");
      complete();
      wait.until(d -> api.tasks("cadre_dongshan", bk).stream()
          .noneMatch(t -> RiskIdentification.VERIFY_HOUSEHOLD.equals(t.get("taskDefinitionKey"))));
      screenshot("verify-completed");

      // the case file page reads the API with the same Tasklist sign-in
      browser.get("http://localhost:" + port + "/case.html?id=" + opened.get("id"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "入户核实"));
      String timeline = browser.findElement(By.id("timeline")).getText();
      assertThat(timeline).contains("收到风险线索").contains("入户核实 属实 cadre_dongshan")
          .contains("监测范围判定 在监测范围内 系统");
      assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("识别中");
      screenshot("case-file");
      Object postWithSessionOnly = ((JavascriptExecutor) browser).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch('/api/cases/" + opened.get("id") + "/objections', {method: 'POST', credentials: 'same-origin',"
              + " headers: {'Content-Type': 'application/json'}, body: '{\"content\":\"x\"}'})"
              + ".then(r => done(r.status));");
      assertThat(((Number) postWithSessionOnly).intValue()).as("writes need HTTP Basic, not the session").isEqualTo(401);

      // the welcome page of the webapps, in Chinese, links the case file
      browser.get("http://localhost:" + port + "/camunda/app/welcome/");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "案件档案"));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("任务列表").contains("个人资料");
      screenshot("welcome");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-cadre");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }

    Map<String, Object> afterVerify = api.get("cadre_dongshan", "/api/cases/" + opened.get("id")).getBody();
    assertThat(afterVerify.get("audit").toString()).contains("step=Activity_VerifyHousehold, stepName=入户核实, "
        + "decision=CONFIRM, reason=null, actor=cadre_dongshan");
    assertThat(api.tasks("cadre_dongshan", bk)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(RiskIdentification.DEMOCRATIC_REVIEW);

    // the rest of the village review through the API, and five days of notice
    api.decide("cadre_dongshan", bk, RiskIdentification.DEMOCRATIC_REVIEW, Map.of("reviewDecision", "PASS"));
    api.decide("approver_county", bk, RiskIdentification.CROSS_CHECK_ASSETS, Map.of("assetCheckResult", "CLEAR"));
    noticePeriodPasses(bk);

    String townshipTask = taskId("reviewer_heping", bk, RiskIdentification.TOWNSHIP_REVIEW);
    openBrowser();
    try {
      signIn("reviewer_heping");
      openTask(townshipTask);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2.task"), "乡镇审核"));
      screenshot("township-review");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-township");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }

    // the reviewer of 富民乡 has a task of their own (a self-application in 柳树村), but not 和平镇's review
    long ownHousehold = api.createHousehold("cadre_liushu",
        ApiClient.household(LIUSHU, "ORDINARY", 8000, 0, "FULL", "NONE"));
    api.openCase("cadre_liushu", Map.of("householdId", ownHousehold, "channel", "SELF_APPLICATION",
        "riskTypes", List.of("ILLNESS")));
    openBrowser();
    try {
      signIn("reviewer_fumin");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
          "//li[contains(@class,'task')]//*[normalize-space(text())='乡镇受理农户申请']")));
      assertThat(browser.findElements(taskLink(townshipTask))).isEmpty();
      assertThat(browser.getPageSource()).doesNotContain("乡镇审核");
    } finally {
      screenshot("other-township");
    }
  }

  @Test
  void aCadreDraftsThePlanAndRecordsAVisitInTasklist() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "FULL", "NONE", "NONE"));
    Map<String, Object> opened = api.openCase("cadre_dongshan", Map.of("householdId", household,
        "channel", "CADRE_SCREENING", "riskTypes", List.of("ILLNESS", "UNSTABLE_WORK")));
    String bk = (String) opened.get("businessKey");
    includeThroughAllLevels(bk, "cadre_dongshan", "reviewer_heping");

    openBrowser();
    try {
      signIn("cadre_dongshan");
      openTask(taskId("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN));
      claim();
      // the DMN's recommendation is ticked, with its fields; an unticked measure shows no fields until ticked
      assertThat(formField("plan_MEDICAL").isSelected()).isTrue();
      assertThat(browser.findElements(By.cssSelector(".fjs-container [id$='Field_planAmount_MEDICAL']"))).hasSize(1);
      assertThat(browser.findElements(By.cssSelector(".fjs-container [id$='Field_planAmount_EDUCATION']"))).isEmpty();
      click(formField("plan_EDUCATION"));
      type("planAmount_EDUCATION", "2500");
      type("planPerson_EDUCATION", "李老师");
      click(formField("householdConfirmed"));
      choose("提交乡镇审核");
      screenshot("plan-draft");
      complete();
      wait.until(d -> api.tasks("reviewer_heping", bk).stream()
          .anyMatch(t -> HouseholdPlan.TOWNSHIP_REVIEW.equals(t.get("taskDefinitionKey"))));
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-plan");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }
    Map<String, Object> drafted = api.get("cadre_dongshan", "/api/cases/" + opened.get("id")).getBody();
    @SuppressWarnings("unchecked")
    Map<String, Object> plan = ((List<Map<String, Object>>) drafted.get("plans")).get(0);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> planned = (List<Map<String, Object>>) plan.get("measures");
    assertThat(planned).extracting(m -> m.get("code")).contains("MEDICAL", "EDUCATION");
    assertThat(planned).filteredOn(m -> "EDUCATION".equals(m.get("code")))
        .extracting(m -> ((Number) m.get("amount")).intValue(), m -> m.get("responsiblePerson"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2500, "李老师"));
    assertThat(plan).containsEntry("householdConfirmed", true).containsEntry("draftedBy", "cadre_dongshan");

    api.decide("reviewer_heping", bk, HouseholdPlan.TOWNSHIP_REVIEW, Map.of("planTownshipDecision", "APPROVE"));
    api.decide("approver_county", bk, HouseholdPlan.COUNTY_APPROVAL, Map.of("planCountyDecision", "APPROVE"));
    noticePeriodPasses(bk); // here: the first visit falls due
    String period = java.time.YearMonth.now().minusMonths(1).toString();
    openBrowser();
    try {
      signIn("cadre_dongshan");
      openTask(taskId("cadre_dongshan", bk, MeasureImplementation.FOLLOW_UP_VISIT));
      claim();
      type("visitPeriod", period);
      type("visitNetIncome", "3400");
      type("visitChanges", "务工收入稳定，医保报销到位");
      choose("继续帮扶，按周期回访");
      screenshot("follow-up-visit");
      complete();
      wait.until(d -> api.tasks("cadre_dongshan", bk).stream()
          .noneMatch(t -> MeasureImplementation.FOLLOW_UP_VISIT.equals(t.get("taskDefinitionKey"))));

      browser.get("http://localhost:" + port + "/case.html?id=" + opened.get("id"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visits"), period));
      assertThat(browser.findElement(By.id("plans")).getText()).contains("第1版").contains("现行")
          .contains("教育帮扶").contains("李老师");
      assertThat(browser.findElement(By.id("visits")).getText()).contains("3400").contains("继续帮扶")
          .contains("cadre_dongshan");
      assertThat(browser.findElement(By.id("timeline")).getText()).contains("制定帮扶计划（农户签字确认） 提交")
          .contains("帮扶计划生效 生效").contains("入户回访 继续帮扶");
      screenshot("case-file-lifecycle");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-visit");
      throw e;
    }
  }

  /**
   * The demo county's case of 赵大山 (seven months of history made at start-up) taken to 风险消除 in Tasklist by the
   * demo users of each level, the administrator cutting the 5-day notice short with the demo-only endpoint.
   */
  @Test
  void theDemoCaseIsTakenToItsExitInTasklist() {
    List<Map<String, Object>> cases = api.getList("approver_county",
        "/api/cases?region=" + DONGSHAN + "&size=100").getBody();
    Map<String, Object> demo = cases.stream()
        .map(c -> api.get("approver_county", "/api/cases/" + c.get("id")).getBody())
        .filter(c -> "赵大山".equals(c.get("headName"))).findFirst().orElseThrow();
    String bk = (String) demo.get("businessKey");
    assertThat(demo).containsEntry("status", "MONITORED");
    // identified on the 12 months before its signal, seven months ago
    assertThat(((Number) demo.get("perCapitaIncome")).doubleValue()).isEqualTo(7200.0);
    assertThat(demo.get("visits")).asList().hasSize(6);
    assertThat(timer(bk).getDuedate()).as("the seventh visit is due").isBefore(new java.util.Date());
    managementService.executeJob(timer(bk).getId()); // the job executor would, were it not off in the tests

    openBrowser();
    try {
      signIn("cadre_dongshan");
      openTask(taskId("cadre_dongshan", bk, MeasureImplementation.FOLLOW_UP_VISIT));
      claim();
      type("visitPeriod", java.time.YearMonth.now().minusMonths(1).toString());
      type("visitNetIncome", "3400");
      type("visitChanges", "务工满半年，收入稳定");
      choose("收入稳定、风险已消除，建议启动风险消除");
      complete();
      String verification = awaitTask("cadre_dongshan", bk, ExitReview.HOME_VERIFICATION);
      openTask(verification);
      claim();
      for (String fact : List.of("rigidSpendingControllable", "basicNeedsSecured", "drinkingWaterSecured")) {
        WebElement box = formField(fact);
        click(box);
        wait.until(d -> box.isSelected());
      }
      choose("核实完毕，进行条件判定");
      screenshot("exit-verification");
      complete();
      String review = awaitTask("cadre_dongshan", bk, ExitReview.DEMOCRATIC_REVIEW);
      openTask(review);
      claim();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "评议结果"));
      choose("评议通过，进行公示");
      complete();
      wait.until(d -> { // the notice's timer, once the completion went through
        try {
          return timer(bk) != null;
        } catch (AssertionError notYet) {
          return false;
        }
      });
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-exit-village");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }
    String endWaiting = "/api/demo/cases/" + demo.get("id") + "/end-waiting";
    assertThat(api.post("cadre_dongshan", endWaiting, Map.of()).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("admin", "admin").postForEntity(endWaiting, Map.of(), Map.class)
        .getStatusCode().value()).isEqualTo(200);

    for (String[] level : new String[][] {{"reviewer_heping", ExitReview.TOWNSHIP_REVIEW, "同意，报县级审定"},
        {"approver_county", ExitReview.COUNTY_APPROVAL, "同意，标注风险消除"}}) {
      openBrowser();
      try {
        signIn(level[0]);
        openTask(taskId(level[0], bk, level[1]));
        claim();
        choose(level[2]);
        screenshot("exit-" + level[0]);
        complete();
        wait.until(d -> api.tasks(level[0], bk).isEmpty());
      } catch (RuntimeException | AssertionError e) {
        screenshot("failure-exit-" + level[0]);
        throw e;
      } finally {
        browser.quit();
        browser = null;
      }
    }
    Map<String, Object> exited = api.get("approver_county", "/api/cases/" + demo.get("id")).getBody();
    assertThat(exited).containsEntry("status", "ELIMINATED");
    assertThat(exited.get("audit").toString()).contains("decision=ELIGIBLE").contains("decision=DEMO")
        .contains("step=Activity_ExitCountyApproval, stepName=县级审定（风险消除）, decision=APPROVE");
  }

  private String awaitTask(String user, String bk, String step) {
    wait.until(d -> api.tasks(user, bk).stream().anyMatch(t -> step.equals(t.get("taskDefinitionKey"))));
    // back to the list, where the new task appears
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    return taskId(user, bk, step);
  }

  /** A village cadre registers a household's self-application on our page; the township then has it to accept. */
  @Test
  void aCadreRegistersASelfApplicationAndTheTownshipHasItToAccept() {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL", "HALF", "NONE");
    long household = api.createHousehold("cadre_dongshan", body);
    String head = (String) body.get("headName");
    openBrowser();
    try {
      signIn("cadre_dongshan");
      browser.get("http://localhost:" + port + "/signal.html");
      WebElement select = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//select[@id='household']/option[@value='" + household + "']")));
      assertThat(select.getText()).contains("东山村").contains(head);
      select.click();
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      browser.findElement(By.id("submit")).click();
      // no risk chosen: refused with the reason, nothing opened
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "请至少选择一种风险类型"));
      click(browser.findElement(By.cssSelector("input[name=risk][value=UNSTABLE_WORK]")));
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      browser.findElement(By.id("submit")).click();
      WebElement created = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
      assertThat(created.getText()).contains("已登记").contains("待乡镇受理");
      screenshot("signal-registered");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-signal");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }
    List<Map<String, Object>> cases = api.getList("reviewer_heping", "/api/cases?region=" + DONGSHAN + "&size=100")
        .getBody();
    Map<String, Object> opened = cases.stream().filter(c -> ((Number) c.get("householdId")).longValue() == household)
        .findFirst().orElseThrow();
    assertThat(opened).containsEntry("status", "IDENTIFYING");
    assertThat(api.tasks("reviewer_heping", (String) opened.get("businessKey")))
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly(RiskIdentification.ACCEPT_APPLICATION);
  }

  /**
   * 医保's handler imports the demo sample on the import page; it finishes with its figures and an error report,
   * and 西河村's cadre has 李春生's home verification to do.
   */
  @Test
  void aDepartmentHandlerImportsTheSampleAndTheVillageGetsTheIdentification() throws IOException {
    Path sample = Files.createTempFile("MEDINS-sample-", ".csv");
    Files.write(sample, api.as("handler_medins").getForObject("/api/imports/layouts/MEDINS/sample.csv",
        byte[].class));
    openBrowser();
    try {
      signIn("handler_medins");
      browser.get("http://localhost:" + port + "/imports.html");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//select[@id='department']/option[@value='MEDINS']")));
      assertThat(browser.findElement(By.id("layout")).getText()).contains("合规自付费用（元）");
      browser.findElement(By.id("file")).sendKeys(sample.toAbsolutePath().toString());
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      browser.findElement(By.id("submit")).click();
      WebElement accepted = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accepted")));
      assertThat(accepted.getText()).contains("8 行");
      String id = accepted.getText().replaceAll(".*批次 (\\d+).*", "$1");
      WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-" + id)));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-" + id), "已完成"));
      assertThat(browser.findElement(By.id("import-" + id)).getText()).contains("8/8（100%）")
          .contains("3（下载错误报告）");
      screenshot("imports-done");
      assertThat(row).isNotNull();
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-imports");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }
    Map<String, Object> opened = api.getList("cadre_xihe", "/api/cases?region=" + org.bangfu.demo.DemoData.XIHE
        + "&status=IDENTIFYING&size=100").getBody().stream()
        .map(c -> api.get("cadre_xihe", "/api/cases/" + c.get("id")).getBody())
        .filter(c -> "李春生".equals(c.get("headName")) && "DEPARTMENT_SIGNAL".equals(c.get("channel"))).findFirst()
        .orElseThrow(() -> new AssertionError("no identification of 李春生 from the 医保 push"));
    assertThat(api.tasks("cadre_xihe", (String) opened.get("businessKey")))
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly(RiskIdentification.VERIFY_HOUSEHOLD);
  }

  /**
   * The viewer draws a deployed BPMN version, a deployed DMN version's decision table (and its decision requirements
   * diagram on request) and a deployed form.
   */
  @Test
  void aProcessOwnerViewsADeployedProcessDecisionTableAndForm() {
    String process = repositoryService.createProcessDefinitionQuery().processDefinitionKey("RiskIdentificationProcess")
        .latestVersion().singleResult().getId();
    String decision = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("Decision_MonitoringEligibility").latestVersion().singleResult().getId();
    openBrowser();
    try {
      signIn("owner_province");
      browser.get("http://localhost:" + port + "/viewer.html?id=" + process);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          "[data-element-id='Activity_VerifyHousehold']")));
      assertThat(browser.findElement(By.id("shown")).getText()).contains("RiskIdentificationProcess");
      screenshot("viewer-bpmn");

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
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-viewer");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }
  }

  /**
   * A process owner edits a rule's annotation in the decision table in the browser and publishes it: the lint passes,
   * a new version of the DMN holds the edited text, and comparing it with the version before marks that rule changed.
   */
  @Test
  void aProcessOwnerEditsADecisionTableInTheBrowserAndPublishesIt() throws IOException {
    String before = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("Decision_MonitoringThreshold").latestVersion().singleResult().getId();
    openBrowser();
    try {
      signIn("owner_province");
      browser.get("http://localhost:" + port + "/viewer.html?id=" + before);
      WebElement annotation = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          "td.annotation[data-row-id='Rule_Threshold_5'] [contenteditable]")));
      click(annotation);
      annotation.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.END), "（浏览器中修改）");
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      click(browser.findElement(By.id("publish")));
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
      assertThat(xml).contains("未配置的省份和年份 [policy: R02]（浏览器中修改）");

      browser.get("http://localhost:" + port + "/viewer.html?id=" + after + "&compare=" + before);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          "td.diff-changed[data-row-id='Rule_Threshold_5']")));
      assertThat(browser.findElement(By.id("diff")).getText()).contains("修改", "Rule_Threshold_5");
      assertThat(browser.findElements(By.cssSelector("td.diff-changed[data-row-id='Rule_Threshold_1']"))).isEmpty();
      screenshot("viewer-dmn-diff");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-viewer-edit");
      throw e;
    } finally {
      browser.quit();
      browser = null;
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
  void aProcessOwnerSeesTheProcessVersions() {
    openBrowser();
    try {
      signIn("owner_province");
      browser.get("http://localhost:" + port + "/models.html");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("processes"), "AssistanceCaseProcess"));
      assertThat(browser.findElement(By.id("processes")).getText()).contains("第 ", "版");
      screenshot("models");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-models");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }
  }

  /** A process owner's what-if on its page: the table of townships with households entering the range. */
  @Test
  void aProcessOwnerSeesWhatARaisedLineWouldDo() {
    openBrowser();
    try {
      signIn("owner_province");
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
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-whatif");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }
  }

  /** The county supervisor's dashboard: the seeded overdue cases, their figures and the diagram heat view. */
  @Test
  void theSupervisorSeesOverdueCasesOnTheDashboard() {
    Map<String, Object> overview = api.get("supervisor_county", "/api/supervision/629901").getBody();
    long overdue = ((Number) overview.get("overdue")).longValue();
    assertThat(overdue).as("the demo county has overdue cases").isPositive();
    openBrowser();
    try {
      signIn("supervisor_county");
      browser.get("http://localhost:" + port + "/supervision.html");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overdue"), String.valueOf(overdue)));
      assertThat(browser.findElement(By.id("open")).getText())
          .isEqualTo(String.valueOf(((Number) overview.get("open")).longValue()));
      assertThat(browser.findElement(By.id("byVillage")).getText()).contains("西河村").contains("南坪村");
      assertThat(browser.findElement(By.id("byStep")).getText()).contains("入户核实");
      assertThat(browser.findElement(By.id("oldest")).getText()).contains("BF629901-");
      // the heat view opens on the busiest process, every activity with open tasks carries its counts
      wait.until(d -> !d.findElements(By.cssSelector("#diagram .heat")).isEmpty());
      WebElement heat = browser.findElement(By.cssSelector("#diagram .heat.overdue, #hidden .heat.overdue"));
      assertThat(heat.getText()).matches("在办 \\d+ · 逾期 [1-9]\\d*");
      screenshot("supervision-dashboard");
      click(browser.findElement(By.cssSelector("#oldest a")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "收到风险线索"));
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-supervision");
      throw e;
    }
  }

  /**
   * A demo cadre's Tasklist in Chinese: the standard filters by their Chinese names, and 已逾期 lists the village's
   * overdue task but not one due next week.
   */
  @Test
  void aCadreFindsTheOverdueTaskUnderTheOverdueFilterInChinese() {
    String overdueCase = openIdentification(DONGSHAN, "cadre_dongshan");
    String laterCase = openIdentification(DONGSHAN, "cadre_dongshan");
    String overdue = taskId("cadre_dongshan", overdueCase, RiskIdentification.VERIFY_HOUSEHOLD);
    String later = taskId("cadre_dongshan", laterCase, RiskIdentification.VERIFY_HOUSEHOLD);
    taskService.setDueDate(overdue, new java.util.Date(System.currentTimeMillis() - 86_400_000L));
    taskService.setDueDate(later, new java.util.Date(System.currentTimeMillis() + 7 * 86_400_000L));
    openBrowser();
    try {
      signIn("cadre_dongshan");
      WebElement filters = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          ".task-filters, [cam-tasklist-filters]")));
      wait.until(ExpectedConditions.textToBePresentInElement(filters, "已逾期"));
      assertThat(filters.getText()).contains("本组待办", "我的待办", "即将到期", "已逾期");
      click(browser.findElement(By.xpath("//*[contains(@class,'task-filters') or @cam-tasklist-filters]"
          + "//a[contains(normalize-space(.),'已逾期')]")));
      wait.until(ExpectedConditions.presenceOfElementLocated(taskLink(overdue)));
      assertThat(browser.findElements(taskLink(later))).isEmpty();
      String page = browser.findElement(By.tagName("body")).getText();
      assertThat(page).contains("入户核实", "创建时间", "请在列表中选择一个任务").doesNotContain("Filters", "Created", "Select a task");
      screenshot("tasklist-overdue-filter");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-overdue-filter");
      throw e;
    }
  }

  /**
   * A 会签 task opens in Tasklist on its opinion (the 审批操作 tab), not on the generic form; the generic form's
   * 办理完成 does not finish it, nor does 不同意 without a reason; only a signed opinion does, and it is audited.
   */
  @Test
  void aCoSignTaskOpensOnItsOpinionAndFinishesOnlyWithOne() {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan");
    String review = taskId("reviewer_heping", bk, RiskIdentification.TOWNSHIP_REVIEW);
    assertThat(api.claim("reviewer_heping", review).getStatusCode().value()).isEqualTo(204);
    String sub = (String) api.post("reviewer_heping", "/api/tasks/" + review + "/co-signers",
        Map.of("coSigner", "approver_county", "reason", "家庭情况复杂，请县里会签")).getBody().get("taskId");
    openBrowser();
    try {
      signIn("approver_county");
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + sub);
      WebElement opinion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bangfu-opinion")));
      assertThat(browser.getCurrentUrl()).contains("detailsTab=bangfu.approverOperations");
      assertThat(browser.findElement(By.cssSelector(".bangfu-operations")).getText())
          .contains("会签意见", "请您签署意见：家庭情况复杂，请县里会签");
      screenshot("tasklist-co-sign-opinion");
      // what the server refuses is not offered: no follow-up date, no groups to add, no new task, no process start
      for (String refused : List.of("设置跟进日期", "添加组", "新建任务", "发起流程")) {
        assertThat(browser.findElements(By.xpath("//a[normalize-space(.)='" + refused + "']")))
            .as(refused).isNotEmpty().noneMatch(WebElement::isDisplayed);
      }
      // 不同意 without a reason is refused
      new org.openqa.selenium.support.ui.Select(opinion).selectByValue("DISAGREE");
      click(browser.findElement(By.cssSelector("button[data-op='co-sign']")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-result"), "不同意时请写明理由"));
      // the generic form's 办理完成 is refused by the server
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + sub + "&detailsTab=form");
      List<WebElement> complete = wait.until(d -> {
        List<WebElement> buttons = d.findElements(By.xpath("//button[normalize-space(.)='办理完成']"));
        return buttons.isEmpty() ? null : buttons;
      });
      click(complete.get(0));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "会签任务请在“审批操作”中"));
      screenshot("tasklist-co-sign-generic-form-refused");
      assertThat(taskService.createTaskQuery().taskId(sub).count()).isOne();
      // only an opinion finishes it
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + sub
          + "&detailsTab=bangfu.approverOperations");
      new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.id("bangfu-opinion")))).selectByValue("AGREE");
      browser.findElement(By.id("bangfu-opinion-comment")).sendKeys("同意纳入");
      click(browser.findElement(By.cssSelector("button[data-op='co-sign']")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-result"), "请刷新任务列表"));
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-co-sign");
      throw e;
    }
    assertThat(taskService.createTaskQuery().taskId(sub).count()).isZero();
    assertThat(api.get("approver_county", "/api/cases/" + bk.substring(bk.lastIndexOf('-') + 1)).getBody()
        .get("audit").toString()).contains("CO_SIGN_AGREE", "会签意见：同意：同意纳入");
  }

  /**
   * The township reviewer returns a case from Tasklist's 审批操作 tab (the application's API with the Tasklist
   * sign-in and its CSRF token): the village cadre gets 入户核实 again with the reason.
   */
  @Test
  void aReviewerReturnsACaseFromTasklistsOperationsTab() {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan");
    String review = taskId("reviewer_heping", bk, RiskIdentification.TOWNSHIP_REVIEW);
    openBrowser();
    try {
      signIn("reviewer_heping");
      openTask(review);
      click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='审批操作']"))));
      WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bangfu-target")));
      new org.openqa.selenium.support.ui.Select(target).selectByVisibleText("入户核实");
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bangfu-reason")))
          .selectByVisibleText("材料不全");
      browser.findElement(By.id("bangfu-comment")).sendKeys("缺少医疗费用票据，请补充");
      click(browser.findElement(By.cssSelector("button[data-op='return']")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-result"), "已退回至“入户核实”"));
      screenshot("tasklist-return");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-tasklist-return");
      throw e;
    }
    String verify = taskId("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD);
    assertThat(taskService.getVariableLocal(verify, "returnNote").toString())
        .contains("reviewer_heping", "材料不全", "缺少医疗费用票据，请补充");
    assertThat(api.tasks("reviewer_heping", bk)).isEmpty();
    browser.quit();
    // the village cadre's form says why
    openBrowser();
    try {
      signIn("cadre_dongshan");
      openTask(verify);
      WebElement note = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          ".fjs-container [id$='Field_returnNote']")));
      assertThat(note.getAttribute("value")).contains("从“乡镇审核”退回（材料不全）：缺少医疗费用票据，请补充");
      assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("退回或撤回说明");
      screenshot("tasklist-returned-verification");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-tasklist-returned");
      throw e;
    }
  }

  /**
   * The yearly 集中排查 list is not in the task's variables: the cadre reads it in the task's 筛查名单 tab, which the
   * Tasklist plugin fills from the registry for the cadre's village.
   */
  @Test
  void aCadreReadsTheVillagesScreeningListInItsTab() {
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDateTime.parse("2028-03-01T02:00:00")
        .atZone(java.time.ZoneId.systemDefault()).toInstant()));
    try {
      managementService.executeJob(managementService.createJobQuery()
          .processDefinitionKey(PeriodicScreening.CONCENTRATED_KEY).timers().list().stream()
          .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow().getId());
    } finally {
      ClockUtil.reset();
    }
    org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery()
        .taskDefinitionKey(PeriodicScreening.CONCENTRATED_SCREENING).taskCandidateGroup("village-" + DONGSHAN)
        .orderByTaskCreateTime().desc().list().get(0);
    List<String> names = jdbc.queryForList("SELECT head_name FROM bf_household WHERE village_code = ?",
        String.class, DONGSHAN);
    openBrowser();
    try {
      signIn("cadre_dongshan");
      openTask(task.getId());
      click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='筛查名单']"))));
      WebElement list = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          ".bangfu-screening-list")));
      assertThat(list.getText()).contains("东山村 集中排查名单", "共 " + names.size() + " 户", names.get(0));
      assertThat(list.findElements(By.cssSelector("tbody tr"))).hasSize(names.size());
      screenshot("tasklist-screening-list");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-tasklist-screening-list");
      throw e;
    } finally {
      runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "browser test done");
    }
  }

  /**
   * Batch approval on the approver page, reached from Tasklist's navigation bar: 富民乡's reviewer lists 杏花村's
   * households past public notice, returns one with a reason and approves the others in one action.
   */
  @Test
  void aTownshipReviewerApprovesAVillagesHouseholdsInOneAction() {
    List<String> cases = List.of(caseAtTownshipReview(XINGHUA, "cadre_xinghua"),
        caseAtTownshipReview(XINGHUA, "cadre_xinghua"), caseAtTownshipReview(XINGHUA, "cadre_xinghua"));
    String returned = taskId("reviewer_fumin", cases.get(1), RiskIdentification.TOWNSHIP_REVIEW);
    openBrowser();
    try {
      signIn("reviewer_fumin");
      click(wait.until(ExpectedConditions.elementToBeClickable(By.id("bangfu-approvals-link"))));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batchVillage"))).sendKeys(XINGHUA);
      click(browser.findElement(By.id("batchLoad")));
      WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batchTable")));
      for (String bk : cases) {
        assertThat(table.getText()).contains(bk);
      }
      WebElement row = table.findElement(By.cssSelector("tr[data-task='" + returned + "']"));
      new org.openqa.selenium.support.ui.Select(row.findElement(By.cssSelector("select.decision")))
          .selectByVisibleText("退回");
      row.findElement(By.cssSelector("input.reason")).sendKeys("家庭人口与户籍不一致");
      int households = table.findElements(By.cssSelector("tbody tr")).size();
      click(browser.findElement(By.id("batchSubmit")));
      WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
          "#done-message, #error")));
      assertThat(message.getText()).startsWith("已审批 " + households + " 户：")
          .contains("同意 " + (households - 1) + " 户", "退回 1 户");
      screenshot("approvals-batch");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-approvals-batch");
      throw e;
    }
    assertThat(api.tasks("cadre_xinghua", cases.get(1))).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(RiskIdentification.VERIFY_HOUSEHOLD);
    for (String bk : List.of(cases.get(0), cases.get(2))) {
      assertThat(api.tasks("approver_county", bk)).extracting(t -> t.get("taskDefinitionKey"))
          .containsExactly(RiskIdentification.COUNTY_APPROVAL);
    }
  }

  /** Cockpit speaks Chinese: its sign-in, dashboard and the processes page. */
  @Test
  void cockpitSpeaksChinese() {
    openBrowser();
    try {
      signIn("cockpit", "admin", "admin");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "部署"));
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "RiskIdentificationProcess"));
      String page = browser.findElement(By.tagName("body")).getText();
      assertThat(page).contains("流程定义", "监控台").doesNotContain("Process Definitions", "Dashboard");
      screenshot("cockpit-processes");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-cockpit-zh");
      throw e;
    }
  }

  /** Cockpit draws every deployed process (their diagrams in docs/diagrams are these screenshots). */
  @Test
  void cockpitDrawsEveryProcessOfTheLifecycle() throws IOException {
    openBrowser();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(2600, 1100));
    try {
      signIn("admin", "admin", "admin"); // one sign-in for all webapps
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
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-cockpit");
      throw e;
    }
  }

  @Test
  void theAdministratorManagesUsersInChinese() {
    openBrowser();
    try {
      signIn("admin", "admin", "admin");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "授权"));
      browser.get("http://localhost:" + port + "/camunda/app/admin/default/#/users");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户列表"));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("添加用户").contains("cadre_dongshan").contains("王建国");
      screenshot("admin-users");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-admin");
      throw e;
    }
  }

  // --- browser steps

  private void openBrowser() {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
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
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private void signIn(String user) {
    signIn("tasklist", user, ApiClient.PASSWORD);
  }

  private void signIn(String app, String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/");
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "input[ng-model='username'], input#ad-user-name")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
    WebElement signInButton = browser.findElement(By.cssSelector("button[type='submit']"));
    assertThat(signInButton.getText()).as("Tasklist speaks Chinese to a zh-CN browser").contains("登录");
    signInButton.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
  }

  /** Clicks this task in the list of the user's first filter (本组待办): it must be listed there. */
  private void openTask(String taskId) {
    click(wait.until(ExpectedConditions.presenceOfElementLocated(taskLink(taskId))));
  }

  private static By taskLink(String taskId) {
    return By.xpath("//li[contains(@class,'task')]//a[contains(@href,'task=" + taskId + "')]");
  }

  private String taskId(String user, String businessKey, String step) {
    return api.tasks(user, businessKey).stream().filter(t -> step.equals(t.get("taskDefinitionKey")))
        .map(t -> (String) t.get("id")).findFirst().orElseThrow(() -> new AssertionError(user + " has no " + step));
  }

  private void claim() {
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim, "
        + "[ng-click*='claim']")));
    // read the label before clicking: Tasklist re-renders the button once the task is claimed
    assertThat(claim.getText()).contains("认领");
    claim.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
  }

  /** The input of the Camunda Form field with this key (form-js names its inputs after the field id). */
  private WebElement formField(String key) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        ".fjs-container [id$='Field_" + key + "'], .fjs-container [name='" + key + "']")));
  }

  /**
   * Types into a form field until it holds the text (form-js re-renders the form on every change, which can replace
   * the input while keys are still arriving), then leaves it.
   */
  private void type(String key, String text) {
    wait.until(d -> {
      try {
        WebElement input = formField(key);
        if (!text.equals(input.getAttribute("value"))) {
          input.clear();
          input.sendKeys(text);
        }
        return text.equals(formField(key).getAttribute("value"));
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return false;
      }
    });
    // form-js takes text in after a debounce, or when the field loses focus: leave the field and let it settle
    formField(key).sendKeys(org.openqa.selenium.Keys.TAB);
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Clicks the radio button (or checkbox) whose label says this. */
  private void choose(String label) {
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']/input")));
    click(input);
    wait.until(d -> input.isSelected());
  }

  /** Scrolls the element to the middle of the view first: Tasklist's footer covers the bottom of the form. */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private void complete() {
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//button[@type='submit' and (contains(normalize-space(.),'Complete') or contains(normalize-space(.),'完成'))]")));
    click(button);
  }

  private void screenshot(String name) {
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
