package org.bangfu.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeptReadsTest {

  private final AtomicLong now = new AtomicLong();
  private final KeptReads kept = new KeptReads(Duration.ofSeconds(60), now::get);
  private final AtomicInteger reads = new AtomicInteger();

  private List<String> read() {
    reads.incrementAndGet();
    return List.of("village-1");
  }

  @Test
  void groupsAreReadOnceWithinTheSettingAndAgainAfterIt() {
    kept.groupsOf("u", this::read);
    kept.groupsOf("u", this::read);
    assertThat(reads).hasValue(1);
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(kept.groupsOf("u", this::read)).containsExactly("village-1");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aChangeOfAccessDropsEverything() {
    kept.groupsOf("u", this::read);
    kept.allowed("u", List.of("b", "a"), "f", kept.generation());
    assertThat(kept.mayRead("u", List.of("a", "b"), "f")).as("groups in any order").isTrue();
    assertThat(kept.mayRead("u", List.of("a"), "f")).as("other groups").isFalse();
    assertThat(kept.mayRead("v", List.of("a", "b"), "f")).as("another user").isFalse();
    kept.accessChanged();
    assertThat(kept.mayRead("u", List.of("a", "b"), "f")).isFalse();
    kept.groupsOf("u", this::read);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aReadThatBeganBeforeAChangeIsNotKept() {
    kept.groupsOf("u", () -> {
      kept.accessChanged(); // committed while the read ran
      return read();
    });
    kept.groupsOf("u", this::read);
    assertThat(reads).hasValue(2);
    long before = kept.generation();
    kept.accessChanged();
    kept.allowed("u", List.of(), "f", before);
    assertThat(kept.mayRead("u", List.of(), "f")).isFalse();
  }

  @Test
  void zeroKeepsNothingAndAMissingSettingStops() {
    KeptReads never = new KeptReads(Duration.ZERO, now::get);
    never.groupsOf("u", this::read);
    never.groupsOf("u", this::read);
    assertThat(reads).hasValue(2);
    never.allowed("u", List.of(), "f", never.generation());
    assertThat(never.mayRead("u", List.of(), "f")).isFalse();
    assertThatThrownBy(() -> new KeptReads(null)).hasMessageContaining("bangfu.inbox.kept-reads");
    assertThatThrownBy(() -> new KeptReads(Duration.ofSeconds(-1))).hasMessageContaining("bangfu.inbox.kept-reads");
  }
}
