package org.bangfu.operations;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connector/J settings for MySQL and MariaDB, whichever profile: the driver prepares statements on the client and
 * parsed every statement text again on each use — Camunda's statements with their authorization checks are long (over
 * 16,000 characters), and under 50 users that parsing was a tenth of the server's CPU (LoadIT, profiled). The parsed
 * statements are kept per connection. The engine flushes a command's inserts as JDBC batches, which the driver sent
 * one statement at a time: rewritten, a batch of inserts is one multi-row statement (a case started by a department
 * push went from 129 insert statements to 17; ScreeningBench). The engine's optimistic-locking updates and deletes
 * still get their row counts (batches of those are sent as multi-statements, each counted). And the driver keeps the
 * session's auto-commit, isolation and read-only state itself (as the pool and the engine set them through JDBC; nothing
 * here sets them in SQL) instead of asking the server: by default it sent {@code SELECT @@session.transaction_read_only}
 * before every batch of writes — a quarter of all statements of a task's completion (CompletionBench, the server's
 * general log; EngineBatchingIT). A setting given in the configuration ({@code spring.datasource.hikari.data-source-properties})
 * wins.
 */
@Component
public class MySqlDriverSettings implements BeanPostProcessor {

  static final Map<String, String> SETTINGS = Map.of(
      "cachePrepStmts", "true",
      "prepStmtCacheSize", "500",
      "prepStmtCacheSqlLimit", "65536",
      "rewriteBatchedStatements", "true",
      "useLocalSessionState", "true");

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
        && hikari.getJdbcUrl().startsWith("jdbc:mysql:")) {
      SETTINGS.forEach((name, value) -> {
        if (!hikari.getDataSourceProperties().containsKey(name)) {
          hikari.addDataSourceProperty(name, value);
        }
      });
    }
    return bean;
  }
}
