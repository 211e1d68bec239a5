package org.bangfu.casepage;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casepage.CaseApi.CaseSummary;
import org.bangfu.casepage.CaseApi.CaseView;
import org.bangfu.casepage.CaseApi.IncomeView;
import org.bangfu.casepage.CaseApi.MeasureView;
import org.bangfu.casepage.CaseApi.ObjectionRequest;
import org.bangfu.casepage.CaseApi.OpenTask;
import org.bangfu.casepage.CaseApi.PlanMeasureView;
import org.bangfu.casepage.CaseApi.PlanView;
import org.bangfu.casepage.CaseApi.RollbackRequest;
import org.bangfu.casepage.CaseApi.SignalRequest;
import org.bangfu.casepage.CaseApi.VisitView;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.Channel;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.followup.FollowUpService;
import org.bangfu.household.HouseholdService;
import org.bangfu.lifecycle.CaseOpening;
import org.bangfu.lifecycle.LifecycleService;
import org.bangfu.measure.Measure;
import org.bangfu.measure.MeasureService;
import org.bangfu.plan.Plan;
import org.bangfu.plan.PlanService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.InvalidInputException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case page's API: a case's file, plan, measures, visits, open tasks and audit trail in one view, the region's
 * case list, and the case-wide commands a user sends from the page (open, objection, rollback), answered with the
 * view. It reads from every capability and nothing depends on it.
 */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

  private final CaseOpening opening;
  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final TaskService taskService;
  private final MeasureService measures;
  private final CurrentUser currentUser;
  private final RegionAccess access;
  private final PlanService plans;
  private final FollowUpService followUps;
  private final LifecycleService lifecycle;

  public CaseController(CaseOpening opening, CaseFileService caseFiles,
      HouseholdService households, TaskService taskService, MeasureService measures, CurrentUser currentUser,
      RegionAccess access, PlanService plans, FollowUpService followUps, LifecycleService lifecycle) {
    this.plans = plans;
    this.followUps = followUps;
    this.lifecycle = lifecycle;
    this.measures = measures;
    this.opening = opening;
    this.caseFiles = caseFiles;
    this.households = households;
    this.taskService = taskService;
    this.currentUser = currentUser;
    this.access = access;
  }

  @PostMapping
  public ResponseEntity<CaseView> open(@RequestBody SignalRequest request) {
    CaseFile caseFile = opening.open(request == null ? null : request.toCommand(), currentUser.get());
    return ResponseEntity.created(URI.create("/api/cases/" + caseFile.getId())).body(view(caseFile.getId()));
  }

  @GetMapping("/{id}")
  public CaseView get(@PathVariable Long id) {
    BangfuUser user = currentUser.get();
    CaseFile caseFile = caseFiles.find(id);
    access.requireVisible(user, caseFile.getVillageCode(), "案件");
    return view(id);
  }

  @GetMapping
  public List<CaseSummary> list(@RequestParam String region, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    access.requireRegionScope(currentUser.get(), region);
    if (status != null && Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw InvalidInputException.of("status", "案件状态应为 IDENTIFYING、MONITORED、TRACKING、ELIMINATED 或 REJECTED");
    }
    InvalidInputException.requireValidPage(page, size);
    return caseFiles.list(region, status, page, size).stream()
        .map(c -> new CaseSummary(c.getId(), c.getBusinessKey(), c.getHouseholdId(), c.getVillageCode(),
            c.getStatus(), c.getHouseholdType(), c.getSignalDate(), c.getDeadline()))
        .toList();
  }

  /** 撤销风险消除标注: the county approver rolls back an exit; the case resumes at its measures. */
  @PostMapping("/{id}/elimination-rollback")
  public CaseView rollBackElimination(@PathVariable Long id, @RequestBody RollbackRequest request) {
    lifecycle.rollBackElimination(id, request == null ? null : request.reason(), currentUser.get());
    return view(id);
  }

  @PostMapping("/{id}/objections")
  public ResponseEntity<Map<String, String>> objection(@PathVariable Long id, @RequestBody ObjectionRequest request) {
    lifecycle.raiseObjection(id, request == null ? null : request.content(), currentUser.get());
    return ResponseEntity.accepted().body(Map.of("message", "异议已登记，案件退回村级重新评议"));
  }

  private CaseView view(Long id) {
    CaseFile c = caseFiles.find(id);
    List<OpenTask> openTasks = c.getProcessInstanceId() == null ? List.of()
        : taskService.createTaskQuery().or().processInstanceBusinessKey(c.getBusinessKey())
            .processInstanceBusinessKeyLike(c.getBusinessKey() + "-M%").endOr().list().stream()
            .map(this::openTask).toList();
    return new CaseView(c.getId(), c.getBusinessKey(), c.getHouseholdId(),
        households.find(c.getHouseholdId()).getHeadName(), c.getVillageCode(), c.getChannel(),
        Channel.valueOf(c.getChannel()).label(), c.getStatus(), CaseStatus.valueOf(c.getStatus()).label(),
        List.of(c.getRiskTypes().split(",")), c.isGreenChannel(), c.getHouseholdType(), c.getPerCapitaIncome(),
        c.getAdjustedIncome(), c.getIncomeThreshold(), c.getSignalDate(), c.getDeadline(), c.getDecidedBy(),
        c.getDecidedAt(), c.getDecisionReason(), c.getMonitoringSince(), c.getClosedAt(), c.getPreviousCaseId(),
        caseFiles.relapsesOf(id), plans.versions(id).stream().map(CaseController::planView).toList(),
        measures.forCase(id).stream().map(CaseController::measureView).toList(),
        followUps.forCase(id).stream().map(v -> new VisitView(v.visitDate(), v.period(), v.netIncome(),
            v.rigidSpending(), v.changes(), v.outcome(), v.visitedBy())).toList(),
        households.incomes(c.getHouseholdId()).stream().map(r -> new IncomeView(r.getPeriod(), r.getNetIncome(),
            r.getRigidSpending(), r.getNote())).toList(),
        openTasks, caseFiles.auditTrail(id));
  }

  private static MeasureView measureView(Measure m) {
    return new MeasureView(m.getId(), m.getMeasureCode(), MeasureCode.valueOf(m.getMeasureCode()).label(),
        m.getDepartment(), m.isUrgent(), m.getStatus(), m.getAmount(), m.getResult(), m.getDeliveredBy(),
        m.getDeliveredAt(), m.getPlanId(), m.getDueDate());
  }

  private static PlanView planView(Plan p) {
    return new PlanView(p.getId(), p.getPlanVersion(), p.getStatus(), p.getRevisionReason(), p.getIncomeTarget(),
        p.getReviewDate(), p.getNote(), p.isHouseholdConfirmed(), p.getDraftedBy(), p.getDraftedAt(),
        p.getApprovedBy(), p.getApprovedAt(), p.getMeasures().stream().map(m -> new PlanMeasureView(
            m.getMeasureCode(), MeasureCode.valueOf(m.getMeasureCode()).label(), m.getDepartment(),
            m.getResponsiblePerson(), m.getAmount(), m.getStartDate(), m.getDueDate())).toList());
  }

  private OpenTask openTask(Task task) {
    String group = CandidateGroups.of(taskService.getIdentityLinksForTask(task.getId())).stream().findFirst()
        .orElse(null);
    LocalDateTime due = task.getDueDate() == null ? null
        : LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault());
    return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), group, task.getAssignee(), due);
  }
}
