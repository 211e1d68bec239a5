package org.bangfu.approval;

import java.util.List;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.PersonNames;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.ModelProperties;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * What the approver operations share: finding a case's open task the user may see, who holds it, its step's
 * properties in the model ({@code returnTargets}, {@code withdrawable}, {@code coSign}, {@code batchApproval}) and
 * the case's audit.
 */
@Component
public class ApprovalTasks {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final CaseFileService caseFiles;
  private final RegionAccess access;
  private final PersonNames names;

  public ApprovalTasks(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
      CaseFileService caseFiles, RegionAccess access, PersonNames names) {
    this.names = names;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.caseFiles = caseFiles;
    this.access = access;
  }

  /** An open task of a case in the user's region; anything else is "not found" (nothing about other regions). */
  public Task visibleTask(String taskId, BangfuUser user) {
    Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      throw new NotFoundException("任务不存在或已经办结");
    }
    String village = village(task);
    if (village == null || !access.canSee(user, village)) {
      throw new NotFoundException("任务不存在，或不在您的辖区内");
    }
    return task;
  }

  /** A person as messages and the audit name them (王建国（东山村）), not by sign-in id. */
  public String name(String userId) {
    return names.of(userId);
  }

  /** The holder: the assignee, or a member of the task's groups while nobody has claimed it. */
  public boolean holds(Task task, BangfuUser user) {
    return user.id().equals(task.getAssignee())
        || task.getAssignee() == null && groups(task.getId()).stream().anyMatch(user::inGroup);
  }

  public void requireHolder(Task task, BangfuUser user, String operation) {
    if (!holds(task, user)) {
      throw new ForbiddenException(task.getAssignee() == null
          ? "只有本环节的办理人员可以" + operation
          : "该任务已由 " + name(task.getAssignee()) + " 认领，只有认领人可以" + operation);
    }
  }

  public List<String> groups(String taskId) {
    return CandidateGroups.of(taskService.getIdentityLinksForTask(taskId));
  }

  public String village(Task task) {
    Object value = runtimeService.getVariable(task.getProcessInstanceId(), "villageCode");
    return value == null ? null : value.toString();
  }

  public Long caseId(String processInstanceId) {
    Object value = runtimeService.getVariable(processInstanceId, "caseId");
    return value instanceof Number n ? n.longValue() : null;
  }

  public String businessKey(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  /** A flow element of the task's process version, by id (null if there is none). */
  public FlowElement element(String processDefinitionId, String elementId) {
    return repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(elementId);
  }

  /** A {@code camunda:property} of a step in the model. */
  public String property(String processDefinitionId, String activityId, String name) {
    return ModelProperties.of((BaseElement) element(processDefinitionId, activityId), name);
  }

  /** The activity instance of a task in an instance's tree. */
  public static org.camunda.bpm.engine.runtime.ActivityInstance activityInstance(
      org.camunda.bpm.engine.runtime.ActivityInstance tree, Task task) {
    java.util.Deque<org.camunda.bpm.engine.runtime.ActivityInstance> queue =
        new java.util.ArrayDeque<>(List.of(tree.getChildActivityInstances()));
    while (!queue.isEmpty()) {
      org.camunda.bpm.engine.runtime.ActivityInstance instance = queue.removeFirst();
      if (instance.getActivityId().equals(task.getTaskDefinitionKey())
          && List.of(instance.getExecutionIds()).contains(task.getExecutionId())) {
        return instance;
      }
      queue.addAll(List.of(instance.getChildActivityInstances()));
    }
    throw new IllegalStateException("no activity instance of task " + task.getId());
  }

  public void audit(String processInstanceId, String step, String stepName, String decision, String reason,
      String actor, String taskId) {
    Long caseId = caseId(processInstanceId);
    if (caseId != null) {
      caseFiles.audit(caseId, step, stepName, decision, reason, actor, taskId);
    }
  }
}
