package org.bangfu.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.supervision.SupervisionMapper.TaskCount;

/**
 * A county's open, due-soon and overdue tasks by candidate group and step, as the dashboard shows them: the whole days
 * and today's total from the counts the inbox keeps, and the parts of the two days the windows cut — today before
 * now (overdue; the rest of today is due soon) and the last day of "due soon" before its end — from those rows. Exact,
 * and independent of how many tasks are open but for about a day's rows.
 */
public final class OpenTaskCounts {

  private OpenTaskCounts() {
  }

  /** Tasks due before {@code now} are overdue; those due from {@code now} to before {@code soon} are due soon. */
  public static List<TaskCount> byGroupAndStep(SupervisionMapper mapper, String county, LocalDateTime now,
      LocalDateTime soon) {
    LocalDate today = now.toLocalDate();
    LocalDate soonDay = soon.toLocalDate();
    if (!soonDay.isAfter(today)) {
      throw new IllegalArgumentException("due soon must end on a later day than today: " + now + " / " + soon);
    }
    Map<List<String>, SupervisionMapper.DayCounts> days = new LinkedHashMap<>();
    for (SupervisionMapper.DayCounts row : mapper.openByGroupAndStepOnWholeDays(county, today, soonDay)) {
      days.put(key(row.groupId(), row.processKey(), row.step(), row.stepName()), row);
    }
    Map<List<String>, TaskCount> cut = new LinkedHashMap<>();
    for (TaskCount row : mapper.dueOnCutDays(county, now, soon, today.atStartOfDay(), soonDay.atStartOfDay())) {
      cut.put(key(row.groupId(), row.processKey(), row.step(), row.stepName()), row);
    }
    List<TaskCount> rows = new ArrayList<>();
    days.forEach((key, day) -> {
      // today's tasks are overdue before now and due soon from now; the last day's are due soon before its end
      TaskCount part = cut.getOrDefault(key, new TaskCount(null, null, null, null, 0, 0, 0));
      rows.add(new TaskCount(day.groupId(), day.processKey(), day.step(), day.stepName(), day.openTasks(),
          day.dueSoon() + day.dueToday() - part.overdue() + part.dueSoon(), day.overdue() + part.overdue()));
    });
    return rows;
  }

  private static List<String> key(String groupId, String processKey, String step, String stepName) {
    return Arrays.asList(groupId, processKey, step, stepName);
  }
}
