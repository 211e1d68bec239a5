package org.bangfu.operations;

import java.sql.Timestamp;
import java.time.Duration;
import org.bangfu.shared.EngineClock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Mail in the health endpoint ("mailOutbox"): mail goes out through an outbox that retries while SMTP is down, so an
 * SMTP outage does not make the application DOWN (Spring's SMTP check is switched off); the operator sees the
 * backlog instead — mails waiting, the oldest one's age, and those given up — and alerts on
 * {@code bangfu_mail_outbox{status="PENDING"}}.
 */
@Component
public class MailOutboxHealthIndicator implements HealthIndicator {

  private final JdbcTemplate jdbc;

  public MailOutboxHealthIndicator(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Health health() {
    Object[] backlog = jdbc.queryForObject("SELECT COUNT(*), MIN(created_at) FROM bf_outbox "
        + "WHERE status = 'PENDING'", (rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)});
    Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM bf_outbox WHERE status = 'FAILED'",
        Integer.class);
    long pending = (Long) backlog[0];
    long minutes = backlog[1] instanceof Timestamp t
        ? Math.max(0, Duration.between(t.toLocalDateTime(), EngineClock.now()).toMinutes()) : 0;
    return Health.up().withDetail("pending", pending).withDetail("oldestPendingMinutes", minutes)
        .withDetail("failed", failed == null ? 0 : failed).build();
  }
}
