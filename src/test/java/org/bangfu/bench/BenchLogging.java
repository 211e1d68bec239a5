package org.bangfu.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Outside Spring Boot, Logback would log everything at DEBUG: the benchmarks keep to warnings. */
final class BenchLogging {

  private BenchLogging() {
  }

  static void quiet() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
  }
}
