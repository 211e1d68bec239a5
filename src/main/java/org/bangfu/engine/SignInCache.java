package org.bangfu.engine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic clients (our API and the engine REST API) send their password with every request; checking it and
 * reading the user's groups and tenants cost three queries a request. A successful sign-in is therefore kept for
 * {@code bangfu.security.sign-in-cache} (the same idea as the webapps' own cache of a session's groups, which Camunda
 * keeps for five minutes), and dropped at once on this node by any change to users, groups, memberships or tenants
 * ({@link ThrottledIdentityProvider}): a new password, a removed membership or a deleted user takes effect with the
 * next request here, and on the other nodes of a cluster within the setting.
 *
 * <p>Only successes are kept, under the user id and an HMAC of the password with a key made at start-up (the
 * password itself is never kept); a wrong password is checked, throttled and counted as before. The entries are
 * bounded ({@link #MAX_ENTRIES}; when full, all are forgotten and the next requests sign in again).
 */
@Component
public class SignInCache {

  static final int MAX_ENTRIES = 10_000;

  /** A signed-in user as the engine's authorization checks take them. */
  public record Known(String userId, List<String> groups, List<String> tenants) {
  }

  private record Entry(Known known, long generation, long expiresNanos) {
  }

  private final long timeToLiveNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong generation = new AtomicLong();
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final SignInThrottle throttle;

  @Autowired
  public SignInCache(@Value("${bangfu.security.sign-in-cache}") Duration timeToLive, SignInThrottle throttle) {
    this(timeToLive, System::nanoTime, throttle);
  }

  SignInCache(Duration timeToLive, LongSupplier nanoTime, SignInThrottle throttle) {
    if (timeToLive.isNegative()) {
      throw new IllegalArgumentException("bangfu.security.sign-in-cache must not be negative: " + timeToLive);
    }
    this.timeToLiveNanos = timeToLive.toNanos();
    this.nanoTime = nanoTime;
    this.throttle = throttle;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /**
   * The sign-in of an HTTP Basic client, the same at every door ({@code /api}, {@code /engine-rest}): a kept one (a
   * success forgets the client's earlier failures, as a checked one does), or the password checked now — throttled
   * and counted by {@link ThrottledIdentityProvider} — and the user's groups and tenants read and kept. Null for a
   * wrong password or an unknown user. The door refuses a client that must wait before it gets here
   * ({@link SignInThrottle#waitNow}).
   */
  public Known signIn(IdentityService identity, String userId, String password) {
    long before = generation();
    Known known = find(userId, password);
    if (known != null) {
      String client = SignInThrottle.currentClient();
      if (client != null) {
        throttle.succeeded(client, userId);
      }
      return known;
    }
    if (!identity.checkPassword(userId, password)) {
      return null;
    }
    known = lookUp(identity, userId);
    remember(password, known, before);
    return known;
  }

  /**
   * The generation to pass to {@link #remember}: read it before checking the password, so that a change made while
   * the check runs is not hidden by what the check read.
   */
  public long generation() {
    return generation.get();
  }

  /** The user signed in with this password within the setting and unchanged since, or null. */
  public Known find(String userId, String password) {
    if (timeToLiveNanos == 0 || userId == null || password == null) {
      return null;
    }
    Entry entry = entries.get(keyOf(userId, password));
    if (entry == null || entry.generation() != generation.get() || nanoTime.getAsLong() - entry.expiresNanos() > 0) {
      return null;
    }
    return entry.known();
  }

  /** Keeps a successful sign-in (checked while the cache was at {@code generationBefore}). */
  public void remember(String password, Known known, long generationBefore) {
    if (timeToLiveNanos == 0 || generationBefore != generation.get()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(keyOf(known.userId(), password),
        new Entry(known, generationBefore, nanoTime.getAsLong() + timeToLiveNanos));
  }

  /** The user's groups and tenants as Camunda's REST sign-in reads them (tenants through the user's groups too). */
  public static Known lookUp(IdentityService identity, String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    return new Known(userId, groups, tenants);
  }

  /** Users, groups, memberships or tenants changed: every kept sign-in is checked again. */
  public void identityChanged() {
    generation.incrementAndGet();
    entries.clear();
  }

  private String keyOf(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return userId + ':' + HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
