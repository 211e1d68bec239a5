package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.demo.DemoData.LIUSHU;

import java.util.List;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.measure.MeasureImplementation;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.screening.PeriodicScreening;
import org.bangfu.testing.ApiClient;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A village cadre's day in Tasklist and our pages: a self-application registered, the home verification filled and
 * completed (the township sees its review, another township does not), the plan drafted, a visit recorded, the overdue
 * filter, the village's screening list.
 */
class VillageCadreBrowserIT extends BrowserTest {

  @Test
  void aCadreCompletesTheVerificationInTasklistAndTheTownshipSeesItsReview() throws Exception {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "FULL", "NONE");
    String headName = (String) body.get("headName");
    Map<String, Object> opened = illnessFoundInDongshan(body);
    String bk = (String) opened.get("businessKey");

    inBrowser("cadre", () -> {
      tasklist.signIn("cadre_dongshan");
      String verifyTask = taskId("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD);
      // the card says whose case it is: 户主 · 乡镇村 · case number, and the risk with the income
      assertThat(tasklist.cardOf(bk, verifyTask)).contains(headName + " · 和平镇东山村 · " + bk)
          .contains("因病 · 人均纯收入 7,200 元/年");
      screenshot("task-card");
      tasklist.openTask(verifyTask);
      tasklist.claim();
      // the form opens with the case: household, members (ID numbers masked), what was done so far, by name
      // every member's masked number reads as a number (asterisks escaped, not taken for emphasis)
      assertThat(tasklist.formText().split("629988\\*{8}", -1)).hasSize(4);
      assertThat(tasklist.formText()).contains("案件概况：" + headName + " · 和平镇东山村 · " + bk)
          .contains("家庭成员（3 人）").contains("629988********").contains("收到风险线索：立案（王建国（东山村））")
          .doesNotContainPattern("629988\\d{8}");
      // the task's header links its case page, named after the household; Cockpit's link is not offered
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.bangfu-case-link")))
          .getText()).isEqualTo("查看案件档案：" + headName + " · 和平镇东山村 · " + bk);
      assertThat(browser.findElement(By.cssSelector("a.bangfu-evidence-link")).getAttribute("href"))
          .endsWith("#evidence").contains("/case.html?id=");
      assertThat(browser.findElements(By.cssSelector("a.instance-link")).stream().filter(WebElement::isDisplayed))
          .isEmpty();
      // 抄送 and 加签 offer the people who may see the case by name; nobody types a sign-in id
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + verifyTask
          + "&detailsTab=bangfu.approverOperations");
      WebElement copyTo = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bangfu-cc")));
      List<String> offered = new org.openqa.selenium.support.ui.Select(copyTo).getOptions().stream()
          .map(WebElement::getText).toList();
      assertThat(offered).contains("赵海燕（和平镇）", "周明（幸福县）").doesNotContain("王建国（东山村）", "李秀英（西河村）")
          .noneMatch(o -> o.matches("[a-z_]+"));
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + verifyTask
          + "&detailsTab=form");
      tasklist.formText();
      // nothing was returned: the form hides the return note
      assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).doesNotContain("退回或撤回说明");
      // form-js's own messages are in Chinese: completing without the required decision says so
      tasklist.complete();
      wait.until(d -> !tasklist.formErrors().isEmpty() && tasklist.formErrors().stream().allMatch(e -> !e.isEmpty()));
      assertThat(tasklist.formErrors()).contains("请填写此项").noneMatch(e -> e.contains("Field"));
      screenshot("verify-required");
      assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger"))).isNotEmpty();
      tasklist.tick("authorisationSigned");
      // correcting the form closes the stale red error
      wait.until(d -> d.findElements(By.cssSelector(".page-notifications .alert-danger")).isEmpty());
      tasklist.type("verifyFindings", "入户核实：户主慢性病，长期服药");
      tasklist.choose("情况属实");
      screenshot("verify-filled");
      tasklist.complete();
      // a completion is confirmed in words
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-completed"), "任务已办理完成"));
      wait.until(d -> api.tasks("cadre_dongshan", bk).stream()
          .noneMatch(t -> RiskIdentification.VERIFY_HOUSEHOLD.equals(t.get("taskDefinitionKey"))));
      screenshot("verify-completed");

      // the case file page reads the API with the same Tasklist sign-in; the cadre finds the case by its number
      browser.get("http://localhost:" + port + "/case.html");
      WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
      search.sendKeys(bk);
      browser.findElement(By.cssSelector("#find button")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "入户核实"));
      assertThat(browser.findElement(By.id("caseTitle")).getText()).isEqualTo(headName + " · 和平镇东山村 · 案件 " + bk);
      String timeline = browser.findElement(By.id("timeline")).getText();
      assertThat(timeline).contains("收到风险线索 立案 王建国（东山村）").contains("入户核实 属实 王建国（东山村）")
          .contains("监测范围测算（规则提示） 在监测范围内 系统").doesNotContain("cadre_dongshan");
      // the signed application scanned on a phone, added on the case page: shown, in the record, printed
      java.nio.file.Path scan = java.nio.file.Files.createTempFile("申请书-", ".png");
      java.nio.file.Files.write(scan, org.bangfu.testing.TestFiles.png(120, 160));
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#evidenceForm select[name=kind]")))
          .selectByValue("APPLICATION");
      browser.findElement(By.cssSelector("#evidenceForm input[type=file]")).sendKeys(scan.toString());
      browser.findElement(By.cssSelector("#evidenceForm button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence img.evidence")));
      assertThat(browser.findElement(By.id("evidence")).getText()).contains("签字的申请书", scan.getFileName().toString(),
          "王建国（东山村）");
      assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
          "const i = document.querySelector('#evidence img.evidence'); return i.complete && i.naturalWidth === 120;"))
          .as("the photo is shown").isTrue();
      // a file that is no photo is refused in the page, in Chinese
      java.nio.file.Path page0 = java.nio.file.Files.createTempFile("公示-", ".jpg");
      java.nio.file.Files.writeString(page0, "<html><script>alert(1)</script></html>");
      browser.findElement(By.cssSelector("#evidenceForm input[type=file]")).sendKeys(page0.toString());
      browser.findElement(By.cssSelector("#evidenceForm button[type=submit]")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evidenceError"))).getText())
          .contains("只能上传 JPG、PNG 格式的照片或扫描件，或 PDF 文件");
      browser.navigate().refresh();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "上传证明材料"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence img.evidence")));
      // 一户一档 printed to PDF by the browser: the household and the record in Chinese, without the page's navigation
      String printed = pdfText(((org.openqa.selenium.PrintsPage) browser).print(
          new org.openqa.selenium.print.PrintOptions()));
      assertThat(printed).contains(headName).contains("审批记录").contains("入户核实").contains("王建国（东山村）")
          .contains("证明材料").contains("签字的申请书").contains("上传证明材料")
          .doesNotContain("查找案件").doesNotContain("我发起的").doesNotContain("只能上传");
      // names and words, no codes: no enum constants, no group ids, no sign-in ids anywhere on the page
      String page = browser.findElement(By.tagName("main")).getText();
      assertThat(page).doesNotContainPattern("\\b[A-Z][A-Z_]{3,}\\b")
          .doesNotContainPattern("(village|township|county|dept)-").doesNotContainPattern("[a-z]+_[a-z]+");
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
      // a cadre is shown the cadre's pages, not the process owners' or the supervisors' tools
      wait.until(d -> !d.findElements(By.cssSelector(".bangfu-not-for-role")).isEmpty());
      String welcome = browser.findElement(By.tagName("body")).getText();
      assertThat(welcome).contains("登记风险线索").contains("案件档案").doesNotContain("流程发布与迁移")
          .doesNotContain("规则测算").doesNotContain("督导").doesNotContain("部门数据导入");
      assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
          .as("Camunda's end-of-life notice is for administrators").isEmpty();
      docScreenshot("village-cadre-welcome");
      screenshot("welcome");
    });

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
    inBrowser("township", () -> {
      tasklist.signIn("reviewer_heping");
      tasklist.openTask(townshipTask);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2.task"), "乡镇审核"));
      screenshot("township-review");
    });

    // the reviewer of 富民乡 has a task of their own (a self-application in 柳树村), but not 和平镇's review
    long ownHousehold = api.createHousehold("cadre_liushu",
        ApiClient.household(LIUSHU, "ORDINARY", 8000, 0, "FULL", "NONE"));
    api.openCase("cadre_liushu", Map.of("householdId", ownHousehold, "channel", "SELF_APPLICATION",
        "riskTypes", List.of("ILLNESS")));
    inBrowser("other-township", () -> {
      try {
        tasklist.signIn("reviewer_fumin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
            "//li[contains(@class,'task')]//*[normalize-space(text())='乡镇受理农户申请']")));
        assertThat(browser.findElements(TasklistPage.taskLink(townshipTask))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("乡镇审核");
      } finally {
        screenshot("other-township");
      }
    });
  }

  /**
   * A new task is in the cadre's message centre, named after its household; the link in Tasklist counts the unread;
   * the cadre opens the task from the message (read since), and chooses how else to be told — robots not yet
   * configured for the county are shown as such, a wrong mobile number is refused in Chinese.
   */
  @Test
  void aCadreReadsANewTaskInTheMessageCentreAndOpensIt() throws Exception {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE");
    String headName = (String) body.get("headName");
    String bk = (String) illnessFoundInDongshan(body).get("businessKey");
    String task = taskId("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD);

    try {
      inBrowser("messages", () -> {
        MessageCentrePage messages = new MessageCentrePage(browser, wait, "http://localhost:" + port);
        tasklist.signIn("cadre_dongshan");
        assertThat(messages.tasklistLink()).matches("消息（\\d+ 条未读）");
        browser.findElement(By.id("bangfu-messages-link")).click();
        messages.open();
        WebElement message = messages.message(bk);
        assertThat(message.getText()).contains("新待办", "新待办：入户核实 · " + headName + " · 和平镇东山村",
            "案件 " + bk, "待您办理", "打开任务", "查看案件", "标为已读");
        assertThat(message.getAttribute("class")).contains("unread");
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("消息（").contains("条未读）");
        assertThat(messages.settingsText()).contains("新待办", "退回", "到期提醒", "逾期督办", "抄送", "催办", "消息中心",
            "邮件", "企业微信群", "钉钉群", "本县尚未配置企业微信群机器人");
        assertThat(messages.channelBoxes("WECOM")).isNotEmpty().allMatch(b -> !b.isEnabled());
        assertThat(messages.channelBoxes("MAIL")).isNotEmpty().allMatch(WebElement::isEnabled);
        assertThat(messages.saveMobile("12345")).contains("手机号应为11位数字");
        assertThat(messages.saveMobile("13800000009")).contains("接收设置已保存");
        docScreenshot("village-cadre-messages");
        fitsAPhone("the message centre", messages::open);
        tasklist.click(messages.message(bk).findElement(By.linkText("打开任务")));
        wait.until(d -> d.getCurrentUrl().contains("task=" + task));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), "入户核实"));
        messages.open();
        assertThat(messages.message(bk).getAttribute("class")).as("read once opened").doesNotContain("unread");
      });
    } finally {
      api.put("cadre_dongshan", "/api/messages/settings", Map.of());
    }
  }

  /**
   * The registry page: the cadre finds a household of the village by its 户主 (ID numbers masked), corrects a member's
   * labour capacity and sees the change in the household's log; the county's approver reads who changed what.
   */
  @Test
  void aCadreCorrectsAHouseholdOnTheRegistryPageAndTheCountySeesWhoChangedIt() throws Exception {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "FULL");
    String headName = (String) body.get("headName");
    api.createHousehold("cadre_dongshan", body);
    inBrowser("registry", () -> {
      tasklist.signIn("cadre_dongshan");
      browser.get("http://localhost:" + port + "/registry.html");
      wait.until(d -> !d.findElements(By.cssSelector("#region option")).isEmpty());
      browser.findElement(By.id("name")).sendKeys(headName);
      browser.findElement(By.id("find")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "共 1 户"));
      String row = browser.findElement(By.cssSelector("#households tbody tr")).getText();
      assertThat(row).contains(headName, "一般农户", "和平镇东山村").containsPattern("629988\\*{8}")
          .doesNotContainPattern("\\d{17}[\\dX]");
      browser.findElement(By.cssSelector("#households button[data-edit]")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editSection")));
      List<WebElement> labour = browser.findElements(By.cssSelector("#members select.m-labour"));
      assertThat(labour).hasSize(2);
      new org.openqa.selenium.support.ui.Select(labour.get(1)).selectByValue("WEAK");
      tasklist.click(browser.findElement(By.id("save")));
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .message")))
          .getText()).isEqualTo("已保存：" + headName + "户");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("householdChanges"), "弱劳动能力"));
      assertThat(browser.findElement(By.id("householdChanges")).getText()).contains("劳动能力", "有劳动能力",
          "王建国（东山村）", "登记农户");
      docScreenshot("village-cadre-registry");
      phoneWidth();
      browser.navigate().refresh();
      wait.until(d -> !d.findElements(By.cssSelector("#households tbody tr")).isEmpty());
      assertThat(tasklist.overflow()).as("the registry page at 390 px").isEmpty();
    });
    inBrowser("registry-county", () -> {
      tasklist.signIn("approver_county");
      browser.get("http://localhost:" + port + "/registry.html");
      wait.until(d -> !d.findElements(By.cssSelector("#region option")).isEmpty());
      assertThat(browser.findElement(By.cssSelector("#region option")).getText()).isEqualTo("全县");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("changes"), headName));
      assertThat(browser.findElement(By.id("changes")).getText()).contains(headName, "弱劳动能力", "王建国（东山村）");
    });
  }

  @Test
  void theCadresPagesFitAPhone() throws Exception {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE");
    String headName = (String) body.get("headName");
    Map<String, Object> opened = illnessFoundInDongshan(body);
    String bk = (String) opened.get("businessKey");

    inBrowser("phone", () -> {
      phoneWidth();
      tasklist.signIn("cadre_dongshan");
      String task = taskId("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD);
      assertThat(tasklist.cardOf(bk, task)).contains(headName);
      assertThat(tasklist.overflow()).as("Tasklist's list at 390 px").isEmpty();
      tasklist.openTask(task);
      // choosing the task on a phone brings the task (its title, then its form) into the upper half of the screen
      wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
          "const t = document.querySelector('.task-details h2.task');"
              + "return !!t && t.getBoundingClientRect().top >= 0"
              + " && t.getBoundingClientRect().top < window.innerHeight / 2;")));
      tasklist.claim();
      assertThat(tasklist.formText()).contains("案件概况：" + headName);
      assertThat(tasklist.overflow()).as("the task form at 390 px").isEmpty();
      docScreenshot("village-cadre-phone-task");

      for (String page : List.of("/signal.html", "/case.html?id=" + opened.get("id"), "/approvals.html",
          "/case.html?mine=1")) {
        browser.get("http://localhost:" + port + page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        wait.until(d -> !d.findElement(By.tagName("main")).getText().contains("正在读取"));
        if (page.contains("id=")) {
          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "收到风险线索"));
          docScreenshot("village-cadre-phone-case");
        }
        assertThat(tasklist.overflow()).as(page + " at 390 px").isEmpty();
      }
      // a wrong address answers in Chinese, with the way back
      browser.get("http://localhost:" + port + "/no-such-page.html");
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("页面不存在").contains("返回任务列表")
          .doesNotContain("Whitelabel");
    });
  }

  @Test
  void aCadreDraftsThePlanAndRecordsAVisitInTasklist() throws Exception {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "FULL", "NONE", "NONE"));
    Map<String, Object> opened = api.openCase("cadre_dongshan", Map.of("householdId", household,
        "channel", "CADRE_SCREENING", "riskTypes", List.of("ILLNESS", "UNSTABLE_WORK")));
    String bk = (String) opened.get("businessKey");
    includeThroughAllLevels(bk, "cadre_dongshan", "reviewer_heping");

    inBrowser("plan", () -> {
      tasklist.signIn("cadre_dongshan");
      tasklist.openTask(taskId("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN));
      tasklist.claim();
      // the DMN's recommendation is ticked, with its fields; an unticked measure shows no fields until ticked
      assertThat(tasklist.formField("plan_MEDICAL").isSelected()).isTrue();
      assertThat(browser.findElements(By.cssSelector(".fjs-container [id$='Field_planAmount_MEDICAL']"))).hasSize(1);
      assertThat(browser.findElements(By.cssSelector(".fjs-container [id$='Field_planAmount_EDUCATION']"))).isEmpty();
      tasklist.click(tasklist.formField("plan_EDUCATION"));
      tasklist.type("planAmount_EDUCATION", "2500");
      tasklist.type("planPerson_EDUCATION", "李老师");
      tasklist.click(tasklist.formField("householdConfirmed"));
      tasklist.choose("提交乡镇审核");
      screenshot("plan-draft");
      tasklist.complete();
      wait.until(d -> api.tasks("reviewer_heping", bk).stream()
          .anyMatch(t -> HouseholdPlan.TOWNSHIP_REVIEW.equals(t.get("taskDefinitionKey"))));
    });
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
    inBrowser("visit", () -> {
      tasklist.signIn("cadre_dongshan");
      tasklist.openTask(taskId("cadre_dongshan", bk, MeasureImplementation.FOLLOW_UP_VISIT));
      tasklist.claim();
      tasklist.type("visitPeriod", period);
      tasklist.type("visitNetIncome", "3400");
      tasklist.type("visitChanges", "务工收入稳定，医保报销到位");
      tasklist.choose("继续帮扶，按周期回访");
      screenshot("follow-up-visit");
      tasklist.complete();
      wait.until(d -> api.tasks("cadre_dongshan", bk).stream()
          .noneMatch(t -> MeasureImplementation.FOLLOW_UP_VISIT.equals(t.get("taskDefinitionKey"))));

      browser.get("http://localhost:" + port + "/case.html?id=" + opened.get("id"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visits"), period));
      assertThat(browser.findElement(By.id("plans")).getText()).contains("第1版").contains("现行")
          .contains("教育帮扶").contains("李老师");
      assertThat(browser.findElement(By.id("visits")).getText()).contains("3,400").contains("继续帮扶")
          .contains("王建国（东山村）").doesNotContain("cadre_dongshan");
      assertThat(browser.findElement(By.id("timeline")).getText()).contains("制定帮扶计划（农户签字确认） 提交")
          .contains("计划生效 生效").contains("入户回访 继续帮扶");
      screenshot("case-file-lifecycle");
    });
  }

  /**
   * Two months without an income record: the income test asks the village cadre for them in Tasklist, in words, and
   * runs again once they are typed in — a line for a month outside the window is named in the case file, not taken.
   */
  @Test
  void aCadreCompletesTheMissingIncomeMonthsInTasklist() throws Exception {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> incomes = new java.util.ArrayList<>((List<Map<String, Object>>) body.get("incomes"));
    String first = (String) incomes.get(0).get("period");
    String second = (String) incomes.get(1).get("period");
    body.put("incomes", incomes.subList(2, 12));
    long household = api.createHousehold("cadre_dongshan", body);
    Map<String, Object> opened = api.openCase("cadre_dongshan", Map.of("householdId", household, "channel",
        "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
    String bk = (String) opened.get("businessKey");
    api.decide("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "户主慢性病", "verifyDecision", "CONFIRM"));
    String task = taskId("cadre_dongshan", bk, RiskIdentification.COMPLETE_INCOME_RECORDS);
    inBrowser("incomes", () -> {
      tasklist.signIn("cadre_dongshan");
      // the card does not make a yearly income of ten months
      assertThat(tasklist.cardOf(bk, task)).contains((String) body.get("headName"), "补录收入记录")
          .contains("收入记录不全").doesNotContain("人均纯收入");
      tasklist.openTask(task);
      tasklist.claim();
      assertThat(tasklist.formText()).contains("缺少的月份不按0计算", "2 个月没有收入记录", first, second);
      tasklist.type("incomeLines", first + " 1166.67\n" + second + " 1166.67 0\n1999-01 100");
      tasklist.choose("已补录，重新测算");
      screenshot("incomes-completed");
      tasklist.complete();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-completed"), "任务已办理完成"));
    });
    assertThat(api.tasks("cadre_dongshan", bk)).extracting(t -> t.get("taskDefinitionKey"))
        .contains(RiskIdentification.DEMOCRATIC_REVIEW);
    Map<String, Object> caseFile = api.get("cadre_dongshan", "/api/cases/" + opened.get("id")).getBody();
    // twelve months of 1,166.67 for two people, the two completed ones included
    assertThat(((Number) caseFile.get("perCapitaIncome")).doubleValue()).isEqualTo(7000.02);
    assertThat(caseFile.get("audit").toString()).contains("补录 2 个月", "1999-01");
  }

  /** A village cadre registers a household's self-application on our page; the township then has it to accept. */
  @Test
  void aCadreRegistersASelfApplicationAndTheTownshipHasItToAccept() throws Exception {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL", "HALF", "NONE");
    long household = api.createHousehold("cadre_dongshan", body);
    String head = (String) body.get("headName");
    inBrowser("signal", () -> {
      tasklist.signIn("cadre_dongshan");
      browser.get("http://localhost:" + port + "/signal.html");
      WebElement select = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//select[@id='household']/option[@value='" + household + "']")));
      assertThat(select.getText()).contains("东山村").contains(head);
      select.click();
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      browser.findElement(By.id("submit")).click();
      // no risk chosen: refused with the reason, nothing opened
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "请至少选择一种风险类型"));
      tasklist.click(browser.findElement(By.cssSelector("input[name=risk][value=UNSTABLE_WORK]")));
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      browser.findElement(By.id("submit")).click();
      WebElement created = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
      assertThat(created.getText()).contains("已登记").contains("待乡镇受理");
      screenshot("signal-registered");
    });
    List<Map<String, Object>> cases = api.getList("reviewer_heping", "/api/cases?region=" + DONGSHAN + "&size=100")
        .getBody();
    Map<String, Object> opened = cases.stream().filter(c -> ((Number) c.get("householdId")).longValue() == household)
        .findFirst().orElseThrow();
    assertThat(opened).containsEntry("status", "IDENTIFYING");
    assertThat(api.tasks("reviewer_heping", (String) opened.get("businessKey")))
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly(RiskIdentification.ACCEPT_APPLICATION);
  }

  /**
   * A demo cadre's Tasklist in Chinese: the standard filters by their Chinese names, and 已逾期 lists the village's
   * overdue task but not one due next week.
   */
  @Test
  void aCadreFindsTheOverdueTaskUnderTheOverdueFilterInChinese() throws Exception {
    String overdueCase = openIdentification(DONGSHAN, "cadre_dongshan");
    String laterCase = openIdentification(DONGSHAN, "cadre_dongshan");
    String overdue = taskId("cadre_dongshan", overdueCase, RiskIdentification.VERIFY_HOUSEHOLD);
    String later = taskId("cadre_dongshan", laterCase, RiskIdentification.VERIFY_HOUSEHOLD);
    taskService.setDueDate(overdue, new java.util.Date(System.currentTimeMillis() - 86_400_000L));
    taskService.setDueDate(later, new java.util.Date(System.currentTimeMillis() + 7 * 86_400_000L));
    inBrowser("overdue-filter", () -> {
      tasklist.signIn("cadre_dongshan");
      WebElement filters = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          ".task-filters, [cam-tasklist-filters]")));
      wait.until(ExpectedConditions.textToBePresentInElement(filters, "已逾期"));
      assertThat(filters.getText()).contains("本组待办", "我的待办", "即将到期", "已逾期");
      tasklist.click(browser.findElement(By.xpath("//*[contains(@class,'task-filters') or @cam-tasklist-filters]"
          + "//a[contains(normalize-space(.),'已逾期')]")));
      wait.until(ExpectedConditions.presenceOfElementLocated(TasklistPage.taskLink(overdue)));
      assertThat(browser.findElements(TasklistPage.taskLink(later))).isEmpty();
      String page = browser.findElement(By.tagName("body")).getText();
      assertThat(page).contains("入户核实", "创建时间", "请在列表中选择一个任务").doesNotContain("Filters", "Created", "Select a task");
      screenshot("tasklist-overdue-filter");
    });
  }

  /**
   * The yearly 集中排查 list is not in the task's variables: the cadre reads it in the task's 筛查名单 tab, which the
   * Tasklist plugin fills from the registry for the cadre's village.
   */
  @Test
  void aCadreReadsTheVillagesScreeningListInItsTab() throws Exception {
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
    try {
      inBrowser("tasklist-screening-list", () -> {
        tasklist.signIn("cadre_dongshan");
        tasklist.openTask(task.getId());
        tasklist.click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
            "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='筛查名单']"))));
        WebElement list = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
            ".bangfu-screening-list")));
        assertThat(list.getText()).contains("东山村 集中排查名单", "共 " + names.size() + " 户", names.get(0));
        assertThat(list.findElements(By.cssSelector("tbody tr"))).hasSize(names.size());
        screenshot("tasklist-screening-list");
      });
    } finally {
      runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "browser test done");
    }
  }

  /** 东山村's cadre registers the household and opens a case for an illness found in screening. */
  private Map<String, Object> illnessFoundInDongshan(Map<String, Object> household) {
    long id = api.createHousehold("cadre_dongshan", household);
    return api.openCase("cadre_dongshan", Map.of("householdId", id, "channel", "CADRE_SCREENING", "riskTypes",
        List.of("ILLNESS")));
  }

  /** The text of a PDF the browser printed, as a reader would copy it out. */
  static String pdfText(org.openqa.selenium.Pdf pdf) {
    byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    } catch (java.io.IOException e) {
      throw new AssertionError("the printed case file is no PDF", e);
    }
  }
}
