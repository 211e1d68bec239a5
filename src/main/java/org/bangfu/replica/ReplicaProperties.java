package org.bangfu.replica;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A MySQL/MariaDB read replica of the application's database, [config]. Without {@code url} there is none and every
 * read goes to the one database. With it, the heavy reads ({@link ReadSide}) go to the replica while it is at most
 * {@code maxLag} behind the primary, measured by a heartbeat row the nodes write to the primary every
 * {@code heartbeatInterval}; writes and the engine always use the primary.
 */
@ConfigurationProperties(prefix = "bangfu.replica")
public record ReplicaProperties(String url, String username, String password, Duration maxLag,
    Duration heartbeatInterval, Integer poolSize) {

  /** Whether a replica is configured. */
  public boolean configured() {
    return url != null && !url.isBlank();
  }

  /** Stops the start when a replica is configured without the settings it needs (none falls back). */
  void requireComplete() {
    if (username == null || username.isBlank()) {
      throw new IllegalStateException("bangfu.replica.url is set but bangfu.replica.username is not");
    }
    if (maxLag == null || maxLag.isNegative() || maxLag.isZero()) {
      throw new IllegalStateException("bangfu.replica.max-lag must be a positive duration (e.g. PT1M)");
    }
    if (heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalStateException("bangfu.replica.heartbeat-interval must be a positive duration (e.g. PT5S)");
    }
    if (poolSize == null || poolSize < 1) {
      throw new IllegalStateException("bangfu.replica.pool-size must be at least 1");
    }
  }
}
