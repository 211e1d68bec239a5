package org.bangfu.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins slow down whoever fails, not the account: the wait is kept per client (its address) and account,
 * so a stranger guessing the county approver's password delays only their own next guesses, and the approver signs in
 * from their own computer as usual. After each failure of a pair its next try is accepted only after 1 s, 2 s, 4 s …
 * at most {@link #LONGEST_WAIT}; tries during the wait are refused without being checked or counted; a success, or
 * {@link #FORGET_AFTER} without a failure, forgets the pair. Nothing is ever locked for good: the engine's own lockout
 * (a count on the user's row, locked for everyone after ten failures from anyone) is not used
 * ({@link ThrottledIdentityProvider}).
 *
 * <p>The pairs are kept in memory, at most {@link #MAX_PAIRS}, the least recently touched dropped first: a few lines
 * of {@link LinkedHashMap} instead of a cache library (Caffeine is not on the classpath; Spring only manages its
 * version). Each node keeps its own: behind a load balancer a client gets at most one try per node per wait. Behind a
 * reverse proxy the client's address is the proxy's unless the proxy's forwarded address is trusted
 * (docs/operations.md).
 */
@Component
public class SignInThrottle {

  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  static final int MAX_PAIRS = 50_000;

  private record Pair(String client, String account) {
  }

  private static final class Failures {
    int count;
    long lastNanos;
  }

  private final LongSupplier nanoTime;
  /** Access order: a pair in use stays, the oldest goes when the map is full. */
  private final LinkedHashMap<Pair, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Pair, Failures> eldest) {
      return size() > MAX_PAIRS;
    }
  };

  public SignInThrottle() {
    // the wall clock's monotonic time: the engine's clock, which tests and the demo move, must not lift a wait
    this(System::nanoTime);
  }

  SignInThrottle(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** How long this client still waits before its next try for this account; zero when it may try now. */
  public synchronized Duration waitFor(String client, String account) {
    Failures f = current(new Pair(client, normal(account)));
    if (f == null) {
      return Duration.ZERO;
    }
    long left = f.lastNanos + delay(f.count).toNanos() - nanoTime.getAsLong();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  /** How long the client of the request this thread serves still waits for this account (zero outside a request). */
  public Duration waitNow(String account) {
    String client = currentClient();
    return client == null || account == null ? Duration.ZERO : waitFor(client, account);
  }

  /** A wrong password (or an unknown account) from this client. */
  public synchronized void failed(String client, String account) {
    forgetStale();
    Pair pair = new Pair(client, normal(account));
    Failures f = current(pair);
    if (f == null) {
      f = new Failures();
      failures.put(pair, f);
    }
    f.count++;
    f.lastNanos = nanoTime.getAsLong();
  }

  public synchronized void succeeded(String client, String account) {
    failures.remove(new Pair(client, normal(account)));
  }

  synchronized int size() {
    return failures.size();
  }

  /** The wait after the n-th failure in a row: 1 s, 2 s, 4 s … at most a minute. */
  static Duration delay(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - 1, 30);
    long seconds = FIRST_WAIT.getSeconds() << doublings;
    return seconds >= LONGEST_WAIT.getSeconds() ? LONGEST_WAIT : Duration.ofSeconds(seconds);
  }

  /** The client of the request this thread serves (its address), or null outside a request. */
  public static String currentClient() {
    return CLIENT.get();
  }

  private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

  /**
   * Notes the client of each request before any sign-in: Spring Security's (the API, the documentation) comes before
   * Spring's own request context is set up, the engine's and the webapps' after it.
   */
  @Component
  @Order(Ordered.HIGHEST_PRECEDENCE + 2)
  public static class ClientFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CLIENT.set(request.getRemoteAddr());
      try {
        chain.doFilter(request, response);
      } finally {
        CLIENT.remove();
      }
    }
  }

  private Failures current(Pair pair) {
    Failures f = failures.get(pair);
    if (f != null && nanoTime.getAsLong() - f.lastNanos > FORGET_AFTER.toNanos()) {
      failures.remove(pair);
      return null;
    }
    return f;
  }

  /** Drops the pairs that have been quiet long enough, oldest first (the map's order), so it does not fill up. */
  private void forgetStale() {
    long now = nanoTime.getAsLong();
    for (Iterator<Failures> it = failures.values().iterator(); it.hasNext(); ) {
      if (now - it.next().lastNanos <= FORGET_AFTER.toNanos()) {
        break;
      }
      it.remove();
    }
  }

  /**
   * The account as the database finds it: MySQL's and MariaDB's default collation match user ids regardless of case,
   * so "Approver_County" must not be a fresh pair.
   */
  private static String normal(String account) {
    return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
  }
}
