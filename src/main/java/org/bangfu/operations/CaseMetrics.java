package org.bangfu.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.shared.Deadlines;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges of our own: cases by status, overdue tasks, the mail outbox by status and department imports
 * (by status; rows still to process of the running ones), read with one indexed count each at scrape time.
 */
@Component
public class CaseMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;

  public CaseMetrics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (CaseStatus status : CaseStatus.values()) {
      Gauge.builder("bangfu.cases", this, m -> m.count(status))
          .description("cases by status (" + status.label() + ")")
          .tag("status", status.name())
          .register(registry);
    }
    Gauge.builder("bangfu.tasks.overdue", this, CaseMetrics::overdueTasks)
        .description("open user tasks past their due date")
        .register(registry);
    for (String status : new String[] {"PENDING", "SENT", "FAILED"}) {
      Gauge.builder("bangfu.mail.outbox", this, m -> m.mails(status))
          .description("mails in the outbox by status (PENDING is the backlog)")
          .tag("status", status)
          .register(registry);
    }
    for (String status : new String[] {"RUNNING", "DONE", "FAILED"}) {
      Gauge.builder("bangfu.imports", this, m -> m.imports(status))
          .description("department imports by status")
          .tag("status", status)
          .register(registry);
    }
    Gauge.builder("bangfu.import.rows.remaining", this, CaseMetrics::rowsRemaining)
        .description("rows of running department imports not yet processed (the import backlog)")
        .register(registry);
    Gauge.builder("bangfu.import.rows.done", this, CaseMetrics::rowsDone)
        .description("rows of running department imports processed so far")
        .register(registry);
  }

  private double imports(String status) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM bf_import WHERE status = ?", Integer.class, status);
    return count == null ? 0 : count;
  }

  private double rowsRemaining() {
    Long rows = jdbc.queryForObject("SELECT COALESCE(SUM(total_rows - rows_done), 0) FROM bf_import "
        + "WHERE status = 'RUNNING'", Long.class);
    return rows == null ? 0 : rows;
  }

  private double rowsDone() {
    Long rows = jdbc.queryForObject("SELECT COALESCE(SUM(rows_done), 0) FROM bf_import WHERE status = 'RUNNING'",
        Long.class);
    return rows == null ? 0 : rows;
  }

  private double overdueTasks() {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE DUE_DATE_ < ?", Integer.class,
        java.sql.Timestamp.valueOf(Deadlines.overdueBefore()));
    return count == null ? 0 : count;
  }

  private double mails(String status) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM bf_outbox WHERE status = ?", Integer.class,
        status);
    return count == null ? 0 : count;
  }

  private double count(CaseStatus status) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM bf_case WHERE status = ?", Integer.class,
        status.name());
    return count == null ? 0 : count;
  }
}
