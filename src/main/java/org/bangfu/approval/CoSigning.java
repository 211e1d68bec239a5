package org.bangfu.approval;

import java.util.List;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.EngineUsers;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 加签: on a step the model marks {@code coSign}, the holder asks a colleague who may see the case to sign an opinion
 * too. The co-signer gets a sub-task in their inbox (我的待办); the step cannot be completed until every co-signer has
 * signed (the decision audit refuses it). Adding and signing are audited on the case.
 */
@Service
public class CoSigning {

  public static final String CO_SIGN = "coSign";

  public enum Opinion {
    AGREE("同意"), DISAGREE("不同意");

    final String label;

    Opinion(String label) {
      this.label = label;
    }
  }

  private final ApprovalTasks tasks;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final EngineUsers users;
  private final RegionAccess access;

  public CoSigning(ApprovalTasks tasks, TaskService taskService, IdentityService identityService, EngineUsers users,
      RegionAccess access) {
    this.tasks = tasks;
    this.taskService = taskService;
    this.identityService = identityService;
    this.users = users;
    this.access = access;
  }

  @Transactional
  public String add(String taskId, String coSigner, String reason, BangfuUser user) {
    Task task = tasks.visibleTask(taskId, user);
    tasks.requireHolder(task, user, "加签");
    if (!allowed(task)) {
      throw InvalidInputException.of("coSigner", "“" + task.getName() + "”环节不允许加签");
    }
    if (coSigner == null || coSigner.isBlank() || coSigner.equals(user.id())
        || identityService.createUserQuery().userId(coSigner).count() == 0) {
      throw InvalidInputException.of("coSigner", "请选择另一位加签人员");
    }
    if (!access.canSee(users.of(coSigner), tasks.village(task))) {
      throw InvalidInputException.of("coSigner", tasks.name(coSigner) + " 不能查看本案件所在辖区，不能加签");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw InvalidInputException.of("reason", "请填写加签事由（不超过500字）");
    }
    boolean already = taskService.getSubTasks(taskId).stream().anyMatch(t -> coSigner.equals(t.getAssignee()));
    if (already) {
      throw new ConflictException(coSigner + " 已是本环节的加签人员");
    }
    Task sub = taskService.newTask();
    sub.setParentTaskId(taskId);
    sub.setName("会签：" + task.getName() + "（" + tasks.businessKey(task.getProcessInstanceId()) + "）");
    sub.setDescription(user.id() + " 请您签署意见：" + reason.trim());
    sub.setAssignee(coSigner);
    sub.setDueDate(task.getDueDate());
    taskService.saveTask(sub);
    tasks.audit(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(), "CO_SIGN_ADDED",
        "加签 " + tasks.name(coSigner) + "：" + reason.trim(), user.id(), task.getId());
    return sub.getId();
  }

  /** The co-signer's opinion on their sub-task; the sub-task is done. */
  @Transactional
  public void sign(String subTaskId, String opinion, String comment, BangfuUser user) {
    Task sub = subTaskId == null ? null : taskService.createTaskQuery().taskId(subTaskId).singleResult();
    if (sub == null || sub.getParentTaskId() == null) {
      throw new NotFoundException("会签任务不存在或已经签署");
    }
    if (!user.id().equals(sub.getAssignee())) {
      throw new ForbiddenException("只有加签人员本人可以签署");
    }
    Opinion decided;
    try {
      decided = Opinion.valueOf(opinion == null ? "" : opinion);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("opinion", "请选择 AGREE（同意）或 DISAGREE（不同意）");
    }
    if (decided == Opinion.DISAGREE && (comment == null || comment.isBlank())) {
      throw InvalidInputException.of("comment", "不同意时请写明理由");
    }
    Task parent = taskService.createTaskQuery().taskId(sub.getParentTaskId()).singleResult();
    if (parent == null) {
      throw new ConflictException("本环节已经办结，无需会签");
    }
    tasks.audit(parent.getProcessInstanceId(), parent.getTaskDefinitionKey(), parent.getName(),
        "CO_SIGN_" + decided.name(), "会签意见：" + decided.label + (comment == null || comment.isBlank() ? ""
            : "：" + comment.trim()), user.id(), parent.getId());
    taskService.complete(sub.getId());
  }

  /** What the user is asked if this is their 会签 task (its description); empty for any other task. */
  public java.util.Optional<String> request(String taskId, BangfuUser user) {
    Task sub = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
    return sub != null && sub.getParentTaskId() != null && user.id().equals(sub.getAssignee())
        ? java.util.Optional.of(String.valueOf(sub.getDescription())) : java.util.Optional.empty();
  }

  /** Whether the model lets this step have co-signers. */
  public boolean allowed(Task task) {
    return "true".equals(tasks.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), CO_SIGN));
  }

  /** The co-signers who have not signed yet. */
  public List<String> pending(String taskId) {
    return taskService.getSubTasks(taskId).stream().map(Task::getAssignee).toList();
  }
}
