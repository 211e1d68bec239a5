package org.bangfu.message;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Who a message goes to, read straight from the engine's tables in a few plain statements (the engine's own queries
 * build their SQL per call, which made telling a new task's holders cost about a seventh of a completion): open
 * tasks with their return note, their candidate groups, groups' members, users' mail addresses.
 */
@Mapper
public interface RecipientMapper {

  record TaskRow(String id, String name, String assignee, Date due, String returnNote) {
  }

  record Pair(String k, String v) {
  }

  /** The tasks still open, each with its task-local variable of that name (the return note), if any. */
  List<TaskRow> openTasks(@Param("ids") Collection<String> taskIds, @Param("returnNote") String returnNoteVariable);

  /** task id → candidate group */
  List<Pair> candidateGroups(@Param("ids") Collection<String> taskIds);

  /** group id → user id */
  List<Pair> members(@Param("groups") Collection<String> groupIds);

  /** user id → mail address (null when none); users that do not exist are not answered */
  List<Pair> users(@Param("users") Collection<String> userIds);
}
