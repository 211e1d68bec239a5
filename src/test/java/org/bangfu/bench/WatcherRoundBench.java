package org.bangfu.bench;

import static org.bangfu.testing.AppNode.intQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test: {@code ./mvnw -B verify -Pbench -Dit.test=WatcherRoundBench}; never in CI): the deadline
 * watcher's round at -Dbangfu.bench.overdue tasks overdue (100,000), on the application as a separate JVM with a
 * 512 MB heap on MariaDB: the time from its first mail queued to its last, the node's heap at its peak (sampled),
 * the mails queued. The overdue tasks are written straight into the engine's task tables (tasks without a process,
 * each offered to one of the demo's village groups, due over the last ten days, so some are escalated), before the
 * node that watches starts; its first round begins a minute after its start.
 */
class WatcherRoundBench {

  private static final int OVERDUE = Integer.getInteger("bangfu.bench.overdue", 100_000);
  private static final String[] VILLAGES = java.util.Arrays.stream(DemoCounty.VILLAGES).map(v -> v[0])
      .toArray(String[]::new);

  static {
    BenchLogging.quiet();
  }

  @Test
  void aRoundOverAHundredThousandOverdueTasks() throws Exception {
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      server.createDatabase("watch");
      Path work = Files.createTempDirectory("bangfu-bench-watch-");
      // the schema and the demo's people first, on a node that does not watch
      AppNode.start(server.url("watch"), work, 0).close();
      try (Connection db = BenchEngine.seeding(server, "watch")) {
        seed(db);
      }
      try (AppNode node = AppNode.startWithHeap(server.url("watch"), work, 1, "512m",
          "--bangfu.supervision.watch=true", "--bangfu.supervision.interval=PT24H");
          Connection db = DriverManager.getConnection(server.url("watch"), "root", "")) {
        AtomicLong peakHeapKb = new AtomicLong();
        AtomicLong peakRssKb = new AtomicLong();
        Thread sampler = new Thread(() -> ProvinceQuarterBench.sample(node.pid(), peakHeapKb, peakRssKb));
        sampler.setDaemon(true);
        sampler.start();
        long first = 0;
        long last = 0;
        int mails = 0;
        long until = System.currentTimeMillis() + 3_600_000;
        while (System.currentTimeMillis() < until) {
          int now = intQuery(db, "SELECT COUNT(*) FROM bf_outbox");
          long at = System.currentTimeMillis();
          if (now > mails) {
            first = first == 0 ? at : first;
            last = at;
            mails = now;
          } else if (first > 0 && at - last > 20_000) {
            break; // nothing more for 20 s: the round is over
          }
          Thread.sleep(500);
        }
        sampler.interrupt();
        System.out.printf("%nWATCHER ROUND over %,d overdue tasks: %,d mails queued (reminders %,d, escalations %,d) "
            + "in %.0f s from the first to the last; pages of 500, each its own transaction%n", OVERDUE, mails,
            intQuery(db, "SELECT COUNT(*) FROM bf_outbox WHERE kind = 'REMINDER'"),
            intQuery(db, "SELECT COUNT(*) FROM bf_outbox WHERE kind = 'ESCALATION'"), (last - first) / 1e3);
        System.out.printf("peak heap used (sampled each second) %,d MB of 512 MB; peak resident memory %,d MB%n",
            peakHeapKb.get() / 1024, peakRssKb.get() / 1024);
      }
    }
  }

  /** Overdue tasks without a process, each with one village group as candidate, due over the last ten days. */
  private static void seed(Connection db) throws Exception {
    db.setAutoCommit(false);
    LocalDateTime now = LocalDateTime.now();
    try (PreparedStatement task = db.prepareStatement("INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, "
        + "CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_) VALUES (?, 1, '核对', 50, ?, ?, ?, 1, "
        + "'Created')");
        PreparedStatement link = db.prepareStatement("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, "
            + "TASK_ID_) VALUES (?, 1, ?, 'candidate', ?)")) {
      for (int i = 0; i < OVERDUE; i++) {
        String id = "bench-overdue-" + i;
        Timestamp created = Timestamp.valueOf(now.minusDays(20));
        task.setString(1, id);
        task.setTimestamp(2, created);
        task.setTimestamp(3, created);
        task.setTimestamp(4, Timestamp.valueOf(now.minusMinutes(60 + (long) i * 10 * 24 * 60 / OVERDUE)));
        task.addBatch();
        link.setString(1, id + "-link");
        link.setString(2, "village-" + VILLAGES[i % VILLAGES.length]);
        link.setString(3, id);
        link.addBatch();
        if (i % 2_000 == 1_999) {
          task.executeBatch();
          link.executeBatch();
          db.commit();
        }
      }
      task.executeBatch();
      link.executeBatch();
      db.commit();
    }
  }
}
