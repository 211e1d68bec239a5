package org.bangfu.supervision;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Read-only queries for supervision over the inbox table (org.bangfu.inbox) and the engine's runtime tables: counts
 * grouped in the database, so a county's
 * figures cost one query however many tasks are open.
 */
@Mapper
public interface SupervisionMapper {

  /** One row per candidate group and step: open, due soon (before {@code soon}) and overdue tasks of the county. */
  List<TaskCount> openByGroupAndStep(@Param("county") String countyCode, @Param("now") LocalDateTime now,
      @Param("soon") LocalDateTime soon);

  record TaskCount(String groupId, String processKey, String step, String stepName, long openTasks, long dueSoon,
      long overdue) {
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
