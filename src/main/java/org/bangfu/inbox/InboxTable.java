package org.bangfu.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.bangfu.region.CandidateGroups;

/**
 * The SQL of the inbox table {@code bf_inbox} and its counts {@code bf_inbox_tally}, on the engine's own connection
 * (the engine's transaction): keeping the rows and counts of changed tasks, rebuilding them from the engine's
 * tables, and reading a filter's page of task ids and its count.
 */
final class InboxTable {

  static final String GROUP = "G:";
  static final String CANDIDATE_USER = "U:";
  static final String ASSIGNEE = "A:";
  private static final int CHUNK = 500;
  /** The name column's length: the county index must stay within MySQL's 3,072 bytes. */
  private static final int NAME_LENGTH = 160;
  private static final String COLUMNS = "task_id, party, county_code, create_time, due_date, follow_up_date, "
      + "priority, name, assignee, task_def_key, proc_def_key, suspended, candidate_parties, tally_slot";
  /**
   * Rows of one key of the counts are spread over this many slots, by task id: concurrent changes of one step's
   * tasks seldom wait for the same row. Each inbox row names the slot it is counted in, so its leaving takes back
   * what its arrival added, and a count row whose tasks are all gone is 0 and is deleted.
   */
  private static final int SLOTS = 4;
  /** The counts' day of a task without a due date. */
  static final LocalDate NO_DUE_DAY = LocalDate.of(9999, 12, 31);
  private static final String TALLY_KEY = "party = ? AND due_day = ? AND suspended = ? AND proc_def_key = ? "
      + "AND task_def_key = ? AND name = ? AND slot = ?";
  /** The counts of the open tasks as the inbox rows hold them (as the migration V14 made them first). */
  private static final String RETALLY = "INSERT INTO bf_inbox_tally (party, due_day, suspended, proc_def_key, "
      + "task_def_key, name, slot, county_code, tasks) SELECT party, COALESCE(CAST(due_date AS DATE), DATE '9999-12-31'), "
      + "suspended, COALESCE(proc_def_key, ''), COALESCE(task_def_key, ''), COALESCE(name, ''), tally_slot, "
      + "MAX(county_code), "
      + "COUNT(*) FROM bf_inbox GROUP BY party, COALESCE(CAST(due_date AS DATE), DATE '9999-12-31'), suspended, "
      + "COALESCE(proc_def_key, ''), COALESCE(task_def_key, ''), COALESCE(name, ''), tally_slot";

  private InboxTable() {
  }

  /** An open task as the inbox keeps it. */
  record TaskRow(String id, String name, Date createTime, Date dueDate, Date followUpDate, int priority,
      String assignee, String taskDefinitionKey, String processDefinitionKey, boolean suspended) {
  }

  /**
   * What a filter reads: the rows of these parties (not empty), due after / before (null: no bound), and only the
   * tasks of active process instances or all.
   */
  record Query(Collection<String> parties, Date dueAfter, Date dueBefore, boolean activeOnly) {
  }

  /** One ordering of a filter: a column of the table and its direction. */
  record Sort(String column, boolean ascending) {
  }

  /**
   * A row of the counts without its number. Ordered as the table's primary key orders its rows (texts by code point,
   * as the binary collation of db/vendor/mysql/V14_1 compares them): a transaction changes its rows in this order, so
   * two never wait for each other's rows or gaps the other way round — also not when both insert keys new to the
   * table (a duplicate's check locks the gap before it).
   */
  record TallyKey(String party, LocalDate dueDay, boolean suspended, String processKey, String step, String name,
      int slot) implements Comparable<TallyKey> {

    private static final Comparator<String> CODE_POINTS = (a, b) -> {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        int x = a.codePointAt(i);
        int y = b.codePointAt(j);
        if (x != y) {
          return Integer.compare(x, y);
        }
        i += Character.charCount(x);
        j += Character.charCount(y);
      }
      return Integer.compare(a.length() - i, b.length() - j);
    };
    private static final Comparator<TallyKey> ORDER = Comparator.comparing(TallyKey::party, CODE_POINTS)
        .thenComparing(TallyKey::dueDay).thenComparing(TallyKey::suspended)
        .thenComparing(TallyKey::processKey, CODE_POINTS).thenComparing(TallyKey::step, CODE_POINTS)
        .thenComparing(TallyKey::name, CODE_POINTS).thenComparingInt(TallyKey::slot);

