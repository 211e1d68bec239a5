package org.bangfu.supervision;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bangfu.mail.MailOutbox;
import org.bangfu.mail.MailProperties;
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
 * Reminds and escalates overdue tasks by mail: when a task's due date has passed, its holder (the assignee, or every
 * member of its candidate groups) gets a reminder; once it is {@code bangfu.supervision.escalate-after-working-days}
 * working days overdue, the county's supervisors get an escalation. Each at most once per task (dedup keys in the
 * outbox), however often the watcher runs and on however many nodes.
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
  private final MailOutbox outbox;
  private final WorkingDayCalendar calendar;
  private final SupervisionProperties properties;
  private final MailProperties mail;
  private final SupervisionMapper supervision;
  private final TransactionTemplate transaction;

  public DeadlineWatcher(TaskService taskService, RuntimeService runtimeService, MailOutbox outbox,
      WorkingDayCalendar calendar, SupervisionProperties properties, MailProperties mail,
      SupervisionMapper supervision, PlatformTransactionManager transactions) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.outbox = outbox;
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
   * dedup key). Returns the number of mails queued.
   */
  public int check() {
    LocalDateTime now = Deadlines.overdueBefore();
    int queued = 0;
    // a group's members are read once a round, not once per task of the group
    Map<String, Set<String>> groupAddresses = new HashMap<>();
    SupervisionMapper.TaskKey last = null;
    while (true) {
      List<SupervisionMapper.TaskKey> page = supervision.overdueTaskKeys(now, last == null ? null : last.due(),
          last == null ? null : last.id(), PAGE);
      if (page.isEmpty()) {
        return queued;
      }
      Integer pageQueued = transaction.execute(status -> {
        int mails = 0;
        for (Task task : taskService.createTaskQuery().taskIdIn(page.stream().map(SupervisionMapper.TaskKey::id)
            .toArray(String[]::new)).orderByDueDate().asc().list()) {
          // a task completed since the page was read is not there any more, and not reminded
          mails += remindAndEscalate(task, now, g -> groupAddresses.computeIfAbsent(g, outbox::addressesOfGroup));
        }
        return mails;
      });
      queued += pageQueued == null ? 0 : pageQueued;
      if (page.size() < PAGE) {
        return queued;
      }
      last = page.get(page.size() - 1);
    }
  }

  private int remindAndEscalate(Task task, LocalDateTime now, Function<String, Set<String>> addressesOfGroup) {
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
    Set<String> holders = task.getAssignee() != null ? outbox.addressesOfUser(task.getAssignee())
        : groups.stream().flatMap(g -> addressesOfGroup.apply(g).stream())
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    queued += outbox.enqueue("remind:" + task.getId(), "REMINDER", holders,
        "【帮扶】待办到期提醒：" + task.getName() + "（案件 " + caseNumber + "）",
        "您好：\n\n案件 " + caseNumber + " 的环节“" + task.getName() + "”已于 " + TIME.format(due)
            + " 到期，请尽快办理。\n\n" + links + "\n\n本邮件由帮扶系统自动发送，请勿回复。", id);

    int overdueDays = calendar.workingDaysBetween(due.toLocalDate(), now.toLocalDate());
    String county = county(groups);
    if (overdueDays >= properties.escalateAfterWorkingDays() && county != null) {
      queued += outbox.enqueue("escalate:" + task.getId(), "ESCALATION",
          addressesOfGroup.apply(CandidateGroups.supervisor(county)),
          "【帮扶】逾期督办：" + task.getName() + "（案件 " + caseNumber + "，逾期 " + overdueDays + " 个工作日）",
          "督导组：\n\n案件 " + caseNumber + " 的环节“" + task.getName() + "”于 " + TIME.format(due) + " 到期，已逾期 "
              + overdueDays + " 个工作日，办理" + (task.getAssignee() == null ? "组：" + String.join("、", groups)
                  : "人：" + task.getAssignee()) + "。\n\n" + links + "\n\n本邮件由帮扶系统自动发送，请勿回复。", id);
    }
    return queued;
  }

  /** The county of a task, from the region code in its candidate group. */
  static String county(List<String> groups) {
    return groups.stream().map(CandidateGroups::regionCode).filter(java.util.Objects::nonNull)
        .map(code -> code.substring(0, 6)).findFirst().orElse(null);
  }
}
