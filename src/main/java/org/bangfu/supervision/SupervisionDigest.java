package org.bangfu.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bangfu.mail.MailOutbox;
import org.bangfu.mail.MailProperties;
import org.bangfu.measure.Department;
import org.bangfu.process.EngineClock;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.Region;
import org.bangfu.region.RegionService;
import org.bangfu.supervision.SupervisionMapper.OverdueCount;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest to each county's supervisors (on working days): overdue tasks by township, village, step and
 * department, from one grouped query per county.
 */
@Component
public class SupervisionDigest {

  private final SupervisionMapper supervision;
  private final RegionService regions;
  private final MailOutbox outbox;
  private final WorkingDayCalendar calendar;
  private final SupervisionProperties properties;
  private final MailProperties mail;

  public SupervisionDigest(SupervisionMapper supervision, RegionService regions, MailOutbox outbox,
      WorkingDayCalendar calendar, SupervisionProperties properties, MailProperties mail) {
    this.supervision = supervision;
    this.regions = regions;
    this.outbox = outbox;
    this.calendar = calendar;
    this.properties = properties;
    this.mail = mail;
  }

  @Scheduled(cron = "${bangfu.supervision.digest-cron:0 30 7 * * *}")
  public void scheduled() {
    if (properties.watch() && calendar.isWorkingDay(EngineClock.today())) {
      sendAll();
    }
  }

  /** Queues today's digest for every county; returns the number of mails queued (0 when already sent today). */
  @Transactional
  public int sendAll() {
    int queued = 0;
    for (Region county : regions.counties()) {
      queued += send(county.code());
    }
    return queued;
  }

  @Transactional
  public int send(String county) {
    LocalDateTime now = EngineClock.now();
    LocalDate today = now.toLocalDate();
    List<OverdueCount> rows = supervision.overdueByGroupAndStep(county, now);
    long total = rows.stream().mapToLong(OverdueCount::overdue).sum();
    StringBuilder body = new StringBuilder("督导组：\n\n截至 " + DeadlineWatcher.TIME.format(now) + "，"
        + regions.name(county) + "共有逾期待办 " + total + " 件。\n");
    if (total > 0) {
      section(body, "按乡镇", rows, r -> township(r.groupId()));
      section(body, "按村", rows, r -> village(r.groupId()));
      section(body, "按环节", rows, OverdueCount::stepName);
      section(body, "按部门", rows, r -> department(r.groupId()));
    }
    body.append("\n督导页面：").append(mail.baseUrl()).append("/camunda/app/tasklist/（已逾期）\n\n本邮件由帮扶系统自动发送，请勿回复。");
    return outbox.enqueue("digest:" + county + ":" + today, "DIGEST",
        outbox.addressesOfGroup(CandidateGroups.supervisor(county)),
        "【帮扶】" + regions.name(county) + "逾期待办日报（" + today + "）：" + total + " 件", body.toString(), null);
  }

  private static void section(StringBuilder body, String title, List<OverdueCount> rows,
      Function<OverdueCount, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    for (OverdueCount row : rows) {
      String name = key.apply(row);
      if (name != null) {
        counts.merge(name, row.overdue(), Long::sum);
      }
    }
    if (!counts.isEmpty()) {
      body.append("\n").append(title).append("：\n");
      counts.forEach((name, count) -> body.append("  ").append(name).append("  ").append(count).append(" 件\n"));
    }
  }

  private String township(String group) {
    String code = code(group);
    if (group.startsWith(CandidateGroups.VILLAGE) || group.startsWith(CandidateGroups.TOWNSHIP)) {
      return regions.name(code.substring(0, 9));
    }
    return group.startsWith(CandidateGroups.COUNTY) ? "县级" : null;
  }

  private String village(String group) {
    return group.startsWith(CandidateGroups.VILLAGE) ? regions.name(code(group)) : null;
  }

  private static String department(String group) {
    if (!group.startsWith(CandidateGroups.DEPARTMENT)) {
      return null;
    }
    String code = group.substring(CandidateGroups.DEPARTMENT.length(), group.lastIndexOf('-'));
    try {
      return Department.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  private static String code(String group) {
    return group.substring(group.lastIndexOf('-') + 1);
  }
}
