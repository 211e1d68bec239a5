package org.bangfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.demo.DemoData.SHIQIAO;
import static org.bangfu.demo.DemoData.XINGHUA;
import static org.bangfu.identification.RiskIdentification.ACCEPT_APPLICATION;
import static org.bangfu.identification.RiskIdentification.COUNTY_APPROVAL;
import static org.bangfu.identification.RiskIdentification.TOWNSHIP_REVIEW;
import static org.bangfu.identification.RiskIdentification.VERIFY_HOUSEHOLD;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.demo.DemoData;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.AccessProvisioning;
import org.bangfu.shared.EngineClock;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.bangfu.testing.WebappSession;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The approver operations of Chinese approval systems through the API, each with its refusals: 退回 to a configured
 * earlier step with a reason code and what changed on resubmission, 撤回 while the next step is untouched, 加签, 抄送,
 * batch approval of a village's households, and standing delegation by date range.
 */
class ApproverOperationsIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService taskService;
  @Autowired
  AccessProvisioning provisioning;

  @Test
  void aTownshipReviewerReturnsACaseToTheVerificationAndSeesWhatChangedOnResubmission() {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan", "reviewer_heping");
    String review = taskId("reviewer_heping", bk, TOWNSHIP_REVIEW);

    Map<String, Object> targets = api.get("reviewer_heping", "/api/tasks/" + review + "/return-targets").getBody();
    assertThat(targets.get("targets").toString()).contains("Activity_VerifyHousehold", "入户核实",
        "SubProcess_VillageReview").doesNotContain("Activity_CountyApproval");
    assertThat(targets.get("reasons").toString()).contains("VERIFICATION_INSUFFICIENT", "入户核实不充分");

    String url = "/api/tasks/" + review + "/return";
    Map<String, Object> valid = Map.of("target", VERIFY_HOUSEHOLD, "reasonCode", "VERIFICATION_INSUFFICIENT",
        "comment", "请补充核实医疗费用票据");
    // the village cadre does not hold the township's step; another township does not even see it
    assertThat(status(api.post("cadre_dongshan", url, valid))).isEqualTo(403);
    assertThat(status(api.post("reviewer_fumin", url, valid))).isEqualTo(404);
    ResponseEntity<Map<String, Object>> notAllowed = api.post("reviewer_heping", url,
        Map.of("target", COUNTY_APPROVAL, "reasonCode", "OTHER", "comment", "x"));
    assertThat(status(notAllowed)).isEqualTo(400);
    assertThat(notAllowed.getBody().toString()).contains("只能退回到：入户核实");
    assertThat(status(api.post("reviewer_heping", url, Map.of("target", VERIFY_HOUSEHOLD, "reasonCode", "NONSENSE",
        "comment", "x")))).isEqualTo(400);
    assertThat(status(api.post("reviewer_heping", url, Map.of("target", VERIFY_HOUSEHOLD,
        "reasonCode", "OTHER")))).isEqualTo(400);
    assertThat(api.tasks("reviewer_heping", bk)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(TOWNSHIP_REVIEW);

    ResponseEntity<Map<String, Object>> returned = api.post("reviewer_heping", url, valid);
    assertThat(status(returned)).as("%s", returned.getBody()).isEqualTo(200);
    assertThat(api.tasks("reviewer_heping", bk)).isEmpty();
    List<Map<String, Object>> village = api.tasks("cadre_dongshan", bk);
    assertThat(village).extracting(t -> t.get("taskDefinitionKey")).containsExactly(VERIFY_HOUSEHOLD);
    String verify = (String) village.get(0).get("id");
    assertThat(taskService.getVariableLocal(verify, "returnNote").toString())
        .contains("reviewer_heping", "乡镇审核", "入户核实不充分", "请补充核实医疗费用票据");

    // the cadre verifies again with more findings; the case goes through the village review again
    api.decide("cadre_dongshan", bk, VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "补充核实：医疗费用票据齐全", "verifyDecision", "CONFIRM"));
    villageReview(bk, "cadre_dongshan");
    String again = taskId("reviewer_heping", bk, TOWNSHIP_REVIEW);
    String changes = taskService.getVariableLocal(again, "changesSinceReturn").toString();
    assertThat(changes).contains("退回至“入户核实”", "请补充核实医疗费用票据",
        "核实情况：情况属实 → 补充核实：医疗费用票据齐全");
    assertThat(changes).doesNotContain("returnNote", "decidedBy");
    assertThat(jdbc.queryForObject("SELECT r.resubmitted_task_id FROM bf_task_return r JOIN bf_case c "
        + "ON c.id = r.case_id WHERE c.business_key = ?", String.class, bk)).isEqualTo(again);
    assertThat(audit(bk)).contains("decision=RETURN, reason=退回至“入户核实”（入户核实不充分）：请补充核实医疗费用票据, "
        + "actor=reviewer_heping");
    // a later task of the same step shows nothing: the return was shown once
    api.decide("reviewer_heping", bk, TOWNSHIP_REVIEW, Map.of("townshipDecision", "APPROVE"));
    assertThat(api.tasks("approver_county", bk)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(COUNTY_APPROVAL);
  }

  @Test
  void theSubmitterWithdrawsWhileTheNextStepIsUntouchedAndNotAfter() {
    String bk = selfApplication();
    String accept = taskId("reviewer_heping", bk, ACCEPT_APPLICATION);
    api.decide("reviewer_heping", bk, ACCEPT_APPLICATION, Map.of("applicationDecision", "ACCEPT"));
    String url = "/api/tasks/" + accept + "/withdraw";
    assertThat(status(api.post("cadre_dongshan", url, Map.of()))).isEqualTo(403);
    assertThat(status(api.post("reviewer_fumin", url, Map.of()))).isEqualTo(404);

    ResponseEntity<Map<String, Object>> withdrawn = api.post("reviewer_heping", url, Map.of());
    assertThat(status(withdrawn)).as("%s", withdrawn.getBody()).isEqualTo(200);
    assertThat(api.tasks("cadre_dongshan", bk)).isEmpty();
    List<Map<String, Object>> back = api.tasks("reviewer_heping", bk);
    assertThat(back).extracting(t -> t.get("taskDefinitionKey")).containsExactly(ACCEPT_APPLICATION);
    assertThat(back.get(0).get("assignee")).isEqualTo("reviewer_heping");
    assertThat(audit(bk)).contains("decision=WITHDRAW", "actor=reviewer_heping");

    // submitted again; this time the cadre claims the verification: too late to withdraw
    String secondAccept = (String) back.get(0).get("id");
    assertThat(status(api.complete("reviewer_heping", secondAccept, Map.of("applicationDecision", "ACCEPT"))))
        .isEqualTo(204);
    String verify = taskId("cadre_dongshan", bk, VERIFY_HOUSEHOLD);
    assertThat(status(api.claim("cadre_dongshan", verify))).isEqualTo(204);
    ResponseEntity<Map<String, Object>> late = api.post("reviewer_heping", "/api/tasks/" + secondAccept
        + "/withdraw", Map.of());
    assertThat(status(late)).isEqualTo(409);
    assertThat(late.getBody().toString()).contains("已由 王建国（东山村） 认领，不能撤回");
    // a step the model does not mark withdrawable
    assertThat(status(api.complete("cadre_dongshan", verify, Map.of("authorisationSigned", true,
        "verifyFindings", "属实", "verifyDecision", "CONFIRM")))).isEqualTo(204);
    ResponseEntity<Map<String, Object>> notAllowed = api.post("cadre_dongshan", "/api/tasks/" + verify
        + "/withdraw", Map.of());
    assertThat(status(notAllowed)).isEqualTo(400);
    assertThat(notAllowed.getBody().toString()).contains("提交后不能撤回");
  }

  @Test
  void aCoSignerMustSignBeforeTheStepCanBeCompletedAndACopyIsReadOnly() {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan", "reviewer_heping");
    String review = taskId("reviewer_heping", bk, TOWNSHIP_REVIEW);
    assertThat(status(api.claim("reviewer_heping", review))).isEqualTo(204);
    String url = "/api/tasks/" + review + "/co-signers";
    ResponseEntity<Map<String, Object>> outside = api.post("reviewer_heping", url,
        Map.of("coSigner", "cadre_liushu", "reason", "请会签"));
    assertThat(status(outside)).isEqualTo(400);
    assertThat(outside.getBody().toString()).contains("刘春梅（柳树村） 不能查看本案件所在辖区");
    assertThat(status(api.post("cadre_dongshan", url, Map.of("coSigner", "approver_county", "reason", "x"))))
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> added = api.post("reviewer_heping", url,
        Map.of("coSigner", "approver_county", "reason", "家庭情况复杂，请县里会签"));
    assertThat(status(added)).as("%s", added.getBody()).isEqualTo(200);
    String sub = (String) added.getBody().get("taskId");
    assertThat(status(api.post("reviewer_heping", url, Map.of("coSigner", "approver_county", "reason", "再次"))))
        .isEqualTo(409);

    // not before the co-signer has signed
    ResponseEntity<Map<String, Object>> early = api.complete("reviewer_heping", review,
        Map.of("townshipDecision", "APPROVE"));
    assertThat(status(early)).isEqualTo(400);
    // named as people know each other, not by sign-in id
    assertThat(early.getBody().toString()).contains("加签人员 周明（幸福县） 尚未签署意见")
        .doesNotContain("approver_county");
    // nor in one request; and the co-signer's sub-task is signed with an opinion, never completed as a step
    ResponseEntity<Map<String, Object>> earlyInOne = api.post("reviewer_heping", "/api/cases/" + caseId(bk)
        + "/steps/" + TOWNSHIP_REVIEW + "/complete", Map.of("fields", Map.of("townshipDecision", "APPROVE")));
    assertThat(status(earlyInOne)).isEqualTo(400);
    assertThat(earlyInOne.getBody().toString()).contains("加签人员 周明（幸福县） 尚未签署意见");
    ResponseEntity<Map<String, Object>> subInOne = api.post("approver_county", "/api/tasks/" + sub + "/complete",
        Map.of("fields", Map.of("townshipDecision", "APPROVE")));
    assertThat(status(subInOne)).isEqualTo(403);
    assertThat(subInOne.getBody().toString()).contains("会签任务请在“审批操作”中选择同意或不同意");
    // the co-signer has the sub-task in their inbox; only they sign it, a disagreement needs a reason
    assertThat(api.getList("approver_county", "/engine-rest/task?assignee=approver_county").getBody())
        .extracting(t -> t.get("id")).contains(sub);
    assertThat(status(api.post("reviewer_heping", "/api/tasks/" + sub + "/co-sign", Map.of("opinion", "AGREE"))))
        .isEqualTo(403);
    assertThat(status(api.post("approver_county", "/api/tasks/" + sub + "/co-sign",
        Map.of("opinion", "DISAGREE")))).isEqualTo(400);
    assertThat(status(api.post("approver_county", "/api/tasks/" + sub + "/co-sign",
        Map.of("opinion", "AGREE", "comment", "同意纳入")))).isEqualTo(200);
    assertThat(status(api.complete("reviewer_heping", review, Map.of("townshipDecision", "APPROVE"))))
        .isEqualTo(204);

    // 抄送 on the county's step: to the supervisor (sees the county), not to another township's cadre
    String county = taskId("approver_county", bk, COUNTY_APPROVAL);
    String cc = "/api/tasks/" + county + "/cc";
    ResponseEntity<Map<String, Object>> wrong = api.post("approver_county", cc,
        Map.of("recipients", List.of("supervisor_county", "cadre_xinghua"), "note", "请阅"));
    assertThat(status(wrong)).isEqualTo(400);
    assertThat(wrong.getBody().toString()).contains("陈志强（杏花村） 不能查看本案件所在辖区");
    assertThat(status(api.post("cadre_xinghua", cc, Map.of("recipients", List.of("supervisor_county")))))
        .isEqualTo(404);
    assertThat(status(api.post("approver_county", cc, Map.of("recipients", List.of("supervisor_county"),
        "note", "请督导组阅知")))).isEqualTo(200);
    List<Map<String, Object>> copies = api.getList("supervisor_county", "/api/cc").getBody();
    Map<String, Object> copy = copies.stream().filter(c -> county.equals(c.get("taskId"))).findFirst().orElseThrow();
    assertThat(copy).containsEntry("sentBy", "approver_county").containsEntry("note", "请督导组阅知")
        .containsEntry("readAt", null).containsEntry("sentByName", "周明（幸福县）").containsEntry("businessKey", bk);
    assertThat((String) copy.get("headName")).isNotBlank();
    // 已办 names the household too
    assertThat(api.getList("reviewer_heping", "/api/done").getBody())
        .filteredOn(d -> bk.equals(d.get("businessKey"))).isNotEmpty()
        .allMatch(d -> copy.get("headName").equals(d.get("headName")) && d.get("caseId") != null);
    assertThat(status(api.post("cadre_dongshan", "/api/cc/" + copy.get("id") + "/read", Map.of()))).isEqualTo(404);
    assertThat(api.post("supervisor_county", "/api/cc/" + copy.get("id") + "/read", Map.of()).getBody().get("readAt"))
        .isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_outbox WHERE dedup_key LIKE ? AND kind = 'CC'",
        Integer.class, "cc:" + county + ":supervisor_county|%")).isEqualTo(1);
    assertThat(audit(bk)).contains("decision=CO_SIGN_ADDED, reason=加签 周明（幸福县）：家庭情况复杂，请县里会签",
        "decision=CO_SIGN_AGREE, reason=会签意见：同意：同意纳入, actor=approver_county",
        "decision=CC, reason=抄送给 吴静（幸福县督导组）：请督导组阅知, actor=approver_county");
  }

  /**
   * The co-signer's sub-task was made by the reviewer who asked for it; after the step is transferred to a colleague,
   * who has no right of their own on that sub-task, the step still waits for the signature.
   */
  @Test
  void aTransferredStepStillWaitsForTheCoSignerItsFirstHolderAsked() {
    String colleague = "reviewer_heping_cosign";
    provisioning.ensureUser(colleague, "海", "和平镇", colleague + "@demo.bangfu.org", ApiClient.PASSWORD,
        List.of(CandidateGroups.township(DemoData.TOWNSHIP_HEPING)));
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan", "reviewer_heping");
    String review = taskId("reviewer_heping", bk, TOWNSHIP_REVIEW);
    assertThat(status(api.claim("reviewer_heping", review))).isEqualTo(204);
    ResponseEntity<Map<String, Object>> added = api.post("reviewer_heping", "/api/tasks/" + review + "/co-signers",
        Map.of("coSigner", "approver_county", "reason", "请县里会签"));
    assertThat(status(added)).as("%s", added.getBody()).isEqualTo(200);
    assertThat(status(api.post("reviewer_heping", "/api/tasks/" + review + "/transfer",
        Map.of("toUser", colleague, "reason", "外出开会")))).isEqualTo(200);

    ResponseEntity<Map<String, Object>> early = api.complete(colleague, review, Map.of("townshipDecision", "APPROVE"));
    assertThat(status(early)).as("%s", early.getBody()).isEqualTo(400);
    assertThat(early.getBody().toString()).contains("加签人员 周明（幸福县） 尚未签署意见");
    assertThat(api.tasks(colleague, bk)).extracting(t -> t.get("id")).containsExactly(review);

    assertThat(status(api.post("approver_county", "/api/tasks/" + added.getBody().get("taskId") + "/co-sign",
        Map.of("opinion", "AGREE", "comment", "同意")))).isEqualTo(200);
    assertThat(status(api.complete(colleague, review, Map.of("townshipDecision", "APPROVE")))).isEqualTo(204);
  }

  @Test
  void thirtyHouseholdsApprovedInOneActionWithTwoReturned() {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      cases.add(caseAtTownshipReview(SHIQIAO, "cadre_shiqiao", "reviewer_fumin"));
    }
    Map<String, Object> listing = api.get("reviewer_fumin", "/api/batch?step=" + TOWNSHIP_REVIEW
        + "&village=" + SHIQIAO).getBody();
    assertThat(listing).containsEntry("stepName", "乡镇审核")
        .containsEntry("decisionValues", List.of("APPROVE", "RETURN", "REJECT"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listed = (List<Map<String, Object>>) listing.get("items");
    Map<String, String> taskOfCase = new HashMap<>();
    listed.forEach(item -> taskOfCase.put((String) item.get("businessKey"), (String) item.get("taskId")));
    assertThat(taskOfCase).containsKeys(cases.toArray(String[]::new));
    assertThat(listed.get(0)).containsKeys("headName", "caseId", "due");

    // refusals first: a village cadre; a return without a reason; a household claimed by a colleague
    assertThat(status(api.get("cadre_shiqiao", "/api/batch?step=" + TOWNSHIP_REVIEW + "&village=" + SHIQIAO)))
        .isEqualTo(403);
    List<Map<String, Object>> decisions = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      boolean returned = i == 7 || i == 21;
      decisions.add(returned
          ? Map.of("taskId", taskOfCase.get(cases.get(i)), "decision", "RETURN", "reason", "户籍信息与公示不一致")
          : Map.of("taskId", taskOfCase.get(cases.get(i)), "decision", "APPROVE"));
    }
    Map<String, Object> request = Map.of("step", TOWNSHIP_REVIEW, "village", SHIQIAO, "decisions", decisions);
    assertThat(status(api.post("cadre_shiqiao", "/api/batch", request))).isEqualTo(403);
    List<Map<String, Object>> noReason = new ArrayList<>(decisions);
    noReason.set(7, Map.of("taskId", taskOfCase.get(cases.get(7)), "decision", "RETURN"));
    ResponseEntity<Map<String, Object>> refused = api.post("reviewer_fumin", "/api/batch",
        Map.of("step", TOWNSHIP_REVIEW, "village", SHIQIAO, "decisions", noReason));
    assertThat(status(refused)).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains(cases.get(7), "必须填写理由", "本次没有审批任何一户");
    assertThat(auditRows(cases)).isZero();
    assertThat(api.tasks("reviewer_fumin", cases.get(0))).extracting(t -> t.get("assignee"))
        .containsExactly((Object) null);

    ResponseEntity<Map<String, Object>> done = api.post("reviewer_fumin", "/api/batch", request);
    assertThat(status(done)).as("%s", done.getBody()).isEqualTo(200);
    assertThat(done.getBody()).containsEntry("decided", 30);
    assertThat(done.getBody().get("byDecision")).isEqualTo(Map.of("APPROVE", 28, "RETURN", 2));
    for (int i = 0; i < 30; i++) {
      String expected = i == 7 || i == 21 ? VERIFY_HOUSEHOLD : COUNTY_APPROVAL;
      String user = i == 7 || i == 21 ? "cadre_shiqiao" : "approver_county";
      assertThat(api.tasks(user, cases.get(i))).as("case %s", cases.get(i))
          .extracting(t -> t.get("taskDefinitionKey")).containsExactly(expected);
    }
    assertThat(auditRows(cases)).isEqualTo(30);
    assertThat(audit(cases.get(21))).contains("decision=RETURN, reason=户籍信息与公示不一致, actor=reviewer_fumin");
    assertThat(audit(cases.get(0))).contains("decision=APPROVE, reason=null, actor=reviewer_fumin");
    // decided once: a second batch finds nothing waiting
    assertThat(status(api.post("reviewer_fumin", "/api/batch", request))).isEqualTo(409);
  }

  @Test
  void anAbsentCadresTasksGoToTheStandInDuringTheRange() {
    String waiting = openIdentification(XINGHUA, "cadre_xinghua");
    String open = taskId("cadre_xinghua", waiting, VERIFY_HOUSEHOLD);
    LocalDate today = EngineClock.today();
    Map<String, Object> request = new HashMap<>(Map.of("absentUser", "cadre_xinghua", "standIn", "reviewer_fumin",
        "firstDay", today.toString(), "lastDay", today.plusDays(3).toString(), "reason", "外出培训"));
    // only for oneself; a stand-in who cannot see the village; a range in the past
    assertThat(status(api.post("cadre_dongshan", "/api/delegations", request))).isEqualTo(403);
    Map<String, Object> outsider = new HashMap<>(request);
    outsider.put("standIn", "cadre_dongshan");
    ResponseEntity<Map<String, Object>> refused = api.post("cadre_xinghua", "/api/delegations", outsider);
    assertThat(status(refused)).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("王建国（东山村） 不能办理 陈志强（杏花村） 所在的杏花村村委会的任务");
    Map<String, Object> past = new HashMap<>(request);
    past.put("firstDay", today.minusDays(2).toString());
    assertThat(status(api.post("cadre_xinghua", "/api/delegations", past))).isEqualTo(400);
    assertThat(api.tasks("reviewer_fumin", waiting)).isEmpty();

    ResponseEntity<Map<String, Object>> created = api.post("cadre_xinghua", "/api/delegations", request);
    assertThat(status(created)).as("%s", created.getBody()).isEqualTo(200);
    // the open task and a new one are offered to the stand-in, who finds them in 本组待办 and completes one
    assertThat(api.tasks("reviewer_fumin", waiting)).extracting(t -> t.get("id")).containsExactly(open);
    String later = openIdentification(XINGHUA, "cadre_xinghua");
    String newTask = taskId("reviewer_fumin", later, VERIFY_HOUSEHOLD);
    String filter = (String) api.getList("reviewer_fumin", "/engine-rest/filter?name=本组待办").getBody().get(0)
        .get("id");
    assertThat(api.getList("reviewer_fumin", "/engine-rest/filter/" + filter + "/list?maxResults=500").getBody())
        .extracting(t -> t.get("id")).contains(open, newTask);
    api.decide("reviewer_fumin", later, VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "代为核实：情况属实", "verifyDecision", "CONFIRM"));
    assertThat(audit(later)).contains("decision=CONFIRM, reason=null, actor=reviewer_fumin");
    // the absent cadre still sees their village's task
    assertThat(api.tasks("cadre_xinghua", waiting)).hasSize(1);

    // cancelled: the stand-in no longer has it
    Long id = ((Number) created.getBody().get("id")).longValue();
    assertThat(status(api.as("cadre_dongshan").exchange("/api/delegations/" + id, HttpMethod.DELETE, null,
        Map.class))).isEqualTo(404);
    assertThat(status(api.as("cadre_xinghua").exchange("/api/delegations/" + id, HttpMethod.DELETE, null,
        Map.class))).isEqualTo(200);
    assertThat(api.tasks("reviewer_fumin", waiting)).isEmpty();
    assertThat(api.tasks("cadre_xinghua", waiting)).hasSize(1);
  }

  /**
   * Tasklist's 审批操作 tab writes with the Tasklist sign-in: accepted only with the webapp's CSRF token; the session
   * cookie alone (what a cross-site form would send) is refused and changes nothing.
   */
  @Test
  void aSessionWriteNeedsTheWebappsCsrfToken() throws Exception {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan", "reviewer_heping");
    String review = taskId("reviewer_heping", bk, TOWNSHIP_REVIEW);
    WebappSession tasklist = WebappSession.signIn(rest.getRootUri(), "tasklist", "reviewer_heping",
        ApiClient.PASSWORD);
    assertThat(tasklist.login().statusCode()).as(tasklist.login().body()).isEqualTo(200);
    String cc = "/api/tasks/" + review + "/cc";
    String body = "{\"recipients\":[\"supervisor_county\"],\"note\":\"请阅\"}";
    // reading with the session works; writing without the token or with a wrong one does not
    assertThat(tasklist.get("/api/tasks/" + review + "/operations").statusCode()).isEqualTo(200);
    assertThat(tasklist.post(cc, body, null).statusCode()).isEqualTo(401);
    assertThat(tasklist.post(cc, body, "forged").statusCode()).isEqualTo(401);
    assertThat(audit(bk)).doesNotContain("decision=CC");
    java.net.http.HttpResponse<String> sent = tasklist.post(cc, body);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(audit(bk)).contains("decision=CC, reason=抄送给 吴静（幸福县督导组）：请阅, actor=reviewer_heping");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String selfApplication() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE"));
    return (String) api.openCase("cadre_dongshan", Map.of("householdId", household, "channel", "SELF_APPLICATION",
        "riskTypes", List.of("ILLNESS"))).get("businessKey");
  }

  private String caseAtTownshipReview(String village, String cadre, String reviewer) {
    String bk = caseAtTownshipReview(village, cadre);
    assertThat(api.tasks(reviewer, bk)).extracting(t -> t.get("taskDefinitionKey")).containsExactly(TOWNSHIP_REVIEW);
    return bk;
  }

  private String taskId(String user, String bk, String step) {
    return (String) api.tasks(user, bk).stream().filter(t -> step.equals(t.get("taskDefinitionKey"))).findFirst()
        .orElseThrow(() -> new AssertionError(user + " sees no " + step + " of " + bk)).get("id");
  }

  private String audit(String bk) {
    return api.get("approver_county", "/api/cases/" + caseId(bk)).getBody().get("audit").toString();
  }

  private int auditRows(List<String> cases) {
    int rows = 0;
    for (String bk : cases) {
      rows += jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_audit WHERE case_id = ? AND step = ?",
          Integer.class, caseId(bk), TOWNSHIP_REVIEW);
    }
    return rows;
  }

  private static long caseId(String bk) {
    return Long.parseLong(bk.substring(bk.lastIndexOf('-') + 1));
  }

  private static int status(ResponseEntity<?> response) {
    return response.getStatusCode().value();
  }
}
