package org.bangfu.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox worker: who mails come from, the link base in mails, how often the worker looks, how many mails per
 * round, how often a failed mail is retried (exponential backoff from {@code firstRetry} up to {@code maxRetry}) and
 * after how many attempts it is given up (FAILED, visible in the metrics).
 */
@ConfigurationProperties(prefix = "bangfu.mail")
public record MailProperties(String from, String baseUrl, boolean dispatch, Duration interval, int batchSize,
    Duration firstRetry, Duration maxRetry, int maxAttempts, Duration sendTimeout) {

  public MailProperties {
    from = from == null ? "bangfu@localhost" : from;
    baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl;
    interval = interval == null ? Duration.ofSeconds(15) : interval;
    batchSize = batchSize <= 0 ? 50 : batchSize;
    firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
    maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
    maxAttempts = maxAttempts <= 0 ? 50 : maxAttempts;
    sendTimeout = sendTimeout == null ? Duration.ofMinutes(5) : sendTimeout;
  }

  /** The wait before attempt {@code attempts + 1}: 30 s, 1 min, 2 min … at most an hour. */
  public Duration backoff(int attempts) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }
}
