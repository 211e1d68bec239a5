package org.bangfu.shared;

import java.time.LocalDateTime;

/**
 * When a task is overdue (已逾期) and when it is due soon (即将到期): one definition for the supervisors' dashboard and
 * its export, the deadline reminders, the Tasklist filters and the metrics, on the engine's clock.
 */
public final class Deadlines {

  /** "Due soon": due within this many days from now (the Tasklist filter 即将到期 and the dashboard). */
  public static final int DUE_SOON_DAYS = 2;

  private Deadlines() {
  }

  /** A task whose due date lies before this moment is overdue. */
  public static LocalDateTime overdueBefore() {
    return EngineClock.now();
  }

  /** A task that is not overdue and is due before this moment is due soon. */
  public static LocalDateTime dueSoonBefore(LocalDateTime now) {
    return now.plusDays(DUE_SOON_DAYS);
  }
}
