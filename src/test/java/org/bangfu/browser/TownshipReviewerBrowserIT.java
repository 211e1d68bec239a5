package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.demo.DemoData.XINGHUA;

import java.util.List;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A township reviewer's day in Tasklist: a co-sign opinion, a return from the operations tab, a village's households
 * approved in one action on 我的审批.
 */
class TownshipReviewerBrowserIT extends BrowserTest {

  /**
   * A 会签 task opens in Tasklist on its opinion (the 审批操作 tab), not on the generic form; the generic form's
   * 办理完成 does not finish it, nor does 不同意 without a reason; only a signed opinion does, and it is audited.
   */
  @Test
  void aCoSignTaskOpensOnItsOpinionAndFinishesOnlyWithOne() throws Exception {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan");
    String review = taskId("reviewer_heping", bk, RiskIdentification.TOWNSHIP_REVIEW);
    assertThat(api.claim("reviewer_heping", review).getStatusCode().value()).isEqualTo(204);
    String sub = (String) api.post("reviewer_heping", "/api/tasks/" + review + "/co-signers",
        Map.of("coSigner", "approver_county", "reason", "家庭情况复杂，请县里会签")).getBody().get("taskId");
    inBrowser("co-sign", () -> {
      tasklist.signIn("approver_county");
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
      // signing cannot be undone: it is confirmed first, and a cancelled confirmation sends nothing
      tasklist.click(browser.findElement(By.cssSelector("button[data-op='co-sign']")));
      assertThat(tasklist.confirmation()).contains("确定签署会签意见吗");
      tasklist.answerConfirmation(false);
      assertThat(browser.findElement(By.id("bangfu-result")).getText()).isEmpty();
      tasklist.click(browser.findElement(By.cssSelector("button[data-op='co-sign']")));
      tasklist.answerConfirmation(true);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-result"), "不同意时请写明理由"));
      // the generic form's 办理完成 is refused by the server
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + sub + "&detailsTab=form");
      List<WebElement> complete = wait.until(d -> {
        List<WebElement> buttons = d.findElements(By.xpath("//button[normalize-space(.)='办理完成']"));
        return buttons.isEmpty() ? null : buttons;
      });
      tasklist.click(complete.get(0));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "会签任务请在“审批操作”中"));
      screenshot("tasklist-co-sign-generic-form-refused");
      assertThat(taskService.createTaskQuery().taskId(sub).count()).isOne();
      // only an opinion finishes it
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + sub
          + "&detailsTab=bangfu.approverOperations");
      new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.id("bangfu-opinion")))).selectByValue("AGREE");
      browser.findElement(By.id("bangfu-opinion-comment")).sendKeys("同意纳入");
      tasklist.click(browser.findElement(By.cssSelector("button[data-op='co-sign']")));
      tasklist.answerConfirmation(true);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-result"), "请刷新任务列表"));
    });
    assertThat(taskService.createTaskQuery().taskId(sub).count()).isZero();
    assertThat(api.get("approver_county", "/api/cases/" + bk.substring(bk.lastIndexOf('-') + 1)).getBody()
        .get("audit").toString()).contains("CO_SIGN_AGREE", "会签意见：同意：同意纳入");
  }

  /**
   * A household the income test calls out of range reaches the township, not a rejection: on a phone the reviewer
   * reads the rule's hint and the line's source, is told what is missing, and goes on with a type and a reason.
   */
  @Test
  void theRulesOutOfRangeIsTheTownshipsToDecideOnAPhone() throws Exception {
    Map<String, Object> body = org.bangfu.testing.ApiClient.household(DONGSHAN, "ORDINARY", 12000, 0, "FULL",
        "FULL", "NONE");
    long household = api.createHousehold("cadre_dongshan", body);
    String headName = (String) body.get("headName");
    String bk = (String) api.openCase("cadre_dongshan", Map.of("householdId", household, "channel",
        "CADRE_SCREENING", "riskTypes", List.of("UNSTABLE_WORK"))).get("businessKey");
    api.decide("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "户主工厂停工，已两个月没有工资", "verifyDecision", "CONFIRM"));
    String task = taskId("reviewer_heping", bk, RiskIdentification.REVIEW_OUT_OF_RANGE);
    inBrowser("out-of-range", () -> {
      phoneWidth();
      tasklist.signIn("reviewer_heping");
      assertThat(tasklist.cardOf(bk, task)).contains(headName, "乡镇研判");
      tasklist.openTask(task);
      tasklist.claim();
      String form = tasklist.formText();
      assertThat(form).contains("是否纳入由人决定", "案件概况：" + headName, "规则提示：人均纯收入不低于监测线")
          .contains("示例（演示地区）", "户主工厂停工");
      assertThat(tasklist.overflow()).as("the review at 390 px").isEmpty();
      docScreenshot("township-out-of-range-phone");
      // going on needs a household type and a reason: form-js says so in Chinese
      tasklist.choose("继续识别程序（进入村级民主评议）");
      tasklist.complete();
      wait.until(d -> !tasklist.formErrors().isEmpty() && tasklist.formErrors().stream().allMatch(e -> !e.isEmpty()));
      assertThat(tasklist.formErrors()).contains("请填写此项");
      tasklist.choose("边缘易致贫户");
      tasklist.type("outOfRangeReason", "户主停工两个月，收入骤减，按收入大幅缩减纳入识别");
      tasklist.complete();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-completed"), "任务已办理完成"));
    });
    assertThat(api.tasks("cadre_dongshan", bk)).extracting(t -> t.get("taskDefinitionKey"))
        .contains(RiskIdentification.DEMOCRATIC_REVIEW);
    Map<String, Object> caseFile = api.get("approver_county", "/api/cases/" + bk.substring(bk.lastIndexOf('-') + 1))
        .getBody();
    assertThat(caseFile).containsEntry("householdType", "BYYZP").containsEntry("status", "IDENTIFYING");
    assertThat(caseFile.get("audit").toString()).contains("PROCEED", "户主停工两个月");
  }

  /**
   * The township reviewer returns a case from Tasklist's 审批操作 tab (the application's API with the Tasklist
   * sign-in and its CSRF token): the village cadre gets 入户核实 again with the reason.
   */
  @Test
  void aReviewerReturnsACaseFromTasklistsOperationsTab() throws Exception {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan");
    String review = taskId("reviewer_heping", bk, RiskIdentification.TOWNSHIP_REVIEW);
    inBrowser("tasklist-return", () -> {
      tasklist.signIn("reviewer_heping");
      tasklist.openTask(review);
      // the review opens with the case and what the village found
      assertThat(tasklist.formText()).contains("案件概况").contains("入户核实：属实");
      docScreenshot("township-reviewer-task");
      tasklist.click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='审批操作']"))));
      WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bangfu-target")));
      new org.openqa.selenium.support.ui.Select(target).selectByVisibleText("入户核实");
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bangfu-reason")))
          .selectByVisibleText("材料不全");
      browser.findElement(By.id("bangfu-comment")).sendKeys("缺少医疗费用票据，请补充");
      tasklist.click(browser.findElement(By.cssSelector("button[data-op='return']")));
      // a return ends the step: it is confirmed first
      assertThat(tasklist.confirmation()).contains("确定退回到“入户核实”吗");
      tasklist.answerConfirmation(true);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bangfu-result"), "已退回至“入户核实”"));
      screenshot("tasklist-return");
    });
    String verify = taskId("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD);
    assertThat(taskService.getVariableLocal(verify, "returnNote").toString())
        .contains("reviewer_heping", "材料不全", "缺少医疗费用票据，请补充");
    assertThat(api.tasks("reviewer_heping", bk)).isEmpty();
    // the village cadre's form says why
    inBrowser("tasklist-returned", () -> {
      tasklist.signIn("cadre_dongshan");
      tasklist.openTask(verify);
      WebElement note = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          ".fjs-container [id$='Field_returnNote']")));
      assertThat(note.getAttribute("value")).contains("从“乡镇审核”退回（材料不全）：缺少医疗费用票据，请补充");
      assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("退回或撤回说明");
      screenshot("tasklist-returned-verification");
    });
  }

  /**
   * Batch approval on the approver page, reached from Tasklist's navigation bar: 富民乡's reviewer lists 杏花村's
   * households past public notice, returns one with a reason and approves the others in one action.
   */
  @Test
  void aTownshipReviewerApprovesAVillagesHouseholdsInOneAction() throws Exception {
    List<String> cases = List.of(caseAtTownshipReview(XINGHUA, "cadre_xinghua"),
        caseAtTownshipReview(XINGHUA, "cadre_xinghua"), caseAtTownshipReview(XINGHUA, "cadre_xinghua"));
    String returned = taskId("reviewer_fumin", cases.get(1), RiskIdentification.TOWNSHIP_REVIEW);
    inBrowser("approvals-batch", () -> {
      tasklist.signIn("reviewer_fumin");
      tasklist.click(wait.until(ExpectedConditions.elementToBeClickable(By.id("bangfu-approvals-link"))));
      // the village is chosen by name among the township's villages, not typed as a code
      WebElement villages = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//select[@id='batchVillage']/option[@value='" + XINGHUA + "']/..")));
      List<String> offered = new org.openqa.selenium.support.ui.Select(villages).getOptions().stream()
          .map(WebElement::getText).toList();
      assertThat(offered).contains("富民乡杏花村", "富民乡柳树村").doesNotContain("和平镇东山村");
      new org.openqa.selenium.support.ui.Select(villages).selectByVisibleText("富民乡杏花村");
      tasklist.click(browser.findElement(By.id("batchLoad")));
      WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batchTable")));
      for (String bk : cases) {
        assertThat(table.getText()).contains(bk);
      }
      WebElement row = table.findElement(By.cssSelector("tr[data-task='" + returned + "']"));
      new org.openqa.selenium.support.ui.Select(row.findElement(By.cssSelector("select.decision")))
          .selectByVisibleText("退回");
      row.findElement(By.cssSelector("input.reason")).sendKeys("家庭人口与户籍不一致");
      int households = table.findElements(By.cssSelector("tbody tr")).size();
      tasklist.click(browser.findElement(By.id("batchSubmit")));
      org.openqa.selenium.Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
      assertThat(confirm.getText()).contains("确定一次提交 " + households + " 户的审批意见吗");
      confirm.accept();
      WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
          "#done-message, #error")));
      assertThat(message.getText()).startsWith("已审批 " + households + " 户：")
          .contains("同意 " + (households - 1) + " 户", "退回 1 户");
      screenshot("approvals-batch");
    });
    assertThat(api.tasks("cadre_xinghua", cases.get(1))).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(RiskIdentification.VERIFY_HOUSEHOLD);
    for (String bk : List.of(cases.get(0), cases.get(2))) {
      assertThat(api.tasks("approver_county", bk)).extracting(t -> t.get("taskDefinitionKey"))
          .containsExactly(RiskIdentification.COUNTY_APPROVAL);
    }
  }
}
