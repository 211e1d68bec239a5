package org.bangfu.screening;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Department imports, [config]: where uploaded files are kept until processed, rows per transaction (the
 * checkpoint moves once a batch), how long a node holds an import before another may take it over after a crash,
 * and whether this node processes imports at all.
 */
@ConfigurationProperties(prefix = "bangfu.imports")
public record ImportProperties(Path dir, int batchSize, Duration lease, boolean run) {

  public ImportProperties {
    if (batchSize <= 0) {
      batchSize = 500;
    }
    if (lease == null || lease.isZero() || lease.isNegative()) {
      lease = Duration.ofMinutes(1);
    }
  }
}
