package org.bangfu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox's counts on the real database, when transactions meet on a count row new to the table: one inserts it,
 * two more wait for it and then add to it. Both must go through (the new row's count is 3), not one of them be
 * chosen as a deadlock's victim — the user would have been told to try again.
 */
class InboxTallyRaceIT extends MariaDbIntegrationTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;

  /** Each first updates the row, waits for the inserting transaction, and finds it. */
  @Test
  void twoTransactionsWaitingForANewCountRowBothAddToIt() throws Exception {
    race((connection, key) -> InboxTable.addToCounts(connection, Map.of(key, 1L)));
  }

  /**
   * All three found no row and insert it: the two that find the first one's row add to it. An insert refused as a
   * duplicate, then an update, had both hold the row shared and each wait for the other (one refused as a deadlock's
   * victim).
   */
  @Test
  void threeTransactionsInsertingTheSameNewCountRowAllCount() throws Exception {
    race((connection, key) -> InboxTable.insertOrAdd(connection, key, 1L));
  }

  interface Change {
    void apply(Connection connection, InboxTable.TallyKey key) throws Exception;
  }

  /** One transaction changes a new key and holds it; two more change it meanwhile; then all commit. */
  private void race(Change change) throws Exception {
    InboxTable.TallyKey key = new InboxTable.TallyKey("A:race_" + System.nanoTime(), LocalDate.of(2026, 12, 6),
        false, "riskIdentification", "claimRace", "竞争", 0);
    ExecutorService waiting = Executors.newFixedThreadPool(2);
    try (Connection first = transaction()) {
      change.apply(first, key);
      List<Future<?>> others = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        others.add(waiting.submit(() -> {
          try (Connection other = transaction()) {
            change.apply(other, key);
            other.commit();
          }
          return null;
        }));
      }
      // both wait for the first transaction's new row (their statements have run for a second or more)
      long until = System.currentTimeMillis() + 30_000;
      while (waiting(key) < 2 && System.currentTimeMillis() < until) {
        for (Future<?> other : others) {
          if (other.isDone()) {
            other.get(); // what it was refused with
          }
        }
        Thread.sleep(20);
      }
      assertThat(waiting(key)).as("transactions waiting for the new row").isEqualTo(2);
      first.commit();
      for (Future<?> other : others) {
        other.get(60, TimeUnit.SECONDS); // throws what the transaction was refused with
      }
      assertThat(jdbc.queryForObject("SELECT tasks FROM bf_inbox_tally WHERE party = ?", Long.class, key.party()))
          .isEqualTo(3L);
    } finally {
      waiting.shutdownNow();
      // a count row without inbox rows would fail the recounts of the inbox's other tests
      jdbc.update("DELETE FROM bf_inbox_tally WHERE party = ?", key.party());
    }
  }

  private Connection transaction() throws Exception {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    return connection;
  }

  private int waiting(InboxTable.TallyKey key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query'"
        + " AND TIME >= 1 AND INFO LIKE ?", Integer.class, "%'" + key.party() + "'%");
  }
}
