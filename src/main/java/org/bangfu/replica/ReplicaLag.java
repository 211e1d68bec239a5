package org.bangfu.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * How far the replica is behind the primary. Every node writes the primary's time (UTC) into a heartbeat row
 * (bf_replica_heartbeat) every heartbeat interval; the replica holds everything the primary committed up to the
 * heartbeat it has, so "now on the replica minus its heartbeat" is an upper bound of how old its data is (at least
 * the interval, more while replication lags or stops). Both servers' clocks count: they must be synchronised (NTP),
 * as replication requires anyway.
 *
 * <p>The replica is usable while that bound is at most the configured maximum; unreachable, without a heartbeat, or
 * further behind, it is not, and {@link ReadSide} reads the primary until a later round finds it usable again.
 *
 * <p>The rounds run on a thread of their own, from the application's start (after the migrations) to its stop: on
 * the scheduler's one thread they would wait behind a long deadline-watcher round or an import, and the replica would
 * look behind when it is not.
 */
public class ReplicaLag implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaLag.class);

  static final String BEAT = "UPDATE bf_replica_heartbeat SET beat_at = UTC_TIMESTAMP(6) WHERE id = 1";
  static final String READ = "SELECT beat_at, UTC_TIMESTAMP(6) FROM bf_replica_heartbeat WHERE id = 1";

  /** The replica's state after the last round: usable (reason null) or not, and how far behind at most. */
  record State(String unusableBecause, Duration behind, LocalDateTime beatUtc) {
  }

  /** A read on the replica found it further behind than allowed. */
  static final class TooFarBehind extends RuntimeException {
    TooFarBehind(String reason) {
      super(reason, null, false, false);
    }
  }

  private final DataSource primary;
  private final DataSource replica;
  private final Duration maxLag;
  private final Duration interval;
  private volatile State state = new State("尚未检查只读副本", null, null);
  private ScheduledExecutorService rounds;

  ReplicaLag(DataSource primary, DataSource replica, Duration maxLag, Duration interval) {
    this.primary = primary;
    this.replica = replica;
    this.maxLag = maxLag;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    rounds = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "replica-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    rounds.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (rounds != null) {
      rounds.shutdownNow();
      rounds = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return rounds != null;
  }

  /** One round: the heartbeat to the primary, then the replica's lag read. */
  void round() {
    try {
      beat();
      probe();
    } catch (RuntimeException e) {
      // a round must not end the rounds
      LOG.warn("Replica heartbeat round failed: {}", e.toString());
    }
  }

  private void beat() {
    try (Connection connection = primary.getConnection();
        PreparedStatement beat = connection.prepareStatement(BEAT)) {
      connection.setAutoCommit(true);
      beat.executeUpdate();
    } catch (SQLException e) {
      // the primary down: the application's own requests fail anyway; the replica's lag is still worth knowing
      LOG.warn("Could not write the replica heartbeat to the primary: {}", e.getMessage());
    }
  }

  /** Reads the replica's heartbeat on a connection of its own and keeps the state; logs each change of it. */
  void probe() {
    State next;
    String error = null;
    try (Connection connection = replica.getConnection()) {
      next = judge(read(connection));
    } catch (SQLException | RuntimeException e) {
      next = new State("无法连接只读副本", null, null);
      error = e.getMessage();
    }
    if (!java.util.Objects.equals(state.unusableBecause(), next.unusableBecause())) {
      if (next.unusableBecause() == null) {
        LOG.info("The read replica is used for heavy reads ({} s behind at most)", seconds(next.behind()));
      } else {
        LOG.warn("The read replica is not used, heavy reads go to the primary: {}{}", next.unusableBecause(),
            error == null ? "" : " (" + error + ")");
      }
    }
    state = next;
  }

  /** The replica's copy of the heartbeat (null: none replicated yet) and its own time, both UTC. */
  record Reading(LocalDateTime beatUtc, LocalDateTime nowUtc) {
  }

  /** Reads the heartbeat and the server's time on the given connection. */
  static Reading read(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(READ); ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return new Reading(null, null);
      }
      Timestamp beat = row.getTimestamp(1);
      return new Reading(beat == null ? null : beat.toLocalDateTime(), row.getTimestamp(2).toLocalDateTime());
    }
  }

  /** Usable, or why not, from a reading of the replica. */
  State judge(Reading reading) {
    if (reading.beatUtc() == null) {
      return new State("只读副本尚未收到主库的心跳", null, null);
    }
    Duration behind = Duration.between(reading.beatUtc(), reading.nowUtc());
    if (behind.isNegative()) {
      behind = Duration.ZERO;
    }
    if (behind.compareTo(maxLag) > 0) {
      return new State("只读副本落后主库超过" + seconds(maxLag) + "秒", behind, reading.beatUtc());
    }
    return new State(null, behind, reading.beatUtc());
  }

  State state() {
    return state;
  }

  /** After a read on the replica failed or found it too far behind: not used until the next round says so. */
  void markUnusable(String reason) {
    state = new State(reason, state.behind(), state.beatUtc());
  }

  /** Seconds behind at most, for the metric (-1: not reachable or no heartbeat). */
  double secondsBehind() {
    Duration behind = state.behind();
    return behind == null ? -1 : behind.toMillis() / 1000.0;
  }

  static long seconds(Duration duration) {
    return (duration.toMillis() + 999) / 1000;
  }
}
