package org.bangfu.approval;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.household.HouseholdService;
import org.bangfu.region.RegionCode;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.ModelProperties;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch approval (批量审批) for township and county reviewers: one village's households waiting at a step the model
 * marks {@code batchApproval} (after public notice: 乡镇审核, 县级审批, and those of the exit review) listed together,
 * and decided in one action with a decision per household. Each task is completed as if decided alone — the same
 * checks and one audit row per household; a returned household goes back its own way, the others move on. All or
 * nothing: if any household cannot be decided (already decided by someone else, claimed by a colleague) nothing is.
 */
@Service
public class BatchApproval {

  public static final String BATCH_APPROVAL = "batchApproval";

  /** A household waiting at the step. */
  public record Item(String taskId, Long caseId, String businessKey, String headName, String villageCode,
      Date due, String assignee) {
  }

  /** A decision for one household: the step's decision value (APPROVE, RETURN…) and, where required, the reason. */
  public record Decision(String taskId, String decision, String reason) {
  }

  public record Result(int decided, Map<String, Integer> byDecision) {
  }

  /** The households waiting, with the step's decisions (and those that need a reason) from the model. */
  public record Listing(String step, String stepName, List<String> decisionValues, List<String> reasonRequiredFor,
      List<Item> items) {
  }

  private final ApprovalTasks tasks;
  private final TaskService taskService;
  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final RegionAccess access;

  public BatchApproval(ApprovalTasks tasks, TaskService taskService, CaseFileService caseFiles,
      HouseholdService households, RegionAccess access) {
    this.tasks = tasks;
    this.taskService = taskService;
    this.caseFiles = caseFiles;
    this.households = households;
    this.access = access;
  }

  public Listing list(String step, String village, BangfuUser user) {
    List<Task> waiting = waiting(step, village, user);
    if (waiting.isEmpty()) {
      return new Listing(step, null, List.of(), List.of(), List.of());
    }
    List<Item> items = new ArrayList<>();
    for (Task task : waiting) {
      Long caseId = tasks.caseId(task.getProcessInstanceId());
      CaseFile caseFile = caseId == null ? null : caseFiles.find(caseId);
      String head = caseFile == null ? null : households.find(caseFile.getHouseholdId()).getHeadName();
      items.add(new Item(task.getId(), caseId, tasks.businessKey(task.getProcessInstanceId()), head, village,
          task.getDueDate(), task.getAssignee()));
    }
    Task first = waiting.get(0);
    return new Listing(step, first.getName(), ModelProperties.list(property(first, "decisionValues")),
        ModelProperties.list(property(first, "reasonRequiredFor")), items);
  }

  @Transactional
  public Result decide(String step, String village, List<Decision> decisions, BangfuUser user) {
    if (decisions == null || decisions.isEmpty() || decisions.size() > 500) {
      throw InvalidInputException.of("decisions", "请为1至500户分别选择审批意见");
    }
    Map<String, Task> waiting = new HashMap<>();
    waiting(step, village, user).forEach(t -> waiting.put(t.getId(), t));
    Set<String> seen = new HashSet<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Decision decision : decisions) {
      Task task = waiting.get(decision.taskId());
      if (!seen.add(String.valueOf(decision.taskId()))) {
        throw InvalidInputException.of("decisions", "同一户出现了两次：" + decision.taskId());
      }
      if (task == null) {
        throw new ConflictException("任务 " + decision.taskId() + " 已不在本村“" + stepName(waiting) + "”的待办中"
            + "（可能已由他人办理），请刷新后重试；本次没有审批任何一户");
      }
      if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
        throw new ConflictException(label(task) + "已由 " + tasks.name(task.getAssignee()) + " 认领，请从批量中去掉该户；本次没有审批任何一户");
      }
      List<String> allowed = ModelProperties.list(property(task, "decisionValues"));
      if (decision.decision() == null || !allowed.contains(decision.decision())) {
        throw InvalidInputException.of("decisions", label(task) + "的审批意见应为 " + String.join("、", allowed)
            + "；本次没有审批任何一户");
      }
      if (ModelProperties.list(property(task, "reasonRequiredFor")).contains(decision.decision())
          && (decision.reason() == null || decision.reason().isBlank())) {
        throw InvalidInputException.of("decisions", label(task) + "选择 " + decision.decision()
            + " 时必须填写理由；本次没有审批任何一户");
      }
      String decisionVariable = property(task, "decisionVariable");
      String reasonVariable = property(task, "reasonVariable");
      Map<String, Object> variables = new HashMap<>();
      variables.put(decisionVariable, decision.decision());
      if (reasonVariable != null) {
        variables.put(reasonVariable, decision.reason() == null ? "" : decision.reason());
      }
      if (task.getAssignee() == null) {
        taskService.setAssignee(task.getId(), user.id());
      }
      // the decision audit checks the value and the reason and writes this household's audit row
      taskService.complete(task.getId(), variables);
      counts.merge(decision.decision(), 1, Integer::sum);
    }
    return new Result(decisions.size(), counts);
  }

  /** The step's open tasks of the village that the user may decide; refusals for anyone else. */
  private List<Task> waiting(String step, String village, BangfuUser user) {
    if (village == null || !village.matches("\\d{12}")) {
      throw InvalidInputException.of("village", "请选择一个村（12位区划代码）");
    }
    if (!access.canSee(user, village)) {
      throw new org.bangfu.shared.NotFoundException("该村不在您的辖区内");
    }
    RegionCode code = new RegionCode(village);
    boolean reviewer = user.inGroup(org.bangfu.region.CandidateGroups.township(code.township()))
        || user.inGroup(org.bangfu.region.CandidateGroups.county(code.county()));
    if (!reviewer) {
      throw new ForbiddenException("批量审批只供乡镇审核和县级审批人员使用");
    }
    List<Task> open = taskService.createTaskQuery().taskDefinitionKey(step)
        .processVariableValueEquals("villageCode", village).active().orderByTaskCreateTime().asc().list();
    if (!open.isEmpty() && !"true".equals(property(open.get(0), BATCH_APPROVAL))) {
      throw InvalidInputException.of("step", "“" + open.get(0).getName() + "”环节不支持批量审批");
    }
    return open.stream().filter(t -> tasks.holds(t, user)).toList();
  }

  private String property(Task task, String name) {
    return tasks.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), name);
  }

  private String label(Task task) {
    return "案件 " + tasks.businessKey(task.getProcessInstanceId()) + " 的“" + task.getName() + "”";
  }

  private static String stepName(Map<String, Task> waiting) {
    return waiting.values().stream().map(Task::getName).findFirst().orElse("该环节");
  }
}
