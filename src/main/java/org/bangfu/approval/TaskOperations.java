package org.bangfu.approval;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bangfu.message.Message;
import org.bangfu.message.MessageKind;
import org.bangfu.message.Messages;
import org.bangfu.message.MailProperties;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operations approvers know from Chinese approval systems, on a task of a case: 转办 (transfer to a colleague of the
 * same group and region), 委派 (delegate to such a colleague and get it back) and 催办 (urge the current holders by
 * mail, once a day). Each is audited on the case.
 */
@Service
public class TaskOperations {

  private final ApprovalTasks tasks;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Messages messages;
  private final MailProperties mail;
  private final RegionAccess access;

  public TaskOperations(ApprovalTasks tasks, TaskService taskService, IdentityService identityService,
      Messages messages, MailProperties mail, RegionAccess access) {
    this.tasks = tasks;
    this.taskService = taskService;
    this.identityService = identityService;
    this.messages = messages;
    this.mail = mail;
    this.access = access;
  }

  /**
   * 转办: the holder (the assignee, or a member of the task's group while nobody claimed it) hands the task to a
   * colleague of the same group, who then holds it. Nobody outside the group (so outside the region) can receive it.
   */
  @Transactional
  public void transfer(String taskId, String toUser, String reason, BangfuUser user) {
    Task task = task(taskId);
    if (!tasks.holds(task, user)) {
      throw new ForbiddenException("只有任务的办理人（或未认领时本组人员）可以转办");
    }
    String why = text("reason", reason);
    requireColleague(taskId, toUser, user);
    taskService.setAssignee(taskId, toUser);
    audit(task, "TRANSFER", "转办给 " + tasks.name(toUser) + "：" + why, user.id());
    handedOver(task, "转办", toUser, why, user);
  }

  /**
   * 委派: the assignee asks a colleague of the same group to work the task; the colleague fills it in and resolves it
   * (Tasklist's "完成" on a delegated task, or {@code POST /engine-rest/task/{id}/resolve}), and the task comes back
   * to the delegator, who decides and completes it.
   */
  @Transactional
  public void delegate(String taskId, String toUser, String reason, BangfuUser user) {
    Task task = task(taskId);
    if (!user.id().equals(task.getAssignee())) {
      throw new ForbiddenException("请先认领任务，再委派");
    }
    if (task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
      throw new ConflictException("该任务已委派给 " + tasks.name(task.getAssignee()) + "，尚未办回");
    }
    String why = text("reason", reason);
    requireColleague(taskId, toUser, user);
    taskService.delegateTask(taskId, toUser);
    audit(task, "DELEGATE", "委派给 " + tasks.name(toUser) + "：" + why, user.id());
    handedOver(task, "委派", toUser, why, user);
  }

  /** The colleague who now holds a task is told, as of a new task of theirs. */
  private void handedOver(Task task, String how, String toUser, String why, BangfuUser user) {
    String caseNumber = tasks.businessKey(task.getProcessInstanceId());
    messages.send(new Message(("转办".equals(how) ? "transfer:" : "delegate:") + task.getId() + ":" + toUser + ":" + EngineClock.now(), MessageKind.NEW_TASK,
        how + "给您：" + task.getName() + "（案件 " + caseNumber + "）",
        tasks.name(user.id()) + " 将案件 " + caseNumber + " 的环节“" + task.getName() + "”" + how + "给您：" + why
            + "\n\n任务：" + mail.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId(),
        tasks.caseId(task.getProcessInstanceId()), task.getId()), List.of(toUser));
  }

  /** 催办: tells the task's current holders (the message centre, and their channels), at most once a day per task; audited. */
  @Transactional
  public int urge(String taskId, String message, BangfuUser user) {
    Task task = task(taskId);
    String village = tasks.village(task);
    if (village == null || !access.canSee(user, village)) {
      throw new NotFoundException("任务不存在，或不在您的辖区内");
    }
    String text = text("message", message);
    Set<String> holders = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      holders.add(task.getAssignee());
    } else {
      tasks.groups(taskId).forEach(g -> holders.addAll(messages.membersOf(g)));
    }
    String caseNumber = tasks.businessKey(task.getProcessInstanceId());
    int queued = messages.send(new Message("urge:" + taskId + ":" + EngineClock.today(), MessageKind.URGE,
        "催办：" + task.getName() + "（案件 " + caseNumber + "）",
        "您好：\n\n" + tasks.name(user.id()) + " 催办案件 " + caseNumber + " 的环节“" + task.getName() + "”"
            + (task.getDueDate() == null ? "" : "（"
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(task.getDueDate().toInstant()
                    .atZone(java.time.ZoneId.systemDefault())) + " 到期）")
            + "：\n" + text + "\n\n任务：" + mail.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId,
        tasks.caseId(task.getProcessInstanceId()), taskId), holders);
    if (queued == 0 && !holders.isEmpty()) {
      throw new ConflictException("今天已经催办过该环节，请明天再催办");
    }
    audit(task, "URGE", text, user.id());
    return queued;
  }

  /** The receiver must be another member of one of the task's groups: the same step, the same region. */
  private void requireColleague(String taskId, String toUser, BangfuUser user) {
    if (toUser == null || toUser.isBlank() || toUser.equals(user.id())) {
      throw InvalidInputException.of("toUser", "请选择接收任务的人员");
    }
    boolean colleague = tasks.groups(taskId).stream()
        .anyMatch(g -> identityService.createUserQuery().userId(toUser).memberOfGroup(g).count() > 0);
    if (!colleague) {
      throw InvalidInputException.of("toUser", "只能转给本组（同一辖区）的人员");
    }
  }

  private Task task(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("任务不存在或已经办结");
    }
    return task;
  }

  private void audit(Task task, String decision, String reason, String actor) {
    tasks.audit(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(), decision, reason, actor,
        task.getId());
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank() || value.length() > 500) {
      throw InvalidInputException.of(field, "reason".equals(field) ? "请填写转办理由（不超过500字）" : "请填写催办内容（不超过500字）");
    }
    return value.trim();
  }
}
