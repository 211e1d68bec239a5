package org.bangfu.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What every page and count of a standard filter read again before: the user's groups (the candidate-user query's)
 * and, per filter, which standard filter it is and that the signed-in user may read it. Each was one of the engine's
 * large dynamic statements per request (a third of a page's CPU). They are kept for {@code bangfu.inbox.kept-reads}
 * and all dropped at once on this node by any command that changes memberships, groups, filters or authorizations on
 * filters or groups — when the command notes it and again when it commits ({@link InboxSession}); a read that began
 * before such a change is not kept. Other nodes of a cluster see a change within the setting, as they do for kept
 * sign-ins. Only permissions granted are kept: a refusal is checked again on every request.
 */
final class KeptReads {

  static final int MAX_ENTRIES = 10_000;

  /** Which standard filter a stored filter is (null: none, the engine answers it). */
  record KnownFilter(InboxFilter kind, String resourceType) {
  }

  private record Entry<T>(T value, long generation, long expiresNanos) {
  }

  private final long timeToLiveNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong generation = new AtomicLong();
  private final Map<String, Entry<List<String>>> groups = new ConcurrentHashMap<>();
  private final Map<String, Entry<KnownFilter>> filters = new ConcurrentHashMap<>();
  private final Map<String, Entry<Boolean>> readable = new ConcurrentHashMap<>();

  KeptReads(Duration timeToLive) {
    this(timeToLive, System::nanoTime);
  }

  KeptReads(Duration timeToLive, LongSupplier nanoTime) {
    if (timeToLive == null || timeToLive.isNegative()) {
      throw new IllegalArgumentException("bangfu.inbox.kept-reads must be set and not negative: " + timeToLive);
    }
    this.timeToLiveNanos = timeToLive.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The user's groups as the identity service has them, read by {@code read} when not kept. */
  List<String> groupsOf(String userId, Supplier<List<String>> read) {
    return kept(groups, userId, read);
  }

  /** The filter as the inbox knows it, read (with the engine's permission check) by {@code read} when not kept. */
  KnownFilter filter(String filterId, Supplier<KnownFilter> read) {
    return kept(filters, filterId, read);
  }

  /** True when this user with these groups was found allowed to read the filter within the setting, unchanged since. */
  boolean mayRead(String userId, List<String> groupIds, String filterId) {
    Entry<Boolean> entry = readable.get(readKey(userId, groupIds, filterId));
    return entry != null && valid(entry);
  }

  /** Notes that the engine allowed the read; kept unless access changed since {@code generationBefore}. */
  void allowed(String userId, List<String> groupIds, String filterId, long generationBefore) {
    keep(readable, readKey(userId, groupIds, filterId), Boolean.TRUE, generationBefore);
  }

  /** The generation to pass to {@link #allowed}: read it before the check. */
  long generation() {
    return generation.get();
  }

  /** Memberships, groups, filters or authorizations changed: nothing kept counts any more. */
  void accessChanged() {
    generation.incrementAndGet();
    groups.clear();
    filters.clear();
    readable.clear();
  }

  private <T> T kept(Map<String, Entry<T>> entries, String key, Supplier<T> read) {
    Entry<T> entry = timeToLiveNanos == 0 ? null : entries.get(key);
    if (entry != null && valid(entry)) {
      return entry.value();
    }
    long before = generation.get();
    T value = read.get();
    keep(entries, key, value, before);
    return value;
  }

  private <T> void keep(Map<String, Entry<T>> entries, String key, T value, long generationBefore) {
    if (timeToLiveNanos == 0 || generationBefore != generation.get()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(key, new Entry<>(value, generationBefore, nanoTime.getAsLong() + timeToLiveNanos));
  }

  private boolean valid(Entry<?> entry) {
    return entry.generation() == generation.get() && nanoTime.getAsLong() - entry.expiresNanos() < 0;
  }

  private static String readKey(String userId, List<String> groupIds, String filterId) {
    List<String> sorted = groupIds == null ? List.of() : groupIds.stream().sorted().toList();
    return filterId + '\u0000' + userId + '\u0000' + String.join("\u0000", sorted);
  }
}
