package org.bangfu.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.bangfu.shared.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Gives every user task a follow-up date (Tasklist's "跟进日期") one working day before its due date, never before the
 * task was created: the day its holder should have it in hand. Added to every user task by
 * {@link DecisionAuditParseListener}; a model's own follow-up date wins.
 */
public class FollowUpDateListener implements TaskListener {

  private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() == null || task.getFollowUpDate() != null) {
      return;
    }
    task.setFollowUpDate(followUp(task.getDueDate(), ClockUtil.getCurrentTime()));
  }

  static Date followUp(Date due, Date now) {
    ZoneId zone = ZoneId.systemDefault();
    LocalDateTime dueAt = LocalDateTime.ofInstant(due.toInstant(), zone);
    LocalDate day = dueAt.toLocalDate().minusDays(1);
    while (!CALENDAR.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    Date followUp = Date.from(day.atTime(dueAt.toLocalTime()).atZone(zone).toInstant());
    return followUp.before(now) ? now : followUp;
  }
}
