package org.bangfu.approval;

import java.util.ArrayList;
import java.util.List;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回: whoever submitted a step the model marks {@code withdrawable} takes it back while the next step is untouched
 * (nobody has claimed, delegated or completed anything since). The next step's tasks are cancelled and the submitter
 * holds the step again, with the values as submitted.
 */
@Service
public class TaskWithdrawal {

  public static final String WITHDRAWABLE = "withdrawable";

  public record Withdrawn(String taskId, String step) {
  }

  /** A task the user completed (已办), and whether its step allows withdrawing it at all. */
  public record Done(String taskId, String step, String name, String processInstanceId, String businessKey,
      java.util.Date completedAt, boolean withdrawable) {
  }

  private final ApprovalTasks tasks;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final RegionAccess access;

  public TaskWithdrawal(ApprovalTasks tasks, TaskService taskService, RuntimeService runtimeService,
      HistoryService historyService, RegionAccess access) {
    this.tasks = tasks;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.access = access;
  }

  /** Withdraws the submission of a completed task (its id as Tasklist's 已办 and the case page show it). */
  @Transactional
  public Withdrawn withdraw(String completedTaskId, BangfuUser user) {
    HistoricTaskInstance done = completedTaskId == null ? null
        : historyService.createHistoricTaskInstanceQuery().taskId(completedTaskId).finished().singleResult();
    if (done == null || done.getProcessInstanceId() == null || !"completed".equals(done.getDeleteReason())) {
      throw new NotFoundException("没有找到已办结的该任务");
    }
    String pid = done.getProcessInstanceId();
    if (runtimeService.createProcessInstanceQuery().processInstanceId(pid).count() == 0) {
      throw new ConflictException("该流程已经结束，不能撤回");
    }
    Object village = runtimeService.getVariable(pid, "villageCode");
    if (village == null || !access.canSee(user, village.toString())) {
      throw new NotFoundException("任务不存在，或不在您的辖区内");
    }
    if (!user.id().equals(done.getAssignee())) {
      throw new ForbiddenException("只有提交人 " + tasks.name(done.getAssignee()) + " 可以撤回");
    }
    if (!"true".equals(tasks.property(done.getProcessDefinitionId(), done.getTaskDefinitionKey(), WITHDRAWABLE))) {
      throw InvalidInputException.of("taskId", "“" + done.getName() + "”提交后不能撤回");
    }
    boolean laterWork = historyService.createHistoricTaskInstanceQuery().processInstanceId(pid).finished().list()
        .stream().anyMatch(t -> !t.getId().equals(done.getId()) && t.getEndTime().after(done.getEndTime())
            && "completed".equals(t.getDeleteReason()));
    if (laterWork) {
      throw new ConflictException("下一环节已经办理，不能撤回");
    }
    List<Task> next = taskService.createTaskQuery().processInstanceId(pid).list().stream()
        .filter(t -> !t.getCreateTime().before(done.getEndTime())).toList();
    if (next.isEmpty()) {
      throw new ConflictException("下一环节不是待办任务（例如正在公示），不能撤回");
    }
    for (Task t : next) {
      if (t.getAssignee() != null || t.getDelegationState() != null) {
        throw new ConflictException("下一环节“" + t.getName() + "”已由 " + tasks.name(t.getAssignee()) + " 认领，不能撤回，请联系对方退回");
      }
    }
    ActivityInstance tree = runtimeService.getActivityInstance(pid);
    ProcessInstanceModificationBuilder modification = runtimeService.createProcessInstanceModification(pid);
    for (Task t : next) {
      modification.cancelActivityInstance(ApprovalTasks.activityInstance(tree, t).getId());
    }
    modification.startBeforeActivity(done.getTaskDefinitionKey()).execute();
    Task again = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(done.getTaskDefinitionKey())
        .singleResult();
    taskService.setAssignee(again.getId(), user.id());
    taskService.setVariableLocal(again.getId(), TaskReturn.RETURN_NOTE,
        user.id() + " 已撤回提交，可修改后重新提交");
    tasks.audit(pid, done.getTaskDefinitionKey(), done.getName(), "WITHDRAW",
        "撤回提交（下一环节：" + String.join("、", next.stream().map(Task::getName).toList()) + "）", user.id(),
        again.getId());
    return new Withdrawn(again.getId(), done.getName());
  }

  /** 已办: the user's completed tasks of the last 90 days, newest first (at most 200). */
  public List<Done> done(BangfuUser user) {
    java.util.Date since = java.util.Date.from(EngineClock.now().minusDays(90)
        .atZone(java.time.ZoneId.systemDefault()).toInstant());
    List<Done> done = new ArrayList<>();
    for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().taskAssignee(user.id())
        .finished().finishedAfter(since).orderByHistoricTaskInstanceEndTime().desc().listPage(0, 200)) {
      if (!"completed".equals(t.getDeleteReason()) || t.getProcessInstanceId() == null) {
        continue;
      }
      var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
          .singleResult();
      boolean withdrawable = instance != null && instance.getEndTime() == null && "true".equals(
          tasks.property(t.getProcessDefinitionId(), t.getTaskDefinitionKey(), WITHDRAWABLE));
      done.add(new Done(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getProcessInstanceId(),
          instance == null ? null : instance.getBusinessKey(), t.getEndTime(), withdrawable));
    }
    return done;
  }
}
