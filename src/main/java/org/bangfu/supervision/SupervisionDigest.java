package org.bangfu.supervision;

import java.time.LocalDate;
import java.util.List;
import org.bangfu.message.Message;
import org.bangfu.message.MessageKind;
import org.bangfu.message.Messages;
import org.bangfu.message.MailProperties;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.Region;
import org.bangfu.region.RegionService;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.WorkingDayCalendar;
import org.bangfu.supervision.SupervisionService.Count;
import org.bangfu.supervision.SupervisionService.Overview;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest to each county's supervisors (on working days): the dashboard's overdue figures by township,
 * village, step and department, in a mail.
 */
@Component
public class SupervisionDigest {

  private final SupervisionService supervision;
  private final RegionService regions;
  private final Messages messages;
  private final WorkingDayCalendar calendar;
  private final SupervisionProperties properties;
  private final MailProperties mail;

  public SupervisionDigest(SupervisionService supervision, RegionService regions, Messages messages,
      WorkingDayCalendar calendar, SupervisionProperties properties, MailProperties mail) {
    this.supervision = supervision;
    this.regions = regions;
    this.messages = messages;
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

  /** Queues today's digest for every county; returns the number of supervisors told (0 when told today). */
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
    Overview overview = supervision.overview(county);
    LocalDate today = overview.asOf().toLocalDate();
    StringBuilder body = new StringBuilder("督导组：\n\n截至 " + DeadlineWatcher.TIME.format(overview.asOf()) + "，"
        + overview.countyName() + "共有在办待办 " + overview.open() + " 件，其中逾期 " + overview.overdue()
        + " 件，2天内到期 " + overview.dueSoon() + " 件。\n");
    section(body, "按乡镇", overview.byTownship());
    section(body, "按村", overview.byVillage());
    section(body, "按环节", overview.byStep());
    section(body, "按部门", overview.byDepartment());
    body.append("\n督导页面：").append(mail.baseUrl()).append("/supervision.html");
    return messages.send(new Message("digest:" + county + ":" + today, MessageKind.DIGEST,
        overview.countyName() + "逾期待办日报（" + today + "）：" + overview.overdue() + " 件", body.toString(), null,
        null), messages.membersOf(CandidateGroups.supervisor(county)));
  }

  private static void section(StringBuilder body, String title, List<Count> counts) {
    List<Count> overdue = counts.stream().filter(c -> c.overdue() > 0).toList();
    if (!overdue.isEmpty()) {
      body.append("\n").append(title).append("逾期：\n");
      overdue.forEach(c -> body.append("  ").append(c.name()).append("  ").append(c.overdue()).append(" 件\n"));
    }
  }
}
