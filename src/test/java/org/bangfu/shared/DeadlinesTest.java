package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Overdue and due soon count on the engine's clock, which tests and the demo move. */
class DeadlinesTest {

  @AfterEach
  void realTime() {
    EngineClock.reset();
  }

  @Test
  void overdueAndDueSoonFollowTheEngineClock() {
    Instant moved = Instant.parse("2027-03-01T02:00:00Z");
    EngineClock.set(moved);
    LocalDateTime now = LocalDateTime.ofInstant(moved, ZoneId.systemDefault());

    assertThat(Deadlines.overdueBefore()).isEqualTo(now);
    assertThat(Deadlines.dueSoonBefore(now)).isEqualTo(now.plusDays(2));
  }
}
