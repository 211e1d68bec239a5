package org.bangfu.replica;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Heavy reads that may be served by the read replica: the supervision dashboard and its exports, the what-if
 * measurement, the screening lists. Without a replica the work runs as it always did, on the one database. With one,
 * it runs in a read-only transaction on the replica while the replica is usable, and on the primary otherwise; the
 * work is told which ({@link Source}), so that a page can say how old its figures are. A read that fails on the
 * replica for want of a connection, or finds it further behind than allowed, is run again on the primary: the user
 * gets the primary's answer, never an error of the replica.
 */
@Component
public class ReadSide {

  /**
   * Where a read's data came from: {@code server} "primary" or "replica"; for a replica, its data's time (UTC) and how
   * old it is at most; {@code note} what the page shows (null with no replica configured).
   */
  public record Source(String server, LocalDateTime asOfUtc, Long secondsBehindAtMost, String note) {

    static final Source ONE_DATABASE = new Source("primary", null, null, null);

    static Source replica(ReplicaLag.State state) {
      long seconds = ReplicaLag.seconds(state.behind());
      LocalDateTime county = state.beatUtc().atOffset(ZoneOffset.UTC)
          .atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
      return new Source("replica", state.beatUtc(), seconds, "数据来自只读副本，截至 "
          + county.toLocalTime().withNano(0) + "（不超过 " + seconds + " 秒前）");
    }

    static Source primaryBecause(String reason) {
      return new Source("primary", null, null, reason + "，本页数据直接取自主库");
    }

    /** Whether the data came from the replica. */
    public boolean fromReplica() {
      return "replica".equals(server);
    }
  }

  private final ReplicaLag lag;
  private final TransactionTemplate readOnly;
  private final javax.sql.DataSource dataSource;

  public ReadSide(ObjectProvider<ReplicaLag> lag, PlatformTransactionManager transactions,
      javax.sql.DataSource dataSource) {
    this.lag = lag.getIfAvailable();
    this.dataSource = dataSource;
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    // its own transaction: joined to a caller's, it would read the caller's (primary) connection
    readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Runs a heavy read where it belongs (see the class comment). */
  public <T> T read(Function<Source, T> work) {
    if (lag == null) {
      return work.apply(Source.ONE_DATABASE);
    }
    String unusable = lag.state().unusableBecause();
    if (unusable == null) {
      try {
        return ReadRouting.routed(ReadRouting.Route.REPLICA, () -> readOnly.execute(status -> {
          ReplicaLag.State state;
          try {
            state = lag.judge(ReplicaLag.read(DataSourceUtils.getConnection(dataSource)));
          } catch (SQLException e) {
            throw new ReplicaUnreachable(e);
          }
          if (state.unusableBecause() != null) {
            throw new ReplicaLag.TooFarBehind(state.unusableBecause());
          }
          return work.apply(Source.replica(state));
        }));
      } catch (ReplicaLag.TooFarBehind e) {
        unusable = e.getMessage();
        lag.markUnusable(unusable);
      } catch (RuntimeException e) {
        if (!connectionFailure(e)) {
          throw e;
        }
        unusable = "无法连接只读副本";
        lag.markUnusable(unusable);
      }
    }
    Source source = Source.primaryBecause(unusable);
    return ReadRouting.routed(ReadRouting.Route.PRIMARY, () -> readOnly.execute(status -> work.apply(source)));
  }

  /** Whether a failure was the replica's connection (not the work's own error, which the primary would repeat). */
  static boolean connectionFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ReplicaUnreachable || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
          || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
        return true;
      }
    }
    return false;
  }

  private static final class ReplicaUnreachable extends RuntimeException {
    ReplicaUnreachable(SQLException cause) {
      super(cause);
    }
  }
}
