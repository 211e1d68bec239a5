package org.bangfu.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ReplicaLagTest {

  private final ReplicaLag lag = new ReplicaLag(null, null, Duration.ofSeconds(60), Duration.ofSeconds(5));
  private final LocalDateTime now = LocalDateTime.of(2026, 12, 5, 6, 0, 0);

  @Test
  void aReplicaWithinTheMaximumIsUsedAndSaysHowOldItsDataIsAtMost() {
    ReplicaLag.State state = lag.judge(new ReplicaLag.Reading(now.minusSeconds(59).minusNanos(1_000_000), now));
    assertThat(state.unusableBecause()).isNull();
    assertThat(ReplicaLag.seconds(state.behind())).as("rounded up, never down").isEqualTo(60);
    ReadSide.Source source = ReadSide.Source.replica(state);
    assertThat(source.fromReplica()).isTrue();
    assertThat(source.note()).startsWith("数据来自只读副本，截至 ").endsWith("（不超过 60 秒前）");
  }

  @Test
  void aReplicaFurtherBehindOrWithoutHeartbeatIsNotUsed() {
    assertThat(lag.judge(new ReplicaLag.Reading(now.minusSeconds(61), now)).unusableBecause())
        .isEqualTo("只读副本落后主库超过60秒");
    assertThat(lag.judge(new ReplicaLag.Reading(null, now)).unusableBecause()).isEqualTo("只读副本尚未收到主库的心跳");
    // clocks a little apart: not "behind by a negative time"
    assertThat(lag.judge(new ReplicaLag.Reading(now.plusSeconds(1), now)).behind()).isZero();
  }

  @Test
  void onlyAFailedConnectionSendsAReadToThePrimary() {
    assertThat(ReadSide.connectionFailure(new CannotGetJdbcConnectionException("pool timed out"))).isTrue();
    assertThat(ReadSide.connectionFailure(new RuntimeException("wrapped",
        new SQLNonTransientConnectionException("connection closed")))).isTrue();
    // the work's own error would fail on the primary too: it is the user's answer, not a reason to read twice
    assertThat(ReadSide.connectionFailure(new DataIntegrityViolationException("bad"))).isFalse();
    assertThat(ReadSide.connectionFailure(new IllegalStateException("bug"))).isFalse();
  }
}
