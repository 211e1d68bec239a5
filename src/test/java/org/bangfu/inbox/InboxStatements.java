package org.bangfu.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The inbox table's own statements for Tasklist's first page — newest first, active tasks — and its count, as
 * {@link InboxFilterService} sends them, for a benchmark that times them on their own (InboxBench's breakdown).
 */
public final class InboxStatements {

  private InboxStatements() {
  }

  /** The first {@code max} task ids of the parties' rows ("G:group", "U:user", "A:user"), newest first. */
  public static List<String> newestIds(Connection connection, Collection<String> parties, int max)
      throws SQLException {
    return InboxTable.page(connection, activeOf(parties), List.of(new InboxTable.Sort("create_time", false)), 0, max);
  }

  /** The count as the inbox answers it: from the counts kept per party. */
  public static long count(Connection connection, Collection<String> parties) throws SQLException {
    return InboxTable.count(connection, activeOf(parties));
  }

  /** The count read from the rows, COUNT(DISTINCT) over the parties' rows (how it was read before the kept counts). */
  public static long countFromRows(Connection connection, Collection<String> parties) throws SQLException {
    return InboxTable.countDistinct(connection, activeOf(parties));
  }

  private static InboxTable.Query activeOf(Collection<String> parties) {
    return new InboxTable.Query(parties, null, null, true);
  }
}
