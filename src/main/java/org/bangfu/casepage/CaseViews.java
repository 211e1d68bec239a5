package org.bangfu.casepage;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casepage.CaseApi.CaseView;
import org.bangfu.casepage.CaseApi.IncomeView;
import org.bangfu.casepage.CaseApi.MeasureView;
import org.bangfu.casepage.CaseApi.OpenTask;
import org.bangfu.casepage.CaseApi.PlanMeasureView;
import org.bangfu.casepage.CaseApi.PlanView;
import org.bangfu.casepage.CaseApi.VisitView;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.Channel;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.followup.FollowUpService;
import org.bangfu.household.HouseholdService;
import org.bangfu.measure.Measure;
import org.bangfu.measure.MeasureService;
import org.bangfu.plan.Plan;
import org.bangfu.plan.PlanService;
import org.bangfu.region.CandidateGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Assembles the case page's view of a case: its file, household, plan versions, measures, visits, incomes, open tasks
 * (of the case and its measure deliveries) and audit trail, with the catalogue's labels.
 */
@Component
public class CaseViews {

  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final TaskService taskService;
  private final MeasureService measures;
  private final PlanService plans;
  private final FollowUpService followUps;

  public CaseViews(CaseFileService caseFiles, HouseholdService households, TaskService taskService,
      MeasureService measures, PlanService plans, FollowUpService followUps) {
    this.caseFiles = caseFiles;
    this.households = households;
    this.taskService = taskService;
    this.measures = measures;
    this.plans = plans;
    this.followUps = followUps;
  }

  /** The case as its page shows it; the caller has checked that the user may see it. */
  public CaseView of(Long id) {
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
        caseFiles.relapsesOf(id), plans.versions(id).stream().map(CaseViews::planView).toList(),
        measures.forCase(id).stream().map(CaseViews::measureView).toList(),
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
