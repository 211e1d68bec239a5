package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a kept sign-in is found by, and everything that drops it. */
class SignInCacheTest {

  private final AtomicLong now = new AtomicLong();
  private final SignInCache cache = new SignInCache(Duration.ofSeconds(60), now::get, new SignInThrottle());
  private final SignInCache.Known cadre = new SignInCache.Known("cadre", List.of("village-629901100201"), List.of());

  @Test
  void foundOnlyWithTheSamePasswordAndUser() {
    cache.remember("Secret-1!", cadre, cache.generation());
    assertThat(cache.find("cadre", "Secret-1!")).isEqualTo(cadre);
    assertThat(cache.find("cadre", "Secret-1")).isNull();
    assertThat(cache.find("cadre", "secret-1!")).isNull();
    assertThat(cache.find("other", "Secret-1!")).isNull();
    assertThat(cache.find("cadre", null)).isNull();
  }

  @Test
  void forgottenAfterItsTime() {
    cache.remember("Secret-1!", cadre, cache.generation());
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(cache.find("cadre", "Secret-1!")).isEqualTo(cadre);
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(cache.find("cadre", "Secret-1!")).isNull();
  }

  @Test
  void anIdentityChangeDropsEverySignInAndOneMadeDuringTheChangeIsNotKept() {
    cache.remember("Secret-1!", cadre, cache.generation());
    long before = cache.generation();
    cache.identityChanged();
    assertThat(cache.find("cadre", "Secret-1!")).isNull();
    // a check that started before the change may have read the old groups: not kept
    cache.remember("Secret-1!", cadre, before);
    assertThat(cache.find("cadre", "Secret-1!")).isNull();
    cache.remember("Secret-1!", cadre, cache.generation());
    assertThat(cache.find("cadre", "Secret-1!")).isEqualTo(cadre);
  }

  @Test
  void zeroKeepsNothingAndANegativeTimeIsRefused() {
    SignInCache off = new SignInCache(Duration.ZERO, now::get, new SignInThrottle());
    off.remember("Secret-1!", cadre, off.generation());
    assertThat(off.find("cadre", "Secret-1!")).isNull();
    assertThatThrownBy(() -> new SignInCache(Duration.ofSeconds(-1), now::get, new SignInThrottle()))
        .hasMessageContaining("bangfu.security.sign-in-cache");
  }

  @Test
  void boundedInSize() {
    for (int i = 0; i <= SignInCache.MAX_ENTRIES; i++) {
      cache.remember("Secret-1!", new SignInCache.Known("user" + i, List.of(), List.of()), cache.generation());
    }
    // full once: all forgotten, the newest kept
    assertThat(cache.find("user0", "Secret-1!")).isNull();
    assertThat(cache.find("user" + SignInCache.MAX_ENTRIES, "Secret-1!")).isNotNull();
  }
}
