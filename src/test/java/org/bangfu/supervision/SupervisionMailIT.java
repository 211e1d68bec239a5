package org.bangfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.NANPING;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.message.OutboxDispatcher;
import org.bangfu.shared.WorkingDayCalendar;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadline mail over real SMTP (GreenMail): a reminder when a task falls due, an escalation to the county's
 * supervisors after two working days overdue, each once however often the watcher runs; an SMTP outage loses and
 * duplicates nothing; the daily digest counts what the engine's task query counts.
 */
class SupervisionMailIT extends MariaDbIntegrationTest {

  static final String CADRE = "cadre_nanping@demo.bangfu.org";
  static final String SUPERVISOR = "supervisor_county@demo.bangfu.org";

  @Autowired
  DeadlineWatcher watcher;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  SupervisionDigest digest;
  @Autowired
  WorkingDayCalendar calendar;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;

  GreenMail smtp;

  @BeforeEach
  void smtpUp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // mid-morning of today: "an hour after the due time" must not cross midnight whenever the run happens
    clockAt(java.time.LocalDate.now().atTime(10, 0));
  }

  @AfterEach
  void smtpDownAndClockBack() {
    smtp.stop();
    ClockUtil.reset();
  }

  @Test
  void anOverdueTaskIsRemindedThenEscalatedEachOnce() throws MessagingException {
    String bk = openCase();
    Task verify = task(bk);
    LocalDateTime due = LocalDateTime.ofInstant(verify.getDueDate().toInstant(), ZoneId.systemDefault());

    watcher.check();
    dispatcher.dispatch();
    assertThat(mails(bk)).as("nothing before the due date").isEmpty();

    clockAt(due.plusHours(1));
    watcher.check();
    dispatcher.dispatch();
    watcher.check();
    dispatcher.dispatch();
    List<MimeMessage> reminders = mails(bk);
    assertThat(reminders).hasSize(1);
    assertThat(to(reminders.get(0))).isEqualTo(CADRE);
    assertThat(reminders.get(0).getSubject()).isEqualTo("【帮扶】待办到期提醒：入户核实（案件 " + bk + "）");
    String body = decoded(reminders.get(0));
    assertThat(body).contains("已于").contains("/case.html?id=").doesNotContainPattern("\\d{17}[\\dX]");

    // one working day overdue: no escalation yet; two: the supervisors hear of it, once
    clockAt(calendar.plusWorkingDays(due.toLocalDate(), 1).atTime(due.toLocalTime()).plusHours(1));
    watcher.check();
    dispatcher.dispatch();
    assertThat(mails(bk)).hasSize(1);
    clockAt(calendar.plusWorkingDays(due.toLocalDate(), 2).atTime(due.toLocalTime()).plusHours(1));
    watcher.check();
    dispatcher.dispatch();
    watcher.check();
    dispatcher.dispatch();
    List<MimeMessage> all = mails(bk);
    assertThat(all).extracting(SupervisionMailIT::to).containsExactlyInAnyOrder(CADRE, SUPERVISOR);
    MimeMessage escalation = all.stream().filter(m -> SUPERVISOR.equals(to(m))).findFirst().orElseThrow();
    assertThat(escalation.getSubject()).startsWith("【帮扶】逾期督办：入户核实（案件 " + bk + "，逾期 2 个工作日）");
    assertThat(decoded(escalation)).contains("village-" + NANPING);
  }

  /**
   * A round reads the overdue tasks a page at a time in due-date order: more than two pages, due at three moments
   * (ties across every page boundary), a co-signature (加签, a sub-task without a process) among them — each
   * reminded once, and a second round queues nothing.
   */
  @Test
  void aRoundOfSeveralPagesRemindsEveryOverdueTaskOnce() {
    LocalDateTime now = org.bangfu.shared.EngineClock.now();
    List<String> ids = new java.util.ArrayList<>();
    String parent = task(openCase()).getId();
    try {
      for (int i = 0; i < DeadlineWatcher.PAGE * 2 + 50; i++) {
        Task task = taskService.newTask();
        task.setName("核对");
        task.setDueDate(java.sql.Timestamp.valueOf(now.minusHours(1 + i % 3)));
        if (i == 7) {
          task.setParentTaskId(parent);
        }
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), "village-" + NANPING);
        ids.add(task.getId());
      }
      watcher.check();
      Map<String, Integer> reminders = new HashMap<>();
      for (String key : jdbc.queryForList("SELECT dedup_key FROM bf_outbox WHERE dedup_key LIKE 'remind:%'",
          String.class)) {
        ids.stream().filter(id -> key.startsWith("remind:" + id + "|")).forEach(id -> reminders.merge(id, 1, Integer::sum));
      }
      assertThat(reminders.keySet()).as("every overdue task reminded").containsExactlyInAnyOrderElementsOf(ids);
      assertThat(new java.util.HashSet<>(reminders.values())).as("each as often as its group has members")
          .hasSize(1);
      assertThat(watcher.check()).as("a second round").isZero();
    } finally {
      ids.forEach(id -> taskService.deleteTask(id, true));
      jdbc.update("DELETE FROM bf_outbox WHERE subject LIKE '%核对（案件 null）%' OR subject LIKE '%核对（案件 BF%'");
    }
  }

  @Test
  void whileSmtpIsDownNothingIsLostAndAfterwardsEachMailGoesOutOnce() throws MessagingException {
    String bk = openCase();
    Task verify = task(bk);
    LocalDateTime due = LocalDateTime.ofInstant(verify.getDueDate().toInstant(), ZoneId.systemDefault());
    smtp.stop();

    // the task falls due and is escalated while the mail server is down; the cadre completes another step meanwhile
    clockAt(calendar.plusWorkingDays(due.toLocalDate(), 3).atTime(due.toLocalTime()));
    watcher.check();
    assertThat(dispatcher.dispatch()).isZero();
    assertThat(dispatcher.dispatch()).as("not retried before its backoff").isZero();
    List<Map<String, Object>> queued = jdbc.queryForList("SELECT status, attempts, last_error FROM bf_outbox"
        + " WHERE subject LIKE ?", "%" + bk + "%");
    assertThat(queued).hasSize(2).allSatisfy(row -> {
      assertThat(row.get("status")).isEqualTo("PENDING");
      assertThat(((Number) row.get("attempts")).intValue()).isLessThanOrEqualTo(1);
    });
    assertThat(queued).anySatisfy(row -> assertThat(row.get("last_error")).isNotNull());

    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    clockAt(LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault())
        .plusMinutes(2));
    for (int round = 0; round < 3; round++) {
      dispatcher.dispatch();
    }
    assertThat(mails(bk)).extracting(SupervisionMailIT::to).containsExactlyInAnyOrder(CADRE, SUPERVISOR);
    assertThat(jdbc.queryForList("SELECT status FROM bf_outbox WHERE subject LIKE ?", String.class,
        "%" + bk + "%")).containsOnly("SENT");
  }

  @Test
  void theDigestCountsWhatTheEngineCountsAndIsSentOnceADay() throws MessagingException {
    openCase();
    clockAt(LocalDate.now().plusDays(40).atTime(10, 0));
    Date now = ClockUtil.getCurrentTime();
    long overdueInCounty = taskService.createTaskQuery().dueBefore(now).list().stream()
        .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> l.getGroupId() != null && l.getGroupId().matches(".*-629901(\\d{3}|\\d{6})?$")))
        .count();
    assertThat(overdueInCounty).isPositive();

    assertThat(api.post("cadre_nanping", "/api/supervision/629901/digest", Map.of()).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.post("supervisor_county", "/api/supervision/629901/digest", Map.of()).getBody())
        .containsEntry("queued", 1);
    assertThat(digest.send("629901")).as("once a day").isZero();
    dispatcher.dispatch();
    List<MimeMessage> digests = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).contains("逾期待办日报")).toList();
    assertThat(digests).hasSize(1);
    assertThat(to(digests.get(0))).isEqualTo(SUPERVISOR);
    assertThat(subject(digests.get(0))).isEqualTo("【帮扶】幸福县逾期待办日报（" + LocalDate.now().plusDays(40) + "）："
        + overdueInCounty + " 件");
    assertThat(decoded(digests.get(0))).contains("按乡镇逾期").contains("和平镇").contains("按村逾期").contains("南坪村")
        .contains("按环节逾期").contains("入户核实");
  }

  // --- helpers

  private String openCase() {
    long household = api.createHousehold("cadre_nanping",
        ApiClient.household(NANPING, "ORDINARY", 7000, 0, "FULL", "NONE"));
    return (String) api.openCase("cadre_nanping", Map.of("householdId", household, "channel", "CADRE_SCREENING",
        "riskTypes", List.of("ILLNESS"))).get("businessKey");
  }

  private Task task(String bk) {
    return taskService.createTaskQuery().processInstanceBusinessKey(bk)
        .taskDefinitionKey(RiskIdentification.VERIFY_HOUSEHOLD).singleResult();
  }

  private static void clockAt(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
  }

  /** The mails received about this case (GreenMail lists them mailbox by mailbox, not in order of arrival). */
  private List<MimeMessage> mails(String bk) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(bk)).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decoded(MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

}
