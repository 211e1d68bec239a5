package org.bangfu.casepage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.casefile.AuditEntry;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casefile.Decisions;
import org.bangfu.casepage.CaseApi.CaseDiagram;
import org.bangfu.casepage.CaseApi.CaseView;
import org.bangfu.household.HouseholdApi.IncomeView;
import org.bangfu.household.IncomeItems;
import org.bangfu.catalogue.Department;
import org.bangfu.shared.EngineClock;
import org.bangfu.casepage.CaseApi.MeasureView;
import org.bangfu.casepage.CaseApi.OpenTask;
import org.bangfu.casepage.CaseApi.PlanMeasureView;
import org.bangfu.casepage.CaseApi.PlanView;
import org.bangfu.casepage.CaseApi.PushedIncomeView;
import org.bangfu.casepage.CaseApi.TimelineEntry;
import org.bangfu.casepage.CaseApi.VisitView;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.Channel;
import org.bangfu.catalogue.HouseholdType;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.followup.FollowUpService;
import org.bangfu.household.HouseholdService;
import org.bangfu.measure.Measure;
import org.bangfu.measure.MeasureService;
import org.bangfu.plan.Plan;
import org.bangfu.plan.PlanService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.PersonNames;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
  private final HistoryService historyService;
  private final PersonNames personNames;
  private final CaseBriefs briefs;
  private final RepositoryService repositoryService;
  private final IncomeItems incomeItems;

  public CaseViews(CaseFileService caseFiles, HouseholdService households, TaskService taskService,
      MeasureService measures, PlanService plans, FollowUpService followUps, HistoryService historyService,
      PersonNames personNames, CaseBriefs briefs, RepositoryService repositoryService, IncomeItems incomeItems) {
    this.incomeItems = incomeItems;
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.personNames = personNames;
    this.briefs = briefs;
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
    List<Task> tasks = c.getProcessInstanceId() == null ? List.of()
        : taskService.createTaskQuery().or().processInstanceBusinessKey(c.getBusinessKey())
            .processInstanceBusinessKeyLike(c.getBusinessKey() + "-M%").endOr().list();
    Map<String, List<String>> groupsOfTask = new HashMap<>();
    for (Task task : tasks) {
      groupsOfTask.put(task.getId(), CandidateGroups.of(taskService.getIdentityLinksForTask(task.getId())));
    }
    List<AuditEntry> audit = caseFiles.auditTrail(id);
    Set<String> people = new HashSet<>();
    audit.forEach(e -> people.add(e.actor()));
    tasks.forEach(t -> people.add(t.getAssignee()));
    people.add(c.getDecidedBy());
    people.add(c.getOpenedBy());
    List<Plan> planVersions = plans.versions(id);
    List<Measure> caseMeasures = measures.forCase(id);
    var visits = followUps.forCase(id);
    planVersions.forEach(p -> {
      people.add(p.getDraftedBy());
      people.add(p.getApprovedBy());
    });
    caseMeasures.forEach(m -> people.add(m.getDeliveredBy()));
    visits.forEach(v -> people.add(v.visitedBy()));
    people.remove(null);
    Map<String, String> names = personNames.of(people);
    Map<String, String> groups = personNames.groups(groupsOfTask.values().stream().flatMap(List::stream).toList());
    return new CaseView(c.getId(), c.getBusinessKey(), c.getHouseholdId(),
        households.find(c.getHouseholdId()).getHeadName(), c.getVillageCode(), c.getChannel(),
        Channel.valueOf(c.getChannel()).label(), c.getStatus(), CaseStatus.valueOf(c.getStatus()).label(),
        List.of(c.getRiskTypes().split(",")), c.isGreenChannel(), c.getHouseholdType(), c.getPerCapitaIncome(),
        c.getAdjustedIncome(), c.getIncomeThreshold(), c.getSignalDate(), c.getDeadline(), c.getDecidedBy(),
        c.getDecidedAt(), c.getDecisionReason(), c.getMonitoringSince(), c.getClosedAt(), c.getPreviousCaseId(),
        caseFiles.relapsesOf(id), planVersions.stream().map(p -> planView(p, names)).toList(),
        caseMeasures.stream().map(m -> measureView(m, names)).toList(),
        visits.stream().map(v -> new VisitView(v.visitDate(), v.period(), v.netIncome(),
            v.rigidSpending(), v.changes(), v.outcome(), v.visitedBy(), name(names, v.visitedBy()))).toList(),
        households.incomes(c.getHouseholdId()).stream().map(IncomeView::of).toList(),
        tasks.stream().map(t -> openTask(t, groupsOfTask.get(t.getId()), groups, names)).toList(),
        timeline(c, audit, names), briefs.place(c.getVillageCode()), names.getOrDefault(c.getDecidedBy(), ""),
        HouseholdType.labelOf(c.getHouseholdType()), names.getOrDefault(c.getOpenedBy(), ""),
        pushedIncomes(c.getHouseholdId()));
  }

  /** The departments' income items of the household's last 24 months, latest first. */
  private List<PushedIncomeView> pushedIncomes(Long householdId) {
    java.time.YearMonth now = java.time.YearMonth.from(EngineClock.today());
    List<PushedIncomeView> items = new java.util.ArrayList<>(incomeItems.of(householdId, now.minusMonths(23), now)
        .stream().map(i -> new PushedIncomeView(i.period(), Department.valueOf(i.department()).label(),
            i.kind().label(), i.item(), i.amount())).toList());
    java.util.Collections.reverse(items);
    return items;
  }

  /**
   * The diagram of the process the case waits in (the stage of its first open step; the case's own process when
   * nothing is open), with the steps done and the steps open in that process instance.
   */
  public CaseDiagram diagram(Long id) {
    CaseFile c = caseFiles.find(id);
    if (c.getProcessInstanceId() == null) {
      throw new NotFoundException("该案件没有流程（在系统启用前办理）");
    }
    String instance = taskService.createTaskQuery().processInstanceBusinessKey(c.getBusinessKey())
        .orderByTaskCreateTime().asc().list().stream().map(Task::getProcessInstanceId).findFirst()
        .orElse(c.getProcessInstanceId());
    HistoricProcessInstance process = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instance).singleResult();
    if (process == null) {
      throw new NotFoundException("该案件的流程记录已按保存期限清理");
    }
    List<String> done = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance).list()) {
      (a.getEndTime() == null ? current : done).add(a.getActivityId());
    }
    try (InputStream xml = repositoryService.getProcessModel(process.getProcessDefinitionId())) {
      return new CaseDiagram(process.getProcessDefinitionName(),
          new String(xml.readAllBytes(), StandardCharsets.UTF_8), done, current);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The audit with words for decisions and people, and each step's time from its task's creation to the decision. */
  private List<TimelineEntry> timeline(CaseFile c, List<AuditEntry> audit, Map<String, String> names) {
    Map<String, Date> created = new HashMap<>();
    if (c.getBusinessKey() != null) {
      historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(c.getBusinessKey()).list()
          .forEach(t -> created.put(t.getId(), t.getStartTime()));
      historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKeyLike(c.getBusinessKey() + "-M%")
          .list().forEach(t -> created.put(t.getId(), t.getStartTime()));
    }
    return audit.stream().map(e -> new TimelineEntry(e.id(), e.caseId(), e.step(), e.stepName(), e.decision(),
        e.reason(), e.actor(), e.taskId(), e.createdAt(), Decisions.label(e.decision()),
        names.getOrDefault(e.actor(), e.actor()), took(created.get(e.taskId()), e.createdAt()))).toList();
  }

  /** 用时 in a cadre's words: "2天3小时", "45分钟"; empty when the step had no task. */
  static String took(Date start, LocalDateTime end) {
    if (start == null || end == null) {
      return "";
    }
    Duration d = Duration.between(LocalDateTime.ofInstant(start.toInstant(), ZoneId.systemDefault()), end);
    if (d.isNegative()) {
      return "";
    }
    if (d.toDays() > 0) {
      return d.toDays() + "天" + (d.toHoursPart() > 0 ? d.toHoursPart() + "小时" : "");
    }
    if (d.toHours() > 0) {
      return d.toHours() + "小时" + (d.toMinutesPart() > 0 ? d.toMinutesPart() + "分钟" : "");
    }
    return Math.max(1, d.toMinutes()) + "分钟";
  }

  private static String name(Map<String, String> names, String userId) {
    return userId == null ? "" : names.getOrDefault(userId, userId);
  }

  private static MeasureView measureView(Measure m, Map<String, String> names) {
    return new MeasureView(m.getId(), m.getMeasureCode(), MeasureCode.valueOf(m.getMeasureCode()).label(),
        m.getDepartment(), m.isUrgent(), m.getStatus(), m.getAmount(), m.getResult(), m.getDeliveredBy(),
        m.getDeliveredAt(), m.getPlanId(), m.getDueDate(), CaseBriefs.department(m.getDepartment()),
        name(names, m.getDeliveredBy()));
  }

  private static PlanView planView(Plan p, Map<String, String> names) {
    return new PlanView(p.getId(), p.getPlanVersion(), p.getStatus(), p.getRevisionReason(), p.getIncomeTarget(),
        p.getReviewDate(), p.getNote(), p.isHouseholdConfirmed(), p.getDraftedBy(), p.getDraftedAt(),
        p.getApprovedBy(), p.getApprovedAt(), p.getMeasures().stream().map(m -> new PlanMeasureView(
            m.getMeasureCode(), MeasureCode.valueOf(m.getMeasureCode()).label(), m.getDepartment(),
            m.getResponsiblePerson(), m.getAmount(), m.getStartDate(), m.getDueDate(),
            CaseBriefs.department(m.getDepartment()))).toList(), name(names, p.getDraftedBy()),
        name(names, p.getApprovedBy()));
  }

  private static OpenTask openTask(Task task, List<String> candidateGroups, Map<String, String> groupNames,
      Map<String, String> names) {
    String group = candidateGroups.stream().findFirst().orElse(null);
    LocalDateTime due = task.getDueDate() == null ? null
        : LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault());
    return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), group, task.getAssignee(), due,
        group == null ? "" : groupNames.getOrDefault(group, group),
        task.getAssignee() == null ? "" : names.getOrDefault(task.getAssignee(), task.getAssignee()));
  }
}
