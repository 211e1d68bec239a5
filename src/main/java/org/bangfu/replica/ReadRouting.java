package org.bangfu.replica;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The data source of read-only transactions when a replica is configured: the replica inside {@link ReadSide}'s reads
 * that chose it, the primary everywhere else. A read-only transaction started anywhere else (none is today) therefore
 * reads the primary and sees its own writes; only a read that asked for the replica, and accepted its lag, gets it.
 */
final class ReadRouting extends AbstractDataSource {

  enum Route { PRIMARY, REPLICA }

  private static final ThreadLocal<Route> ROUTE = new ThreadLocal<>();

  private final DataSource primary;
  private final DataSource replica;

  ReadRouting(DataSource primary, DataSource replica) {
    this.primary = primary;
    this.replica = replica;
  }

  /** Runs the work with read-only transactions routed as given. */
  static <T> T routed(Route route, java.util.function.Supplier<T> work) {
    Route before = ROUTE.get();
    ROUTE.set(route);
    try {
      return work.get();
    } finally {
      if (before == null) {
        ROUTE.remove();
      } else {
        ROUTE.set(before);
      }
    }
  }

  private DataSource target() {
    return ROUTE.get() == Route.REPLICA ? replica : primary;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target().getConnection(username, password);
  }
}
