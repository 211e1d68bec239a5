package org.bangfu.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the engine logs as the error of a command while a test runs (its command context's logger, where a failed
 * command's exception is written: ERROR with a stack trace, or debug for a user's bad request). A user's refusal must
 * not appear there — an operator reading the log would take it for a fault.
 */
public final class EngineErrorLog implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private EngineErrorLog() {
    appender.start();
    logger.addAppender(appender);
  }

  /** Listens from now until {@link #close()}. */
  public static EngineErrorLog listen() {
    return new EngineErrorLog();
  }

  /** The messages logged at ERROR so far. */
  public List<String> errors() {
    return appender.list.stream().filter(e -> e.getLevel() == Level.ERROR)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
