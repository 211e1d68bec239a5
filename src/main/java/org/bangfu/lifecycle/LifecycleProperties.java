package org.bangfu.lifecycle;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lifecycle's cycles, [config] in docs/domain.md: how often the village cadre visits a monitored household, how
 * often a tracked (no-labour, safety-net) household is checked, and how long the exit is publicly noticed. The models
 * read them as {@code ${lifecycle.visitCycle()}} and so on.
 */
@ConfigurationProperties(prefix = "bangfu.lifecycle")
public record LifecycleProperties(Duration visitCycle, Period trackingCycle, Duration exitNoticeDuration) {

  public LifecycleProperties {
    if (visitCycle == null) {
      visitCycle = Duration.ofDays(30);
    }
    if (trackingCycle == null) {
      trackingCycle = Period.ofYears(1);
    }
    if (exitNoticeDuration == null) {
      exitNoticeDuration = Duration.ofDays(5);
    }
    if (exitNoticeDuration.toDays() < 5) {
      throw new IllegalArgumentException("bangfu.lifecycle.exit-notice-duration: 风险消除公示不少于5天");
    }
  }

  /** ISO-8601, as a timer's duration. */
  public String visitCycleIso() {
    return iso(visitCycle);
  }

  public String trackingCycleIso() {
    return trackingCycle.toString();
  }

  public String exitNoticeIso() {
    return iso(exitNoticeDuration);
  }

  /** P30D rather than Java's PT720H, as a process owner writes it. */
  static String iso(Duration duration) {
    return duration.toSeconds() % 86400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }
}
