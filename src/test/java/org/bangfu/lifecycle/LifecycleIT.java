package org.bangfu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.exit.ExitReview;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.measure.MeasureDelivery;
import org.bangfu.measure.MeasureImplementation;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.policy.PolicyRule;
import org.bangfu.testing.AcceptanceHouseholds;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The acceptance scenarios of docs/domain.md §8 from the signal to their exit outcome, on MariaDB, through the REST API as
 * the users of each level: identification, the household plan (一户一策), the measures delivered by the county
 * departments, monthly follow-up visits with the engine clock moved month by month, and the exit review (风险消除),
 * with the detours: a plan revision after a new risk, "not yet" at the exit, yearly tracking, rollback and relapse.
 */
class LifecycleIT extends MariaDbIntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  static final String COUNTY = "approver_county";
  Instant start;
  int visits;

  @BeforeEach
  void clockStarts() {
    start = Instant.now();
    visits = 0;
  }

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  @PolicyRule({"R19", "R20", "R22"})
  void scenario1_illnessAndUnstableWorkEndsEliminatedAfterSevenStableMonths_andTheMarkCanBeRolledBack() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario1());
    String bk = open("cadre_dongshan", household, "CADRE_SCREENING", "ILLNESS", "UNSTABLE_WORK");
    includeThroughAllLevels(bk, "cadre_dongshan", "reviewer_heping");

    // the plan opens with the DMN's recommendation: the plan column of the scenario
    Map<String, Object> draft = taskVariables("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN);
    assertThat(chosen(draft)).containsExactlyInAnyOrder("MEDICAL", "EMPLOYMENT", "INDUSTRY");
    approvePlan(bk, "cadre_dongshan", "reviewer_heping", Map.of());
    assertThat(read(bk).get("plans")).asList().hasSize(1);

    deliver("handler_medins", bk);
    deliver("handler_hrss", bk);
    deliver("handler_agri", bk);
    // 4 people, 3,400 a month: 10,200 per person and year, above the 8,600 line
    for (int month = 1; month <= 6; month++) {
      visit(bk, "cadre_dongshan", 3400, 0, "CONTINUE", null);
    }
    visit(bk, "cadre_dongshan", 3400, 0, "PROPOSE_EXIT", "务工稳定，慢性病用药有医保报销");
    exitReview(bk, "cadre_dongshan", "reviewer_heping", true);

    Map<String, Object> exited = read(bk);
    assertThat(exited).containsEntry("status", "ELIMINATED");
    assertThat(exited.get("closedAt")).isNotNull();
    assertThat(processes(bk)).isZero();
    assertThat(steps(exited)).containsSubsequence("Activity_RecordInclusion/INCLUDED",
        "Activity_PrepareDraftPlan/DRAFTED", "Activity_DraftPlan/SUBMIT", "Activity_PlanTownshipReview/APPROVE",
        "Activity_PlanCountyApproval/APPROVE", "Activity_ApprovePlan/APPROVED", "Activity_IssueMeasures/ISSUED",
        "Activity_DeliverMeasure/DELIVERED", "Activity_FollowUpVisit/CONTINUE", "Activity_FollowUpVisit/PROPOSE_EXIT",
        "Activity_ExitHomeVerification/CONFIRM", "Activity_AssessExit/ELIGIBLE", "Activity_ExitDemocraticReview/PASS",
        "Activity_PublishExitNotice/PUBLISHED", "Activity_ExitTownshipReview/APPROVE",
        "Activity_ExitCountyApproval/APPROVE", "Activity_RecordElimination/ELIMINATED");
    assertThat(exited.get("visits")).asList().hasSize(7);
    assertThat(exited.get("incomes")).asList().hasSizeGreaterThanOrEqualTo(19);

    // rollback: not by the village, not without a reason; by the county, back to the measures
    assertThat(api.post("cadre_dongshan", "/api/cases/" + id(bk) + "/elimination-rollback",
        Map.of("reason", "误标")).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> noReason = api.post(COUNTY, "/api/cases/" + id(bk)
        + "/elimination-rollback", Map.of("reason", " "));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(read(bk)).containsEntry("status", "ELIMINATED");
    ResponseEntity<Map<String, Object>> rolledBack = api.post(COUNTY, "/api/cases/" + id(bk)
        + "/elimination-rollback", Map.of("reason", "复核发现务工收入未核实"));
    assertThat(rolledBack.getStatusCode().value()).isEqualTo(200);
    assertThat(rolledBack.getBody()).containsEntry("status", "MONITORED");
    assertThat(steps(rolledBack.getBody())).endsWith("Event_RiskEliminated/ROLLED_BACK",
        "Activity_IssueMeasures/ISSUED");
    assertThat(timer(bk).getDuedate()).isAfter(Date.from(ClockUtil.getCurrentTime().toInstant()
        .plus(Duration.ofDays(29))));
    assertThat(api.post(COUNTY, "/api/cases/" + id(bk) + "/elimination-rollback", Map.of("reason", "再次撤销"))
        .getStatusCode().value()).isEqualTo(409);
  }

  @Test
  @PolicyRule({"R19", "R23"})
  void scenario2_notYetAfterThreeMonthsThenEliminated_aBadPlanWritesNothing_andARelapseIsLinked() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario2());
    String bk = open("cadre_dongshan", household, "SELF_APPLICATION", "UNSTABLE_WORK");
    api.decide("reviewer_heping", bk, RiskIdentification.ACCEPT_APPLICATION, Map.of("applicationDecision", "ACCEPT"));
    includeThroughAllLevels(bk, "cadre_dongshan", "reviewer_heping");
    assertThat(chosen(taskVariables("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN)))
        .containsExactlyInAnyOrder("EMPLOYMENT", "PUBLIC_JOB");

    // a plan without measures, then one with a negative amount: refused with the reason, nothing written
    int auditBefore = steps(read(bk)).size();
    ResponseEntity<Map<String, Object>> empty = complete("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN,
        Map.of("plan_EMPLOYMENT", false, "plan_PUBLIC_JOB", false, "householdConfirmed", true,
            "planDraftDecision", "SUBMIT"));
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat((String) empty.getBody().get("message")).contains("请至少选择一项帮扶措施");
    ResponseEntity<Map<String, Object>> negative = complete("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN,
        Map.of("planAmount_EMPLOYMENT", -500, "householdConfirmed", true, "planDraftDecision", "SUBMIT"));
    assertThat(negative.getStatusCode().value()).isEqualTo(400);
    // refused by the form's own rule (min 0), checked on the server too
    assertThat((String) negative.getBody().get("message")).contains("“就业帮扶 — 金额（元）”不能小于0");
    ResponseEntity<Map<String, Object>> wrongDepartment = complete("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN,
        Map.of("planDept_EMPLOYMENT", "CIVIL", "householdConfirmed", true, "planDraftDecision", "SUBMIT"));
    assertThat(wrongDepartment.getStatusCode().value()).isEqualTo(400);
    assertThat((String) wrongDepartment.getBody().get("message"))
        .contains("“就业帮扶 — 责任部门”的取值“CIVIL”不是表单中的选项");
    Map<String, Object> unchanged = read(bk);
    assertThat(steps(unchanged)).hasSize(auditBefore);
    assertThat(planMeasures(unchanged, 0)).containsExactlyInAnyOrder("EMPLOYMENT", "PUBLIC_JOB");

    approvePlan(bk, "cadre_dongshan", "reviewer_heping", Map.of("planAmount_PUBLIC_JOB", 800));
    deliver("handler_hrss", bk);
    deliver("handler_hrss", bk);
    // 3 people, 2,750 a month: 11,000 per person and year
    visit(bk, "cadre_dongshan", 2750, 0, "CONTINUE", null);
    visit(bk, "cadre_dongshan", 2750, 0, "CONTINUE", null);
    visit(bk, "cadre_dongshan", 2750, 0, "PROPOSE_EXIT", "已在县城务工");
    api.decide("cadre_dongshan", bk, ExitReview.HOME_VERIFICATION, findings(true));
    Map<String, Object> notYet = read(bk);
    assertThat(steps(notYet)).endsWith("Activity_AssessExit/NOT_YET", "Activity_RecordNotYet/CONTINUE",
        "Activity_IssueMeasures/ISSUED");
    assertThat(notYet).containsEntry("status", "MONITORED");

    for (int month = 4; month <= 6; month++) {
      visit(bk, "cadre_dongshan", 2750, 0, "CONTINUE", null);
    }
    visit(bk, "cadre_dongshan", 2750, 0, "PROPOSE_EXIT", "务工满半年");
    exitReview(bk, "cadre_dongshan", "reviewer_heping", true);
    Map<String, Object> exited = read(bk);
    assertThat(exited).containsEntry("status", "ELIMINATED");

    // five months later an accident: a new identification, linked to the eliminated case (风险再标注)
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(150))));
    Map<String, Object> signal = new HashMap<>(Map.of("householdId", household, "channel", "CADRE_SCREENING",
        "riskTypes", List.of("ACCIDENT")));
    Map<String, Object> relapse = api.openCase("cadre_dongshan", signal);
    assertThat(((Number) relapse.get("previousCaseId")).longValue()).isEqualTo(id(bk));
    assertThat(steps(relapse)).contains("Event_SignalReceived/RELAPSE");
    assertThat(read(bk).get("relapseCaseIds")).asList().containsExactly(relapse.get("id"));
    assertThat(steps(read(bk))).endsWith("Event_SignalReceived/RELAPSE");
    assertThat(api.tasks("cadre_dongshan", (String) relapse.get("businessKey")))
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly(RiskIdentification.VERIFY_HOUSEHOLD);
  }

  @Test
  @PolicyRule({"R16", "R17"})
  void scenario3_aNewRiskOnAVisitRevisesThePlanAndTheExitWaitsUntilSpendingIsControllable() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario3());
    Map<String, Object> signal = new HashMap<>(Map.of("householdId", household, "channel", "DEPARTMENT_SIGNAL",
        "riskTypes", List.of("ILLNESS"), "medicalSelfPay", 45000, "signal", Map.of("department", "MEDINS",
            "kind", "医疗自付费用高", "amount", 45000)));
    String bk = (String) api.openCase("cadre_dongshan", signal).get("businessKey");
    includeThroughAllLevels(bk, "cadre_dongshan", "reviewer_heping");
    assertThat(chosen(taskVariables("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN)))
        .containsExactlyInAnyOrder("MEDICAL", "TEMP_RELIEF", "EMPLOYMENT");
    approvePlan(bk, "cadre_dongshan", "reviewer_heping", Map.of());
    deliver("handler_medins", bk);
    deliver("handler_civil", bk);
    deliver("handler_hrss", bk);

    // 4 people, 5,000 a month with 1,000 of treatment: 12,000 per person and year
    visit(bk, "cadre_dongshan", 5000, 1000, "CONTINUE", null);
    visit(bk, "cadre_dongshan", 5000, 1000, "NEW_RISK", "孩子高中学费负担重，有辍学风险");
    Map<String, Object> revision = taskVariables("cadre_dongshan", bk, HouseholdPlan.DRAFT_PLAN);
    assertThat(revision).containsEntry("planVersion", 2).containsEntry("planRevisionReason",
        "回访发现新的风险：孩子高中学费负担重，有辍学风险");
    assertThat(chosen(revision)).containsExactlyInAnyOrder("MEDICAL", "TEMP_RELIEF", "EMPLOYMENT");
    // 雨露计划 through the agriculture bureau rather than the education bureau: the plan chooses
    approvePlan(bk, "cadre_dongshan", "reviewer_heping", Map.of("plan_EDUCATION", true,
        "planAmount_EDUCATION", 3000, "planDept_EDUCATION", "AGRI"));
    Map<String, Object> revised = read(bk);
    assertThat(revised.get("plans")).asList().extracting(p -> ((Map<?, ?>) p).get("version") + "/"
        + ((Map<?, ?>) p).get("status")).containsExactly("1/SUPERSEDED", "2/APPROVED");
    assertThat(planMeasures(revised, 1)).contains("EDUCATION");
    // only the new measure is issued; the delivered ones stay delivered
    assertThat(api.tasks("handler_edu", bk)).isEmpty();
    deliver("handler_agri", bk);
    assertThat(measures(read(bk))).containsExactlyInAnyOrder("MEDICAL/DELIVERED", "TEMP_RELIEF/DELIVERED",
        "EMPLOYMENT/DELIVERED", "EDUCATION/DELIVERED");

    for (int month = 3; month <= 6; month++) {
      visit(bk, "cadre_dongshan", 5000, 1000, "CONTINUE", null);
    }
    visit(bk, "cadre_dongshan", 5000, 1000, "PROPOSE_EXIT", "收入稳定");
    api.decide("cadre_dongshan", bk, ExitReview.HOME_VERIFICATION, findings(false));
    assertThat(steps(read(bk))).contains("Activity_AssessExit/NOT_YET");
    visit(bk, "cadre_dongshan", 5000, 1000, "PROPOSE_EXIT", "医疗费用已纳入大病保险，支出可控");
    exitReview(bk, "cadre_dongshan", "reviewer_heping", true);
    assertThat(read(bk)).containsEntry("status", "ELIMINATED");
  }

  @Test
  void scenario4_greenChannelReliefIsNotIssuedTwiceAndTheHouseholdExitsWhenTheHouseIsSafe() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario4());
    Map<String, Object> signal = new HashMap<>(Map.of("householdId", household, "channel", "DEPARTMENT_SIGNAL",
        "riskTypes", List.of("DISASTER", "HOUSING"), "urgent", true, "unsafeHousing", true,
        "urgentMeasures", List.of("DISASTER", "HOUSING", "TEMP_RELIEF"),
        "signal", Map.of("department", "EMERGENCY", "kind", "受灾", "detail", "洪灾冲毁住房")));
    String bk = (String) api.openCase("cadre_dongshan", signal).get("businessKey");
    api.decide("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "洪水冲毁唯一住房", "unsafeHousing", true, "verifyDecision", "CONFIRM"));
    api.decide("reviewer_heping", bk, RiskIdentification.CONFIRM_GREEN_CHANNEL, Map.of("greenChannelDecision",
        "CONFIRM", "urgentMeasures", "DISASTER,HOUSING,TEMP_RELIEF"));
    reviewAndInclude(bk, "cadre_dongshan", "reviewer_heping");
    approvePlan(bk, "cadre_dongshan", "reviewer_heping", Map.of());
    // the plan's measures were started by the green channel: no second delivery task for any of them
    for (String handler : List.of("handler_emergency", "handler_housing", "handler_civil")) {
      assertThat(api.tasks(handler, bk)).isEmpty();
      List<Map<String, Object>> urgent = api.getList(handler,
          "/engine-rest/task?processInstanceBusinessKeyLike=" + bk + "-M%").getBody();
      assertThat(urgent).hasSize(1);
      completeTask(handler, (String) urgent.get(0).get("id"), Map.of("deliveryOutcome", "DELIVERED",
          "deliveryResult", "已落实", "evidenceRef", "GC-" + handler));
    }
    // 5 people, 4,000 a month: 9,600 per person and year
    for (int month = 1; month <= 6; month++) {
      visit(bk, "cadre_dongshan", 4000, 0, "CONTINUE", null);
    }
    visit(bk, "cadre_dongshan", 4000, 0, "PROPOSE_EXIT", "新房经鉴定安全，务工收入恢复");
    exitReview(bk, "cadre_dongshan", "reviewer_heping", true);
    Map<String, Object> exited = read(bk);
    assertThat(exited).containsEntry("status", "ELIMINATED");
    assertThat(measures(exited)).containsExactlyInAnyOrder("DISASTER/DELIVERED", "HOUSING/DELIVERED",
        "TEMP_RELIEF/DELIVERED");
  }

  @Test
  @PolicyRule("R21")
  void scenario5_aNoLabourCoupleUnderTheSafetyNetIsTrackedYearlyNotEliminated() {
    long household = api.createHousehold("cadre_liushu", AcceptanceHouseholds.scenario5());
    String bk = open("cadre_liushu", household, "CADRE_SCREENING", "LACK_OF_LABOUR");
    includeThroughAllLevels(bk, "cadre_liushu", "reviewer_fumin");
    assertThat(chosen(taskVariables("cadre_liushu", bk, HouseholdPlan.DRAFT_PLAN))).contains("DIBAO", "MEDICAL");
    approvePlan(bk, "cadre_liushu", "reviewer_fumin", Map.of());
    while (!api.tasks("handler_civil", bk).isEmpty()) {
      deliver("handler_civil", bk);
    }
    deliver("handler_medins", bk);
    proposeExitAndConfirmTracking(bk, "低保已发放");

    Map<String, Object> tracked = read(bk, "cadre_liushu");
    assertThat(tracked).containsEntry("status", "TRACKING");
    assertThat(steps(tracked)).contains("Activity_AssessExit/TRACKING", "Activity_ConfirmTracking/TRACKING",
        "Activity_RecordTracking/TRACKING")
        .doesNotContain("Activity_RecordElimination/ELIMINATED");
    assertThat(timer(bk).getDuedate()).isAfter(Date.from(ClockUtil.getCurrentTime().toInstant()
        .plus(Duration.ofDays(360))));

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(366))));
    managementService.executeJob(timer(bk).getId());
    api.decide("cadre_liushu", bk, AssistanceCase.YEARLY_TRACKING_CHECK, Map.of("trackingDecision", "CONTINUE",
        "trackingFindings", "低保、医保补助按时发放"));
    assertThat(read(bk, "cadre_liushu")).containsEntry("status", "TRACKING");
    assertThat(timer(bk)).isNotNull();
    // an open case under tracking: a second case for the household is refused
    assertThat(api.post("cadre_liushu", "/api/cases", Map.of("householdId", household, "channel",
        "CADRE_SCREENING", "riskTypes", List.of("ILLNESS"))).getStatusCode().value()).isEqualTo(409);
  }

  @Test
  @PolicyRule({"R21", "R24"})
  void aNoLabourCoupleAlreadyOnDibaoIsTrackedThoughThisCaseDidNotDeliverIt_andANewEventReachesItsCadreAtOnce() {
    // 民政 pushes the couple's 低保: the push opens the case, and says the household is under the safety net
    @SuppressWarnings("unchecked")
    Map<String, Object> body = AcceptanceHouseholds.scenario5();
    long household = api.createHousehold("cadre_liushu", body);
    Map<String, Object> head = ((List<Map<String, Object>>) body.get("members")).get(0);
    String csv = String.join(",", org.bangfu.screening.PushLayouts.of(org.bangfu.catalogue.Department.CIVIL)
        .headers()) + "\n" + String.join(",", "MZ-" + System.nanoTime(), (String) head.get("idNumber"),
        (String) head.get("name"), "低保", java.time.LocalDate.now().minusDays(2).toString(), "") + "\n";
    new org.bangfu.testing.ImportHelper(api).upload("handler_civil", org.bangfu.catalogue.Department.CIVIL,
        "dibao.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String bk = jdbc.queryForObject("SELECT business_key FROM bf_case WHERE household_id = ?", String.class,
        household);
    includeThroughAllLevels(bk, "cadre_liushu", "reviewer_fumin");
    approvePlan(bk, "cadre_liushu", "reviewer_fumin", Map.of());
    // 民政 already pays the 低保: this case's DIBAO measure is not delivered again
    while (!api.tasks("handler_civil", bk).isEmpty()) {
      api.decide("handler_civil", bk, MeasureDelivery.DELIVER_MEASURE, Map.of("deliveryOutcome", "NOT_DELIVERED",
          "deliveryResult", "该户已享受农村低保，无需重复", "evidenceRef", "MZ-已认定"));
    }
    while (!api.tasks("handler_medins", bk).isEmpty()) {
      deliver("handler_medins", bk);
    }
    proposeExitAndConfirmTracking(bk, "低保按月发放");

    Map<String, Object> tracked = read(bk, "cadre_liushu");
    assertThat(tracked).containsEntry("status", "TRACKING");
    assertThat(steps(tracked)).contains("Activity_AssessExit/TRACKING")
        .doesNotContain("Activity_RecordElimination/ELIMINATED");

    // months later 医保 pushes a large self-paid bill of the husband: the cadre re-assesses now, not next year
    String bill = String.join(",", org.bangfu.screening.PushLayouts.of(org.bangfu.catalogue.Department.MEDINS)
        .headers()) + "\n" + String.join(",", "YB-" + System.nanoTime(), (String) head.get("idNumber"),
        (String) head.get("name"), java.time.LocalDate.now().minusDays(1).toString(), "县人民医院", "20000") + "\n";
    Map<String, Object> pushed = new org.bangfu.testing.ImportHelper(api).upload("handler_medins",
        org.bangfu.catalogue.Department.MEDINS, "bill.csv", bill.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(pushed).containsEntry("signalsAttached", 1).containsEntry("casesOpened", 0);
    assertThat(timer(bk).getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    managementService.executeJob(timer(bk).getId());
    Map<String, Object> check = api.tasks("cadre_liushu", bk).stream()
        .filter(t -> AssistanceCase.YEARLY_TRACKING_CHECK.equals(t.get("taskDefinitionKey"))).findFirst()
        .orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> reason = (Map<String, Object>) api.get("cadre_liushu",
        "/engine-rest/task/" + check.get("id") + "/form-variables").getBody().get("reassessReason");
    assertThat((String) reason.get("value")).startsWith("医疗保障局：");
    assertThat(steps(read(bk, "cadre_liushu"))).contains("Event_DepartmentSignal/SIGNAL");
    api.decide("cadre_liushu", bk, AssistanceCase.YEARLY_TRACKING_CHECK, Map.of("trackingDecision", "CONTINUE",
        "trackingFindings", "住院费用已由医疗救助报销大部分，低保照常"));
    assertThat(read(bk, "cadre_liushu")).containsEntry("status", "TRACKING");
  }

  @Test
  @PolicyRule({"R30", "R17"})
  void aVisitFindingEveryMemberGoneClosesTheCaseAsNaturallyEliminatedAndStopsWhatIsOpen() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario2());
    String bk = open("cadre_dongshan", household, "CADRE_SCREENING", "UNSTABLE_WORK");
    includeThroughAllLevels(bk, "cadre_dongshan", "reviewer_heping");
    approvePlan(bk, "cadre_dongshan", "reviewer_heping", Map.of());
    // nothing delivered yet: proposing the exit is refused with what is still open, and the visit stays
    visits++;
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(31L * visits))));
    managementService.executeJob(timer(bk).getId());
    String period = YearMonth.from(start.plus(Duration.ofDays(31L * visits)).atZone(ZoneId.systemDefault()))
        .minusMonths(1).toString();
    ResponseEntity<Map<String, Object>> early = complete("cadre_dongshan", bk, MeasureImplementation.FOLLOW_UP_VISIT,
        Map.of("visitPeriod", period, "visitNetIncome", 3000, "visitRigidSpending", 0, "visitOutcome", "PROPOSE_EXIT"));
    assertThat(early.getStatusCode().value()).isEqualTo(400);
    assertThat((String) early.getBody().get("message")).contains("帮扶措施尚未落实", "就业帮扶");
    // the month by its four kinds must add up to its net income
    Map<String, Object> byKind = new HashMap<>(Map.of("visitPeriod", period, "visitNetIncome", 3000,
        "visitRigidSpending", 0, "visitOutcome", "CONTINUE", "visitBusinessIncome", -200, "visitWageIncome", 2800,
        "visitPropertyIncome", 0, "visitTransferIncome", 200));
    ResponseEntity<Map<String, Object>> wrongSum = complete("cadre_dongshan", bk,
        MeasureImplementation.FOLLOW_UP_VISIT, byKind);
    assertThat(wrongSum.getStatusCode().value()).isEqualTo(400);
    assertThat((String) wrongSum.getBody().get("message")).contains("四类收入之和为 2800 元，与当月家庭纯收入 3000 元不一致");
    // the same visit finds the household gone (its month's income by kind: nothing)
    assertThat(complete("cadre_dongshan", bk, MeasureImplementation.FOLLOW_UP_VISIT, Map.of("visitPeriod", period,
        "visitNetIncome", 0, "visitRigidSpending", 0, "visitOutcome", "NATURAL_EXIT", "visitChanges",
        "全户成员已于上月随子女落户外省，户籍注销", "visitBusinessIncome", 0, "visitWageIncome", 0, "visitPropertyIncome", 0,
        "visitTransferIncome", 0)).getStatusCode().value()).isEqualTo(204);
    assertThat(jdbc.queryForMap("SELECT net_income, wage_income, transfer_income FROM bf_income WHERE "
        + "household_id = ? AND period = ?", household, period)).allSatisfy((column, value) ->
        assertThat(new java.math.BigDecimal(value.toString())).as(column).isZero());

    Map<String, Object> closed = read(bk);
    assertThat(closed).containsEntry("status", "ELIMINATED");
    assertThat(steps(closed)).contains("Activity_RecordNaturalExit/NATURAL_EXIT")
        .doesNotContain("Activity_RecordElimination/ELIMINATED");
    assertThat(measures(closed)).isNotEmpty().allSatisfy(m -> assertThat(m).endsWith("/CANCELLED"));
    assertThat(api.tasks("handler_hrss", bk)).isEmpty();
    assertThat(processes(bk)).isZero();
  }

  @Test
  void scenario6_aRejectedIdentificationEndsTheWholeCase() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario6());
    String bk = open("cadre_dongshan", household, "SELF_APPLICATION", "OTHER");
    api.decide("reviewer_heping", bk, RiskIdentification.ACCEPT_APPLICATION, Map.of("applicationDecision", "ACCEPT"));
    api.decide("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "家庭收入稳定", "verifyDecision", "CONFIRM"));
    api.decide("reviewer_heping", bk, RiskIdentification.REVIEW_OUT_OF_RANGE, Map.of("outOfRangeDecision", "REJECT",
        "outOfRangeReason", "收入高于监测线，无其他风险"));
    assertThat(read(bk)).containsEntry("status", "REJECTED");
    assertThat(processes(bk)).isZero();
    assertThat(read(bk).get("plans")).asList().isEmpty();
  }

  // --- steps

  private String open(String user, long household, String channel, String... riskTypes) {
    Map<String, Object> signal = new HashMap<>(Map.of("householdId", household, "channel", channel,
        "riskTypes", List.of(riskTypes)));
    return (String) api.openCase(user, signal).get("businessKey");
  }

  /** The cadre submits the draft (with these changes), the household having signed; township and county approve. */
  private void approvePlan(String bk, String cadre, String reviewer, Map<String, Object> changes) {
    Map<String, Object> variables = new HashMap<>(changes);
    variables.put("householdConfirmed", true);
    variables.put("planDraftDecision", "SUBMIT");
    api.decide(cadre, bk, HouseholdPlan.DRAFT_PLAN, variables);
    api.decide(reviewer, bk, HouseholdPlan.TOWNSHIP_REVIEW, Map.of("planTownshipDecision", "APPROVE"));
    api.decide(COUNTY, bk, HouseholdPlan.COUNTY_APPROVAL, Map.of("planCountyDecision", "APPROVE"));
  }

  private void deliver(String handler, String bk) {
    api.decide(handler, bk, MeasureDelivery.DELIVER_MEASURE, Map.of("deliveryOutcome", "DELIVERED",
        "deliveredAmount", 1000, "deliveryResult", "已落实", "evidenceRef", "PZ-" + handler));
  }

  /** A month passes; the visit timer fires; the cadre records last month's income. */
  private void visit(String bk, String cadre, int netIncome, int rigidSpending, String outcome, String changes) {
    visits++;
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(31L * visits))));
    managementService.executeJob(timer(bk).getId());
    Map<String, Object> variables = new HashMap<>(Map.of("visitPeriod",
        YearMonth.from(start.plus(Duration.ofDays(31L * visits)).atZone(ZoneId.systemDefault())).minusMonths(1)
            .toString(), "visitNetIncome", netIncome, "visitRigidSpending", rigidSpending, "visitOutcome", outcome));
    if (changes != null) {
      variables.put("visitChanges", changes);
    }
    api.decide(cadre, bk, MeasureImplementation.FOLLOW_UP_VISIT, variables);
  }

  /**
   * 柳树村's no-labour couple: the cadre proposes the exit, verifies at home, and the rules' "tracking" waits for the
   * township, which confirms it with its reason.
   */
  private void proposeExitAndConfirmTracking(String bk, String visitNote) {
    visit(bk, "cadre_liushu", 1000, 0, "PROPOSE_EXIT", visitNote);
    api.decide("cadre_liushu", bk, ExitReview.HOME_VERIFICATION, findings(true));
    assertThat(read(bk, "cadre_liushu")).containsEntry("status", "MONITORED");
    api.decide("reviewer_fumin", bk, ExitReview.CONFIRM_TRACKING, Map.of("trackingConfirmDecision", "TRACKING",
        "trackingConfirmReason", "夫妇均无劳动能力，靠低保生活"));
  }

  /** Home verification, democratic review, five days of notice, township and county approval. */
  private void exitReview(String bk, String cadre, String reviewer, boolean controllable) {
    api.decide(cadre, bk, ExitReview.HOME_VERIFICATION, findings(controllable));
    api.decide(cadre, bk, ExitReview.DEMOCRATIC_REVIEW, Map.of("exitReviewDecision", "PASS"));
    assertThat(timer(bk).getDuedate()).isAfter(Date.from(ClockUtil.getCurrentTime().toInstant()
        .plus(Duration.ofDays(4))));
    managementService.executeJob(timer(bk).getId());
    api.decide(reviewer, bk, ExitReview.TOWNSHIP_REVIEW, Map.of("exitTownshipDecision", "APPROVE"));
    api.decide(COUNTY, bk, ExitReview.COUNTY_APPROVAL, Map.of("exitCountyDecision", "APPROVE"));
  }

  private static Map<String, Object> findings(boolean rigidSpendingControllable) {
    return Map.of("rigidSpendingControllable", rigidSpendingControllable, "basicNeedsSecured", true,
        "drinkingWaterSecured", true, "exitVerifyDecision", "CONFIRM");
  }

  // --- reading

  private ResponseEntity<Map<String, Object>> complete(String user, String bk, String step,
      Map<String, Object> variables) {
    String id = (String) api.tasks(user, bk).stream().filter(t -> step.equals(t.get("taskDefinitionKey")))
        .findFirst().orElseThrow().get("id");
    api.claim(user, id);
    return api.complete(user, id, variables);
  }

  private void completeTask(String user, String taskId, Map<String, Object> variables) {
    assertThat(api.claim(user, taskId).getStatusCode().value()).isEqualTo(204);
    assertThat(api.complete(user, taskId, variables).getStatusCode().value()).isEqualTo(204);
  }

  /** The variables a form opens with, read as Tasklist reads them. */
  private Map<String, Object> taskVariables(String user, String bk, String step) {
    String id = (String) api.tasks(user, bk).stream().filter(t -> step.equals(t.get("taskDefinitionKey")))
        .findFirst().orElseThrow(() -> new AssertionError(user + " sees no " + step)).get("id");
    Map<String, Object> raw = api.get(user, "/engine-rest/task/" + id + "/form-variables").getBody();
    Map<String, Object> values = new HashMap<>();
    raw.forEach((k, v) -> values.put(k, ((Map<?, ?>) v).get("value")));
    return values;
  }

  private static List<String> chosen(Map<String, Object> formVariables) {
    return formVariables.entrySet().stream()
        .filter(e -> e.getKey().startsWith("plan_") && Boolean.TRUE.equals(e.getValue()))
        .map(e -> e.getKey().substring("plan_".length())).toList();
  }

  private Map<String, Object> read(String bk) {
    return read(bk, COUNTY);
  }

  private Map<String, Object> read(String bk, String user) {
    return api.get(user, "/api/cases/" + id(bk)).getBody();
  }

  private long id(String bk) {
    return Long.parseLong(bk.substring(bk.lastIndexOf('-') + 1));
  }

  private long processes(String bk) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bk).count();
  }

  @SuppressWarnings("unchecked")
  private static List<String> steps(Map<String, Object> caseView) {
    return ((List<Map<String, Object>>) caseView.get("audit")).stream()
        .map(a -> a.get("step") + "/" + a.get("decision")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> measures(Map<String, Object> caseView) {
    return ((List<Map<String, Object>>) caseView.get("measures")).stream()
        .map(m -> m.get("code") + "/" + m.get("status")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> planMeasures(Map<String, Object> caseView, int version) {
    Map<String, Object> plan = ((List<Map<String, Object>>) caseView.get("plans")).get(version);
    return ((List<Map<String, Object>>) plan.get("measures")).stream().map(m -> (String) m.get("code")).toList();
  }
}
