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
 * from the counts the inbox keeps, and the two days the windows cut — today (overdue before now, due soon after) and
 * the last day of "due soon" — from those days' rows. Exact, and independent of how many tasks are open but for
 * those two days' rows.
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
    Map<List<String>, TaskCount> rows = new LinkedHashMap<>();
    for (TaskCount row : mapper.openByGroupAndStepOnWholeDays(county, today, soonDay)) {
      rows.put(key(row), row);
    }
    for (TaskCount cut : mapper.dueOnCutDays(county, now, soon, today.atStartOfDay(),
        today.plusDays(1).atStartOfDay(), soonDay.atStartOfDay(), soonDay.plusDays(1).atStartOfDay())) {
      // every task of a cut day is counted open in the whole-day rows, so its row is there
      rows.computeIfPresent(key(cut), (key, row) -> new TaskCount(row.groupId(), row.processKey(), row.step(),
          row.stepName(), row.openTasks(), row.dueSoon() + cut.dueSoon(), row.overdue() + cut.overdue()));
    }
    return new ArrayList<>(rows.values());
  }

  private static List<String> key(TaskCount row) {
    return Arrays.asList(row.groupId(), row.processKey(), row.step(), row.stepName());
  }
}
