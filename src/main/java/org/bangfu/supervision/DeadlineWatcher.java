package org.bangfu.supervision;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bangfu.message.Message;
import org.bangfu.message.MessageKind;
import org.bangfu.message.Messages;
import org.bangfu.message.MailProperties;
import org.bangfu.region.CandidateGroups;
import org.bangfu.shared.Deadlines;
import org.bangfu.shared.WorkingDayCalendar;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds and escalates overdue tasks (messages: the message centre, and mail or a group robot as each user chose): when a task's due date has passed, its holder (the assignee, or every
 * member of its candidate groups) gets a reminder; once it is {@code bangfu.supervision.escalate-after-working-days}
 * working days overdue, the county's supervisors get an escalation. Each at most once per task (dedup keys in the
 * the messages), however often the watcher runs and on however many nodes.
 *
 * <p>One watcher over the task table rather than a boundary timer on every user task: the models stay as process
 * owners draw them, and 100k open tasks do not mean 200k timer jobs.
 */
@Component
@EnableConfigurationProperties(SupervisionProperties.class)
public class DeadlineWatcher {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  static final int PAGE = 500;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Messages messages;
  private final WorkingDayCalendar calendar;
  private final SupervisionProperties properties;
  private final MailProperties mail;
  private final SupervisionMapper supervision;
  private final TransactionTemplate transaction;

  public DeadlineWatcher(TaskService taskService, RuntimeService runtimeService, Messages messages,
      WorkingDayCalendar calendar, SupervisionProperties properties, MailProperties mail,
      SupervisionMapper supervision, PlatformTransactionManager transactions) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.messages = messages;
    this.calendar = calendar;
    this.properties = properties;
    this.mail = mail;
    this.supervision = supervision;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Scheduled(fixedDelayString = "${bangfu.supervision.interval:PT15M}", initialDelayString = "PT1M")
  public void scheduled() {
    if (properties.watch()) {
      check();
    }
  }

  /**
   * One round over the overdue tasks, a page of {@value #PAGE} at a time in due-date order, each page in a
   * transaction of its own: a round's transactions stay small however many tasks are overdue, and a round that stops
   * half-way (its node died) loses nothing — the next round queues what is missing, and nothing twice (each mail's
   * dedup key). Returns the number of messages sent (one per user).
   */
  public int check() {
    LocalDateTime now = Deadlines.overdueBefore();
    int queued = 0;
    // a group's members are read once a round, not once per task of the group
    Map<String, Set<String>> groupMembers = new HashMap<>();
    SupervisionMapper.TaskKey last = null;
    while (true) {
      List<SupervisionMapper.TaskKey> page = supervision.overdueTaskKeys(now, last == null ? null : last.due(),
          last == null ? null : last.id(), PAGE);
      if (page.isEmpty()) {
        return queued;
      }
      Integer pageQueued = transaction.execute(status -> {
        int sent = 0;
        for (Task task : taskService.createTaskQuery().taskIdIn(page.stream().map(SupervisionMapper.TaskKey::id)
            .toArray(String[]::new)).orderByDueDate().asc().list()) {
          // a task completed since the page was read is not there any more, and not reminded
          sent += remindAndEscalate(task, now, g -> groupMembers.computeIfAbsent(g, messages::membersOf));
        }
        return sent;
      });
      queued += pageQueued == null ? 0 : pageQueued;
      if (page.size() < PAGE) {
        return queued;
      }
      last = page.get(page.size() - 1);
    }
  }

  private int remindAndEscalate(Task task, LocalDateTime now, Function<String, Set<String>> membersOf) {
    LocalDateTime due = LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault());
    List<String> groups = CandidateGroups.of(taskService.getIdentityLinksForTask(task.getId()));
    // a co-signature (加签) is a sub-task without a process: its case is its parent step's
    Task step = task.getProcessInstanceId() == null && task.getParentTaskId() != null
        ? taskService.createTaskQuery().taskId(task.getParentTaskId()).singleResult() : task;
    ProcessInstance instance = step == null || step.getProcessInstanceId() == null ? null
        : runtimeService.createProcessInstanceQuery().processInstanceId(step.getProcessInstanceId()).singleResult();
    String caseNumber = instance == null ? null : instance.getBusinessKey();
    Object caseId = step == null || step.getExecutionId() == null ? null
        : runtimeService.getVariable(step.getExecutionId(), "caseId");
    Long id = caseId instanceof Number n ? n.longValue() : null;
    String links = "任务列表：" + mail.baseUrl() + "/camunda/app/tasklist/"
        + (id == null ? "" : "\n案件档案：" + mail.baseUrl() + "/case.html?id=" + id);

    int queued = 0;
    Set<String> holders = task.getAssignee() != null ? Set.of(task.getAssignee())
        : groups.stream().flatMap(g -> membersOf.apply(g).stream())
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    queued += messages.send(new Message("remind:" + task.getId(), MessageKind.REMINDER,
        "待办到期提醒：" + task.getName() + "（案件 " + caseNumber + "）",
        "您好：\n\n案件 " + caseNumber + " 的环节“" + task.getName() + "”已于 " + TIME.format(due)
            + " 到期，请尽快办理。\n\n" + links, id, task.getId()), holders);

    int overdueDays = calendar.workingDaysBetween(due.toLocalDate(), now.toLocalDate());
    String county = county(groups);
    if (overdueDays >= properties.escalateAfterWorkingDays() && county != null) {
      queued += messages.send(new Message("escalate:" + task.getId(), MessageKind.ESCALATION,
          "逾期督办：" + task.getName() + "（案件 " + caseNumber + "，逾期 " + overdueDays + " 个工作日）",
          "督导组：\n\n案件 " + caseNumber + " 的环节“" + task.getName() + "”于 " + TIME.format(due) + " 到期，已逾期 "
              + overdueDays + " 个工作日，办理" + (task.getAssignee() == null ? "组：" + String.join("、", groups)
                  : "人：" + task.getAssignee()) + "。\n\n" + links, id, null),
          membersOf.apply(CandidateGroups.supervisor(county)));
    }
    return queued;
  }

  /** The county of a task, from the region code in its candidate group. */
  static String county(List<String> groups) {
    return groups.stream().map(CandidateGroups::regionCode).filter(java.util.Objects::nonNull)
        .map(code -> code.substring(0, 6)).findFirst().orElse(null);
  }
}
