package org.bangfu.process;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
}
