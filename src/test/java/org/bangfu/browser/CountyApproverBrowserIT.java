package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.List;
import java.util.Map;
import org.bangfu.exit.ExitReview;
import org.bangfu.measure.MeasureImplementation;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The county approver takes the demo case through its exit in Tasklist.
 */
class CountyApproverBrowserIT extends BrowserTest {

  /**
   * The demo county's case of 赵大山 (seven months of history made at start-up) taken to 风险消除 in Tasklist by the
   * demo users of each level, the administrator cutting the 5-day notice short with the demo-only endpoint.
   */
  @Test
  void theDemoCaseIsTakenToItsExitInTasklist() throws Exception {
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

    inBrowser("exit-village", () -> {
      tasklist.signIn("cadre_dongshan");
      tasklist.openTask(taskId("cadre_dongshan", bk, MeasureImplementation.FOLLOW_UP_VISIT));
      tasklist.claim();
      tasklist.type("visitPeriod", java.time.YearMonth.now().minusMonths(1).toString());
      tasklist.type("visitNetIncome", "3400");
      tasklist.type("visitChanges", "务工满半年，收入稳定");
      tasklist.choose("收入稳定、风险已消除，建议启动风险消除");
      tasklist.complete();
      String verification = awaitTask("cadre_dongshan", bk, ExitReview.HOME_VERIFICATION);
      tasklist.openTask(verification);
      tasklist.claim();
      for (String fact : List.of("rigidSpendingControllable", "basicNeedsSecured", "drinkingWaterSecured")) {
        WebElement box = tasklist.formField(fact);
        tasklist.click(box);
        wait.until(d -> box.isSelected());
      }
      tasklist.choose("核实完毕，进行条件判定");
      screenshot("exit-verification");
      tasklist.complete();
      String review = awaitTask("cadre_dongshan", bk, ExitReview.DEMOCRATIC_REVIEW);
      tasklist.openTask(review);
      tasklist.claim();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "评议结果"));
      tasklist.choose("评议通过，进行公示");
      tasklist.complete();
      wait.until(d -> { // the notice's timer, once the completion went through
        try {
          return timer(bk) != null;
        } catch (AssertionError notYet) {
          return false;
        }
      });
    });
    String endWaiting = "/api/demo/cases/" + demo.get("id") + "/end-waiting";
    assertThat(api.post("cadre_dongshan", endWaiting, Map.of()).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("admin", "admin").postForEntity(endWaiting, Map.of(), Map.class)
        .getStatusCode().value()).isEqualTo(200);

    for (String[] level : new String[][] {{"reviewer_heping", ExitReview.TOWNSHIP_REVIEW, "同意，报县级审定"},
        {"approver_county", ExitReview.COUNTY_APPROVAL, "同意，标注风险消除"}}) {
      inBrowser("exit-" + level[0], () -> {
        tasklist.signIn(level[0]);
        tasklist.openTask(taskId(level[0], bk, level[1]));
        tasklist.claim();
        tasklist.choose(level[2]);
        screenshot("exit-" + level[0]);
        if ("approver_county".equals(level[0])) {
          docScreenshot("county-approver-task");
        }
        tasklist.complete();
        wait.until(d -> api.tasks(level[0], bk).isEmpty());
      });
    }
    Map<String, Object> exited = api.get("approver_county", "/api/cases/" + demo.get("id")).getBody();
    assertThat(exited).containsEntry("status", "ELIMINATED");
    assertThat(exited.get("audit").toString()).contains("decision=ELIGIBLE").contains("decision=DEMO")
        .contains("step=Activity_ExitCountyApproval, stepName=县级审定（风险消除）, decision=APPROVE");
  }
}
