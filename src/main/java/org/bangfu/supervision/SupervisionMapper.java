package org.bangfu.supervision;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Read-only queries over the engine's runtime tables for supervision: counts grouped in the database, so a county's
 * figures cost one query however many tasks are open.
 */
@Mapper
public interface SupervisionMapper {

  /** One row per candidate group and step: the open tasks overdue at {@code now} routed to this county. */
  List<OverdueCount> overdueByGroupAndStep(@Param("county") String countyCode, @Param("now") LocalDateTime now);

  record OverdueCount(String groupId, String step, String stepName, long overdue) {
  }
}
