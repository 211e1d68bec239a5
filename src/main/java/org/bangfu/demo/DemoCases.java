package org.bangfu.demo;

import static org.bangfu.demo.DemoData.DONGSHAN;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.household.HouseholdApi.HouseholdSummary;
import org.bangfu.household.HouseholdService;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.lifecycle.CaseOpening;
import org.bangfu.lifecycle.OpenCase;
import org.bangfu.measure.MeasureDelivery;
import org.bangfu.measure.MeasureImplementation;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo case with history, so a new user can take it to 风险消除 today: 赵大山's household (acceptance scenario 1)
 * was identified seven months ago, its plan approved, its measures delivered and six monthly follow-up visits
 * recorded. The seventh visit is due now in cadre_dongshan's Tasklist. The history is made by the real processes
 * with the engine clock set back and moved forward (each timer executed just before it falls due, so the job
 * executor never races for it); the clock is reset afterwards.
 */
@Component
@ConditionalOnProperty(name = "bangfu.demo.enabled", havingValue = "true")
public class DemoCases {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);
  static final String HEAD = "赵大山";
  static final String CADRE = "cadre_dongshan";

  private final HouseholdService households;
  private final CaseFileService caseFiles;
  private final CaseOpening opening;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;

  public DemoCases(HouseholdService households, CaseFileService caseFiles, CaseOpening opening,
      TaskService taskService, ManagementService managementService, IdentityService identityService,
      RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
    this.households = households;
    this.caseFiles = caseFiles;
    this.opening = opening;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
  }

  /** Called by {@link DemoData} right after it registered the households, in its transaction. */
  @Transactional
  public void seed() {
    HouseholdSummary household = households.list(DONGSHAN, 0, 100).items().stream()
        .filter(h -> HEAD.equals(h.headName())).findFirst().orElse(null);
    if (household == null || !caseFiles.list(DONGSHAN, null, 0, 1).isEmpty()) {
      return;
    }
    // 5 days of notice and seven 30-day visit cycles later the seventh visit is due, about now
    Instant start = Instant.now().minus(Duration.ofDays(220));
    YearMonth lastMonth = YearMonth.now().minusMonths(1);
    // the registry's income history reaches back 12 months before the signal, as at a real identification
    YearMonth signalMonth = YearMonth.from(start.atZone(java.time.ZoneId.systemDefault()));
    java.util.Set<String> recorded = new java.util.HashSet<>();
    households.incomes(household.id()).forEach(r -> recorded.add(r.getPeriod()));
    for (int back = 12; back >= 1; back--) {
      String period = signalMonth.minusMonths(back).toString();
      if (!recorded.contains(period)) {
        households.recordMonthlyIncome(household.id(), period, new java.math.BigDecimal("2400.00"),
            java.math.BigDecimal.ZERO, "示范数据");
      }
    }
    try {
      EngineClock.set(start);
      String bk = openCase(HEAD, DONGSHAN, CADRE, List.of("ILLNESS", "UNSTABLE_WORK"));
      complete(bk, CADRE, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
          "verifyFindings", "户主慢性病长期服药，一名劳动力务工仅4个月", "verifyDecision", "CONFIRM"));
      complete(bk, CADRE, RiskIdentification.DEMOCRATIC_REVIEW, Map.of("reviewDecision", "PASS"));
      complete(bk, "approver_county", RiskIdentification.CROSS_CHECK_ASSETS, Map.of("assetCheckResult", "CLEAR"));
      fireTimer(bk);
      complete(bk, "reviewer_heping", RiskIdentification.TOWNSHIP_REVIEW, Map.of("townshipDecision", "APPROVE"));
      complete(bk, "approver_county", RiskIdentification.COUNTY_APPROVAL, Map.of("countyDecision", "APPROVE"));
      complete(bk, CADRE, HouseholdPlan.DRAFT_PLAN, Map.of("householdConfirmed", true, "planDraftDecision",
          "SUBMIT", "planNote", "务工为主，产业以奖代补"));
      complete(bk, "reviewer_heping", HouseholdPlan.TOWNSHIP_REVIEW, Map.of("planTownshipDecision", "APPROVE"));
      complete(bk, "approver_county", HouseholdPlan.COUNTY_APPROVAL, Map.of("planCountyDecision", "APPROVE"));
      // every measure of the plan, by the handler of its department
      for (Task delivery : taskService.createTaskQuery().processInstanceBusinessKey(bk)
          .taskDefinitionKey(MeasureDelivery.DELIVER_MEASURE).list()) {
        String department = CandidateGroups.of(taskService.getIdentityLinksForTask(delivery.getId())).stream()
            .map(CandidateGroups::departmentOf).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        complete(delivery, "handler_" + department.toLowerCase(), Map.of("deliveryOutcome", "DELIVERED",
            "deliveredAmount", 2000, "deliveryResult", "已按计划落实", "evidenceRef", "DEMO-" + delivery.getId()));
      }
      for (int month = 0; month < 6; month++) {
        fireTimer(bk);
        complete(bk, CADRE, MeasureImplementation.FOLLOW_UP_VISIT, Map.of("visitPeriod",
            // six consecutive months up to the month before last: the seventh visit records last month
            lastMonth.minusMonths(6 - month).toString(),
            "visitNetIncome", 3400, "visitRigidSpending", 0, "visitOutcome", "CONTINUE",
            "visitChanges", "务工收入稳定"));
      }
      LOG.info("demo data: case {} of {} waits for its seventh follow-up visit", bk, HEAD);

      // two cases whose steps are overdue now, for the supervisor's dashboard and mails
      EngineClock.set(Instant.now().minus(Duration.ofDays(12)));
      openCase("孙立新", DemoData.XIHE, "cadre_xihe", List.of("ILLNESS"));
      EngineClock.set(Instant.now().minus(Duration.ofDays(9)));
      String late = openCase("周老汉", DemoData.NANPING, "cadre_nanping", List.of("LACK_OF_LABOUR"));
      complete(late, "cadre_nanping", RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
          "verifyFindings", "老两口均年过七旬，无劳动能力", "verifyDecision", "CONFIRM"));
    } finally {
      EngineClock.reset();
    }
  }

  private String openCase(String head, String village, String cadre, List<String> risks) {
    HouseholdSummary household = households.list(village, 0, 100).items().stream()
        .filter(h -> head.equals(h.headName())).findFirst().orElseThrow();
    return opening.open(OpenCase.cadreScreening(household.id(), risks),
        new BangfuUser(cadre, List.of(CandidateGroups.village(village))))
        .getBusinessKey();
  }

  private void complete(String bk, String user, String step, Map<String, Object> variables) {
    complete(taskService.createTaskQuery().processInstanceBusinessKey(bk).taskDefinitionKey(step).list().stream()
        .findFirst().orElseThrow(() -> new IllegalStateException("demo case: no task " + step)), user, variables);
  }

  /** Claims and completes the task as the user, the way Tasklist does (the decision audit names them). */
  private void complete(Task task, String user, Map<String, Object> variables) {
    taskService.claim(task.getId(), user);
    identityService.setAuthenticatedUserId(user);
    try {
      taskService.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Moves the clock to just before the case's timer falls due and executes it. */
  private void fireTimer(String bk) {
    Job timer = managementService.createJobQuery().timers().list().stream()
        .filter(j -> j.getProcessInstanceId() != null && bk.equals(businessKey(j.getProcessInstanceId())))
        .findFirst().orElseThrow(() -> new IllegalStateException("demo case: no timer"));
    EngineClock.set(timer.getDuedate().toInstant().minusSeconds(3600));
    managementService.executeJob(timer.getId());
  }

  private String businessKey(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }
}
