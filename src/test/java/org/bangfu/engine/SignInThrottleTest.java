package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: growth, the cap, forgetting, the bound. */
class SignInThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final SignInThrottle throttle = new SignInThrottle(now::get);

  @Test
  void eachFailureInARowDoublesTheWaitUpToAMinute() {
    assertThat(throttle.waitFor("10.0.0.9", "approver_county")).isZero();
    long[] expected = {1, 2, 4, 8, 16, 32, 60, 60, 60};
    for (long seconds : expected) {
      throttle.failed("10.0.0.9", "approver_county");
      assertThat(throttle.waitFor("10.0.0.9", "approver_county")).isEqualTo(Duration.ofSeconds(seconds));
      later(Duration.ofSeconds(seconds));
      assertThat(throttle.waitFor("10.0.0.9", "approver_county")).isZero();
    }
    // only that client, only that account; the account's name in other letters is the same account
    assertThat(throttle.waitFor("10.0.0.8", "approver_county")).isZero();
    assertThat(throttle.waitFor("10.0.0.9", "cadre_xihe")).isZero();
    throttle.failed("10.0.0.9", "Approver_County");
    assertThat(throttle.waitFor("10.0.0.9", "approver_county")).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aSuccessOrAQuarterOfAnHourWithoutFailureForgets() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0.9", "approver_county");
    }
    later(Duration.ofMinutes(15).plusSeconds(1));
    throttle.failed("10.0.0.9", "approver_county");
    assertThat(throttle.waitFor("10.0.0.9", "approver_county")).isEqualTo(Duration.ofSeconds(1));
    throttle.succeeded("10.0.0.9", "approver_county");
    assertThat(throttle.waitFor("10.0.0.9", "approver_county")).isZero();
    assertThat(throttle.size()).isZero();
  }

  @Test
  void theMemoryIsBounded() {
    for (int i = 0; i < SignInThrottle.MAX_PAIRS + 100; i++) {
      throttle.failed("10.0.0.9", "nobody-" + i);
    }
    assertThat(throttle.size()).isEqualTo(SignInThrottle.MAX_PAIRS);
    // quiet pairs go as new failures come
    later(Duration.ofMinutes(16));
    throttle.failed("10.0.0.9", "approver_county");
    assertThat(throttle.size()).isEqualTo(1);
  }

  private void later(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
