package org.bangfu.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Today and now on the engine's clock: the lifecycle's waiting periods (six months of monitoring, income stable for
 * six months, yearly tracking) count on the same clock as the engine's timers, so a test that moves the engine clock
 * moves both.
 */
public final class EngineClock {

  private EngineClock() {
  }

  public static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** Moves the engine's clock (the demo data backdates its cases; tests move time forward). */
  public static void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Back to the real time. */
  public static void reset() {
    ClockUtil.reset();
  }
}