    static TallyKey of(String party, Date dueDate, boolean suspended, String processKey, String step, String name,
        int slot) {
      return new TallyKey(party, dueDate == null ? NO_DUE_DAY : dayOf(dueDate), suspended,
          processKey == null ? "" : processKey, step == null ? "" : step, name == null ? "" : name, slot);
    }

    @Override
    public int compareTo(TallyKey other) {
      return ORDER.compare(this, other);
    }

    int bind(PreparedStatement statement, int from) throws SQLException {
      statement.setString(from, party);
      statement.setObject(from + 1, dueDay);
      statement.setBoolean(from + 2, suspended);
      statement.setString(from + 3, processKey);
      statement.setString(from + 4, step);
      statement.setString(from + 5, name);
      statement.setInt(from + 6, slot);
      return from + 7;
    }
  }

  /**
   * Replaces the rows of the given tasks: removed ones lose theirs, changed ones (and those to be re-read from the
   * engine's table) get one per candidate group, candidate user and assignee as the engine's tables hold them now (its
   * statements of this command are flushed). Tasks the command created have no rows to read or delete: they are
   * left out of the locking read, whose locks on the index around ids that are not there made concurrent bulk
   * starts (a thousand new tasks a transaction) deadlock.
   */
  static void write(Connection connection, String enginePrefix, Collection<TaskRow> changed,
      Collection<String> created, Collection<String> reread, Collection<String> removed, boolean changedInBulk)
      throws SQLException {
    Set<String> ids = new LinkedHashSet<>(removed);
    changed.forEach(task -> ids.add(task.id()));
    ids.addAll(reread);
    ids.removeAll(created);
    Map<TallyKey, Long> tally = new TreeMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(ids))) {
      try (PreparedStatement select = connection.prepareStatement("SELECT party, due_date, suspended, proc_def_key, "
          + "task_def_key, name, tally_slot FROM bf_inbox WHERE task_id IN (" + marks(chunk.size()) + ") FOR UPDATE")) {
        bind(select, 1, chunk);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            tally.merge(TallyKey.of(rows.getString(1), rows.getTimestamp(2), rows.getBoolean(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getInt(7)), -1L, Long::sum);
          }
        }
      }
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM bf_inbox WHERE task_id IN (" + marks(chunk.size()) + ")")) {
        bind(delete, 1, chunk);
        delete.executeUpdate();
      }
    }
    List<TaskRow> open = new ArrayList<>(changed.stream().filter(task -> !removed.contains(task.id())).toList());
    for (List<String> chunk : chunks(new ArrayList<>(reread))) {
      open.addAll(tasks(connection, enginePrefix, " WHERE t.ID_ IN (" + marks(chunk.size()) + ")", chunk));
    }
    for (List<TaskRow> chunk : chunks(open)) {
      insert(connection, chunk, candidates(connection, enginePrefix, chunk.stream().map(TaskRow::id).toList()), tally);
    }
    if (!changedInBulk) {
      addToCounts(connection, tally);
    } else {
      // process instances suspended or activated, or migrated: the engine changed their tasks in bulk, with no
      // task event; rare (an administrator in Cockpit), so every row is brought up to date
      String task = "FROM " + enginePrefix + "ACT_RU_TASK t WHERE t.ID_ = bf_inbox.task_id";
      try (Statement update = connection.createStatement()) {
        update.executeUpdate("UPDATE bf_inbox SET suspended = CASE WHEN EXISTS (SELECT 1 " + task
            + " AND t.SUSPENSION_STATE_ = 2) THEN TRUE ELSE FALSE END, "
            + "task_def_key = (SELECT t.TASK_DEF_KEY_ " + task + "), "
            + "name = (SELECT SUBSTRING(t.NAME_, 1, " + NAME_LENGTH + ") " + task + "), "
            + "proc_def_key = (SELECT d.KEY_ FROM " + enginePrefix + "ACT_RU_TASK t JOIN " + enginePrefix
            + "ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ WHERE t.ID_ = bf_inbox.task_id)");
      }
      retally(connection);
    }
  }

  /**
   * Adds the changes to the counts, key by key in their order; then deletes the rows they brought to 0 (all their
   * tasks gone). A key new to the table is inserted, or added to when another transaction inserted it first.
   */
  static void addToCounts(Connection connection, Map<TallyKey, Long> tally) throws SQLException {
    List<TallyKey> lowered = new ArrayList<>();
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE bf_inbox_tally SET tasks = tasks + ? WHERE " + TALLY_KEY)) {
      for (Map.Entry<TallyKey, Long> change : tally.entrySet()) {
        long delta = change.getValue();
        if (delta == 0) {
          continue;
        }
        update.setLong(1, delta);
        change.getKey().bind(update, 2);
        if (update.executeUpdate() == 0) {
          insertOrAdd(connection, change.getKey(), delta);
        }
        if (delta < 0) {
          lowered.add(change.getKey());
        }
      }
    }
    if (!lowered.isEmpty()) {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM bf_inbox_tally WHERE tasks = 0 AND ("
          + String.join(" OR ", Collections.nCopies(lowered.size(), "(" + TALLY_KEY + ")")) + ")")) {
        int next = 1;
        for (TallyKey key : lowered) {
          next = key.bind(delete, next);
        }
        delete.executeUpdate();
      }
    }
  }

  /**
   * Inserts a row of the counts, or adds to it when another transaction has inserted its key meanwhile, in one
   * statement: a transaction that finds the other's new row takes it exclusively at once. An insert refused as a
   * duplicate and then an update took it shared first, and two such transactions each waited for the other's shared
   * lock: one was refused as a deadlock's victim (InboxTallyRaceIT).
   */
  static void insertOrAdd(Connection connection, TallyKey key, long tasks) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bf_inbox_tally (party, due_day, "
        + "suspended, proc_def_key, task_def_key, name, slot, county_code, tasks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE tasks = tasks + ?")) {
      int next = key.bind(insert, 1);
      insert.setString(next, countyOf(key.party()));
      insert.setLong(next + 1, tasks);
      insert.setLong(next + 2, tasks);
      insert.executeUpdate();
    }
  }

  /** Counts the open tasks again from the inbox rows (after a change in bulk, or a rebuild). */
  private static void retally(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM bf_inbox_tally");
      statement.executeUpdate(RETALLY);
    }
  }

  /** Rebuilds the whole table from the engine's open tasks; returns the number of tasks. */
  static int rebuild(Connection connection, String enginePrefix) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM bf_inbox");
    }
    List<TaskRow> tasks = tasks(connection, enginePrefix, "", List.of());
    for (List<TaskRow> chunk : chunks(tasks)) {
      insert(connection, chunk, candidates(connection, enginePrefix, chunk.stream().map(TaskRow::id).toList()),
          new HashMap<>());
    }
    retally(connection);
    return tasks.size();
  }

  /** The engine's open tasks matching the condition. */
  private static List<TaskRow> tasks(Connection connection, String enginePrefix, String where, List<String> values)
      throws SQLException {
    List<TaskRow> tasks = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT t.ID_, t.NAME_, t.CREATE_TIME_, "
        + "t.DUE_DATE_, t.FOLLOW_UP_DATE_, t.PRIORITY_, t.ASSIGNEE_, t.TASK_DEF_KEY_, d.KEY_, t.SUSPENSION_STATE_ FROM "
        + enginePrefix + "ACT_RU_TASK t LEFT JOIN " + enginePrefix + "ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_"
        + where)) {
      bind(select, 1, values);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tasks.add(new TaskRow(rows.getString(1), rows.getString(2), rows.getTimestamp(3), rows.getTimestamp(4),
              rows.getTimestamp(5), rows.getInt(6), rows.getString(7), rows.getString(8), rows.getString(9),
              rows.getInt(10) == 2));
        }
      }
    }
    return tasks;
  }

  /** The candidate parties of the tasks ('G:group', 'U:user'), from the engine's identity links. */
  private static Map<String, Set<String>> candidates(Connection connection, String enginePrefix, List<String> taskIds)
      throws SQLException {
    Map<String, Set<String>> parties = new HashMap<>();
    if (taskIds.isEmpty()) {
      return parties;
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT TASK_ID_, GROUP_ID_, USER_ID_ FROM "
        + enginePrefix + "ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' AND TASK_ID_ IN (" + marks(taskIds.size())
        + ")")) {
      bind(select, 1, taskIds);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String party = rows.getString(2) != null ? GROUP + rows.getString(2)
              : rows.getString(3) != null ? CANDIDATE_USER + rows.getString(3) : null;
          if (party != null) {
            parties.computeIfAbsent(rows.getString(1), id -> new LinkedHashSet<>()).add(party);
          }
        }
      }
    }
    return parties;
  }

  /** Inserts the tasks' rows, adding each to the counts' changes. */
  private static void insert(Connection connection, List<TaskRow> tasks, Map<String, Set<String>> candidates,
      Map<TallyKey, Long> tally) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO bf_inbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int rows = 0;
      for (TaskRow task : tasks) {
        Set<String> candidateParties = candidates.getOrDefault(task.id(), Set.of());
        Set<String> parties = new LinkedHashSet<>(candidateParties);
        if (task.assignee() != null) {
          parties.add(ASSIGNEE + task.assignee());
        }
        String name = task.name() == null || task.name().length() <= NAME_LENGTH ? task.name()
            : task.name().substring(0, NAME_LENGTH);
        int slot = Math.floorMod(task.id().hashCode(), SLOTS);
        for (String party : parties) {
          insert.setString(1, task.id());
          insert.setString(2, party);
          insert.setString(3, countyOf(party));
          insert.setTimestamp(4, timestamp(task.createTime()));
          insert.setTimestamp(5, timestamp(task.dueDate()));
          insert.setTimestamp(6, timestamp(task.followUpDate()));
          insert.setInt(7, task.priority());
          insert.setString(8, name);
          insert.setString(9, task.assignee());
          insert.setString(10, task.taskDefinitionKey());
          insert.setString(11, task.processDefinitionKey());
          insert.setBoolean(12, task.suspended());
          insert.setInt(13, candidateParties.size());
          insert.setInt(14, slot);
          insert.addBatch();
          tally.merge(TallyKey.of(party, task.dueDate(), task.suspended(), task.processDefinitionKey(),
              task.taskDefinitionKey(), name, slot), 1L, Long::sum);
          rows++;
        }
      }
      if (rows > 0) {
        insert.executeBatch();
      }
    }
  }

  /**
   * A page of task ids of the query's rows, in the given order; the task id breaks ties, in the direction of the last
   * ordering (the engine leaves ties in no particular order). Each party's rows are read up to the page's end on
   * their own — an index of (party, sort column, task id) hands them over in order — and only those are merged: a
   * task among the first n of all the parties' rows is among the first n of each of its parties, since a party holds
   * a task once. So a page costs (parties x its end) rows read, not every row of the parties.
   */
  static List<String> page(Connection connection, Query query, List<Sort> sorts, int first, int max)
      throws SQLException {
    Set<String> columns = new LinkedHashSet<>(); // once each: a derived table's columns need distinct names
    StringJoiner order = new StringJoiner(", ");
    for (Sort sort : sorts) {
      columns.add(sort.column());
      order.add(sort.column() + (sort.ascending() ? " ASC" : " DESC"));
    }
    boolean tieAscending = sorts.isEmpty() || sorts.get(sorts.size() - 1).ascending();
    columns.add("task_id");
    order.add("task_id " + (tieAscending ? "ASC" : "DESC"));
    String selected = String.join(", ", columns);
    String perParty = "SELECT " + selected + " FROM bf_inbox WHERE party = ?" + filters(query) + " ORDER BY " + order
        + " LIMIT ?";
    String sql = "SELECT DISTINCT " + selected + " FROM ("
        + String.join(" UNION ALL ", Collections.nCopies(query.parties().size(), "(" + perParty + ")"))
        + ") p ORDER BY " + order + " LIMIT ? OFFSET ?";
    int end = (int) Math.min(Integer.MAX_VALUE, (long) first + max);
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int next = 1;
      for (String party : query.parties()) {
        select.setString(next++, party);
        next = bindFilters(select, next, query);
        select.setInt(next++, end);
      }
      select.setInt(next, max);
      select.setInt(next + 1, first);
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString("task_id"));
        }
      }
      return ids;
    }
  }

  /**
   * How many tasks the query's rows hold, each once. Read from the counts: the parties' whole due days within the
   * query's window, plus the rows of the (at most two) days it cuts, counted from the inbox rows; less, over several
   * parties, the tasks met more than once (only tasks of several candidate parties can be). So a count reads the
   * parties' count rows (steps x days x slots) and a day's rows at most, not every row of the parties.
   */
  static long count(Connection connection, Query query) throws SQLException {
    Date after = query.dueAfter();
    Date before = query.dueBefore();
    if (after != null && before != null && !after.before(before)) {
      return 0;
    }
    boolean assigneeAmongOthers = query.parties().size() > 1
        && query.parties().stream().anyMatch(party -> party.startsWith(ASSIGNEE));
    if (assigneeAmongOthers) {
      // an assignee's rows may repeat a candidate's without the task having several candidates: counted as rows
      return countDistinct(connection, query);
    }
    String parties = "party IN (" + marks(query.parties().size()) + ")" + (query.activeOnly() ? " AND suspended = FALSE" : "");
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT (SELECT COALESCE(SUM(tasks), 0) FROM bf_inbox_tally WHERE ")
        .append(parties);
    values.addAll(query.parties());
    if (after != null) {
      sql.append(" AND due_day > ?");
      values.add(dayOf(after));
    }
    if (before != null) {
      sql.append(" AND due_day < ?");
      values.add(dayOf(before));
    } else if (after != null) {
      sql.append(" AND due_day < ?");
      values.add(NO_DUE_DAY);
    }
    sql.append(")");
    if (after != null || before != null) {
      sql.append(" + (SELECT COUNT(*) FROM bf_inbox WHERE ").append(parties).append(" AND ");
      values.addAll(query.parties());
      if (after != null && before != null && dayOf(after).equals(dayOf(before))) {
        sql.append("due_date > ? AND due_date < ?");
        values.addAll(List.of(timestamp(after), timestamp(before)));
      } else {
        List<String> cut = new ArrayList<>();
        if (after != null) {
          cut.add("due_date > ? AND due_date < ?");
          values.addAll(List.of(timestamp(after), dayStart(dayOf(after).plusDays(1))));
        }
        if (before != null) {
          cut.add("due_date >= ? AND due_date < ?");
          values.addAll(List.of(dayStart(dayOf(before)), timestamp(before)));
        }
        sql.append("(").append(String.join(" OR ", cut.stream().map(range -> "(" + range + ")").toList())).append(")");
      }
      sql.append(")");
    }
    if (query.parties().size() > 1) {
      sql.append(" - (SELECT COUNT(*) - COUNT(DISTINCT task_id) FROM bf_inbox WHERE ").append(parties)
          .append(" AND candidate_parties > 1").append(window(query)).append(")");
      values.addAll(query.parties());
      addWindow(values, query);
    }
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        select.setObject(i + 1, values.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The count read from the rows: COUNT(DISTINCT) over every row of the parties. */
  static long countDistinct(Connection connection, Query query) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT COUNT(DISTINCT task_id) FROM bf_inbox WHERE " + where(query))) {
      bindWhere(select, query);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The day of a moment on the server's clock, as the driver writes a timestamp's day. */
  static LocalDate dayOf(Date moment) {
    return new Timestamp(moment.getTime()).toLocalDateTime().toLocalDate();
  }

  private static Timestamp dayStart(LocalDate day) {
    return Timestamp.valueOf(day.atStartOfDay());
  }

  private static String countyOf(String party) {
    return party.startsWith(GROUP) ? CandidateGroups.countyOf(party.substring(GROUP.length())) : null;
  }

  private static String where(Query query) {
    return "party IN (" + marks(query.parties().size()) + ")" + filters(query);
  }

  /** The query's conditions besides the parties. */
  private static String filters(Query query) {
    return window(query) + (query.activeOnly() ? " AND suspended = FALSE" : "");
  }

  private static String window(Query query) {
    return (query.dueAfter() != null ? " AND due_date > ?" : "") + (query.dueBefore() != null ? " AND due_date < ?" : "");
  }

  private static void addWindow(List<Object> values, Query query) {
    if (query.dueAfter() != null) {
      values.add(timestamp(query.dueAfter()));
    }
    if (query.dueBefore() != null) {
      values.add(timestamp(query.dueBefore()));
    }
  }

  private static int bindWhere(PreparedStatement statement, Query query) throws SQLException {
    return bindFilters(statement, bind(statement, 1, query.parties()), query);
  }

  private static int bindFilters(PreparedStatement statement, int from, Query query) throws SQLException {
    int next = from;
    if (query.dueAfter() != null) {
      statement.setTimestamp(next++, timestamp(query.dueAfter()));
    }
    if (query.dueBefore() != null) {
      statement.setTimestamp(next++, timestamp(query.dueBefore()));
    }
    return next;
  }

  private static int bind(PreparedStatement statement, int from, Collection<String> values) throws SQLException {
    int index = from;
    for (String value : values) {
      statement.setString(index++, value);
    }
    return index;
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static <T> List<List<T>> chunks(List<T> items) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += CHUNK) {
      chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
    }
    return chunks;
  }
}
