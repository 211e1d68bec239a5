package org.bangfu.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Read-only queries for supervision over the inbox's rows and counts (org.bangfu.inbox) and the engine's runtime
 * tables: counts grouped in the database, so a county's figures cost two queries however many tasks are open.
 */
@Mapper
public interface SupervisionMapper {

  /**
   * One row per candidate group and step of the county: its open tasks, those due soon or overdue on whole days (due
   * after {@code today} and before {@code soonDay}, or before {@code today}), and those due today. See
   * {@link OpenTaskCounts}.
   */
  List<DayCounts> openByGroupAndStepOnWholeDays(@Param("county") String countyCode, @Param("today") LocalDate today,
      @Param("soonDay") LocalDate soonDay);

  record DayCounts(String groupId, String processKey, String step, String stepName, long openTasks, long dueSoon,
      long overdue, long dueToday) {
  }

  /**
   * By group and step: the tasks due today before {@code now} (overdue), and those due on the last day of "due soon"
   * before {@code soon} (due soon).
   */
  List<TaskCount> dueOnCutDays(@Param("county") String countyCode, @Param("now") LocalDateTime now,
      @Param("soon") LocalDateTime soon, @Param("todayStart") LocalDateTime todayStart,
      @Param("soonDayStart") LocalDateTime soonDayStart);

  record TaskCount(String groupId, String processKey, String step, String stepName, long openTasks, long dueSoon,
      long overdue) {
  }

  /** Overdue tasks (due before {@code now}) after the given one in (due date, id) order; the first page: nulls. */
  List<TaskKey> overdueTaskKeys(@Param("now") LocalDateTime now, @Param("afterDue") LocalDateTime afterDue,
      @Param("afterId") String afterId, @Param("limit") int limit);

  record TaskKey(String id, LocalDateTime due) {
  }

  /** The overdue tasks of the county, oldest due first, for the export (at most {@code limit}). */
  List<OverdueTask> overdueTasks(@Param("county") String countyCode, @Param("now") LocalDateTime now,
      @Param("limit") int limit);

  record OverdueTask(String taskId, String caseNumber, String groupId, String stepName, String assignee,
      LocalDateTime due) {
  }

  List<StatusCount> casesByStatus(@Param("county") String countyCode);

  /** When the county's cases of the last weeks were opened and closed (grouped by week in Java: portable SQL). */
  List<CaseDates> caseDatesSince(@Param("county") String countyCode, @Param("since") java.time.LocalDateTime since);

  record CaseDates(java.time.LocalDateTime openedAt, java.time.LocalDateTime closedAt) {
  }

  record StatusCount(String status, long cases) {
  }
}
