package org.bangfu.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.bangfu.inbox.InboxPlugin;
import org.bangfu.inbox.InboxWorkout;
import org.bangfu.operations.MySqlDriverSettings;
import org.bangfu.testing.EmbeddedMariaDb;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** What the benchmarks share: engines on the embedded MariaDB, batched seeding, timing and percentiles. */
final class BenchEngine {

  /** The application's own settings (src/main/resources/application.yml), so "ours" is what the app runs. */
  static final Properties APPLICATION = application();

  private BenchEngine() {
  }

  /**
   * The benchmarks' MariaDB server, with a county server's InnoDB buffer pool (docker/compose.yml's default 2G;
   * {@code -Dbangfu.bench.db-buffer-pool}): with MariaDB's default of 128 MB, the million-row screening read its
   * history tables from disk. Both configurations of a benchmark run on this one server.
   */
  static EmbeddedMariaDb.Server newServer() {
    String pool = "--innodb-buffer-pool-size=" + System.getProperty("bangfu.bench.db-buffer-pool", "2G");
    // -Dbangfu.bench.db-digests=true: the server's statement statistics on, for where its time goes (CompletionBench)
    return Boolean.getBoolean("bangfu.bench.db-digests")
        ? EmbeddedMariaDb.newServer(pool, "--performance-schema=ON") : EmbeddedMariaDb.newServer(pool);
  }

  /**
   * A connection to a database of the benchmarks' server for seeding it directly: the driver rewrites a batch into
   * multi-row statements, so that millions of rows go in as thousands of statements.
   */
  static java.sql.Connection seeding(EmbeddedMariaDb.Server server, String database) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(server.url(database) + "&rewriteBatchedStatements=true", "root", "");
  }

  /** The server's global counters of these names ({@code SHOW GLOBAL STATUS}). */
  static Map<String, Long> globalStatus(Connection connection, String... names) throws SQLException {
    Map<String, Long> status = new java.util.LinkedHashMap<>();
    try (java.sql.Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
            + String.join("', '", names) + "')")) {
      while (result.next()) {
        status.put(result.getString(1), result.getLong(2));
      }
    }
    return status;
  }

  /**
   * The server's statement and row counters: what a completion asks of the database, process start and the client's
   * find included (the counters' own query adds one statement per read).
   */
  static Map<String, Long> counters(EmbeddedMariaDb.Server server) {
    try (Connection connection = seeding(server, "mysql")) {
      return globalStatus(connection, "Questions", "Com_select", "Com_insert", "Com_update", "Com_delete",
          "Handler_read_key", "Handler_read_next", "Handler_read_rnd_next");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The statements that took the server's time over the window, per completion (-Dbangfu.bench.db-digests=true). */
  static void printDigests(EmbeddedMariaDb.Server server, String name, int completions) {
    try (Connection connection = seeding(server, "mysql");
        ResultSet digests = connection.createStatement().executeQuery("SELECT COUNT_STAR, SUM_TIMER_WAIT,"
            + " SUM_ROWS_EXAMINED, DIGEST_TEXT FROM performance_schema.events_statements_summary_by_digest"
            + " ORDER BY SUM_TIMER_WAIT DESC LIMIT 25")) {
      System.out.printf("%nSERVER TIME by statement (%s): per completion, count, time (ms), rows examined%n", name);
      while (digests.next()) {
        String text = String.valueOf(digests.getString(4)).replaceAll("\\s+", " ");
        System.out.printf("%6.2f %8.3f ms %8.1f  %s%n", digests.getLong(1) / (double) completions,
            digests.getLong(2) / 1e9 / completions, digests.getLong(3) / (double) completions,
            text.substring(0, Math.min(160, text.length())));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement on the server as root. */
  static void sql(EmbeddedMariaDb.Server server, String statement) {
    try (Connection connection = seeding(server, "mysql");
        java.sql.Statement jdbc = connection.createStatement()) {
      jdbc.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A standalone engine with the defaults of the Camunda 7.24 Spring Boot starter on a database of this server:
   * full history, strong UUIDs, authorization as the application (on), the job executor built but not started.
   */
  static StandaloneProcessEngineConfiguration stock(EmbeddedMariaDb.Server server, String database) {
    StandaloneProcessEngineConfiguration configuration = stock(server.url(database));
    configuration.setProcessEngineName("bench-" + database);
    return configuration;
  }

  /** The same on the database of a JDBC URL (a benchmark's separate JVM). */
  static StandaloneProcessEngineConfiguration stock(String url) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    // Spring Boot's pool (Hikari, 10 connections, as the starter would get it) with the driver's defaults (until
    // 2026-12-02 the benchmarks gave every configuration rewritten batches; now that the application sets them, the
    // stock engine sends its batches statement by statement, as a stock application does)
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername("root");
    pool.setPassword("");
    pool.setMaximumPoolSize(10);
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    configuration.setDataSource(pool);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setIdGenerator(new StrongUuidGenerator()); // the Spring Boot starter's default
    configuration.setAuthorizationEnabled(true);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9_-]+"); // as the application: region-00
    configuration.setJobExecutorActivate(false);
    configuration.setJobExecutor(jobExecutor(3, 10, 3, 3, 5_000));
    return configuration;
  }

  /**
   * The stock engine with the application's settings: the job executor of application.yml, the driver settings of
   * {@link MySqlDriverSettings} (statement cache, rewritten batches), the application's Camunda schema (with its
   * indexes), the authorization checks per row, and the inbox ({@link InboxPlugin}) the application keeps for every
   * task.
   */
  static StandaloneProcessEngineConfiguration ours(EmbeddedMariaDb.Server server, String database) {
    return ours(server, database, Map.of());
  }

  /** The same with more driver settings (a benchmark's variant: {@code useServerPrepStmts}…). */
  static StandaloneProcessEngineConfiguration ours(EmbeddedMariaDb.Server server, String database,
      Map<String, String> driverSettings) {
    StandaloneProcessEngineConfiguration configuration = ours(server.url(database), driverSettings);
    configuration.setProcessEngineName("bench-" + database);
    return configuration;
  }

  /** The same on the database of a JDBC URL (a benchmark's separate JVM). */
  static StandaloneProcessEngineConfiguration ours(String url) {
    return ours(url, Map.of());
  }

  private static StandaloneProcessEngineConfiguration ours(String url, Map<String, String> driverSettings) {
    StandaloneProcessEngineConfiguration configuration = stock(url);
    HikariDataSource pool = (HikariDataSource) configuration.getDataSource();
    driverSettings.forEach(pool::addDataSourceProperty);
    new MySqlDriverSettings().postProcessAfterInitialization(pool, "dataSource");
    // the application's Camunda schema: Camunda's scripts and the application's indexes on them (CamundaSchema)
    org.bangfu.operations.CamundaSchema.migrate(pool);
    configuration.setDatabaseSchemaUpdate("false");
    configuration.setJobExecutor(jobExecutor(setting("camunda.bpm.job-execution.core-pool-size", 3),
        setting("camunda.bpm.job-execution.max-pool-size", 10), setting("camunda.bpm.job-execution.queue-capacity", 3),
        setting("camunda.bpm.job-execution.max-jobs-per-acquisition", 3),
        setting("camunda.bpm.job-execution.wait-time-in-millis", 5_000)));
    // authorization checks per row, as application.yml sets them (the stock default "auto" joins every row)
    configuration.setAuthorizationCheckRevokes(System.getProperty("bangfu.bench.authorization-check-revokes",
        APPLICATION.getProperty("camunda.bpm.authorization.authorization-check-revokes")));
    // the application's history level: full without the rows nobody reads
    configuration.setHistoryLevel(org.bangfu.engine.CaseHistoryLevel.INSTANCE);
    // and known by its id, as the application registers it: a database the application made says "case" (33)
    configuration.setCustomHistoryLevels(
        new java.util.ArrayList<>(List.of(org.bangfu.engine.CaseHistoryLevel.INSTANCE)));
    configuration.getProcessEnginePlugins().add(new org.bangfu.engine.AuthorizationChecks());
    withInbox(configuration); // after the pool's settings: it opens the pool
    return configuration;
  }

  /**
   * The application's inbox on an engine ({@link InboxPlugin}), its table made by the application's Flyway script
   * first (once a database).
   */
  private static void withInbox(ProcessEngineConfigurationImpl configuration) {
    try (Connection connection = configuration.getDataSource().getConnection();
        ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "bf_inbox", null)) {
      if (!tables.next()) { // the second engine on a database finds it made
        InboxWorkout.createInboxTable(connection);
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
    // -Dbangfu.bench.inbox-kept-reads (the application's 60s; 0s: the groups and the filter's permission every time)
    configuration.getProcessEnginePlugins().add(new InboxPlugin(
        java.time.Duration.parse("PT" + System.getProperty("bangfu.bench.inbox-kept-reads", "60s").toUpperCase())));
  }

  /** Like the starter's: a pool of core..max threads with a queue, acquiring up to maxJobs per round. */
  static DefaultJobExecutor jobExecutor(int core, int max, int queue, int maxJobs, int waitMillis) {
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setCorePoolSize(core);
    executor.setMaxPoolSize(max);
    executor.setQueueSize(queue);
    executor.setMaxJobsPerAcquisition(maxJobs);
    executor.setWaitTimeInMillis(waitMillis);
    return executor;
  }

  static int setting(String key, int otherwise) {
    String value = APPLICATION.getProperty(key);
    return value == null ? otherwise : Integer.parseInt(value.trim());
  }

  static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** A village's candidate group of the benchmarks' county (village 0 to 99 of 和平镇). */
  static String village(int v) {
    return String.format("village-6299011002%02d", v);
  }

  /** Closes the engine and its connection pool. */
  static void close(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = configuration(engine);
    engine.close();
    if (configuration.getDataSource() instanceof HikariDataSource pool) {
      pool.close();
    }
  }

  /** Runs {@code start(i)} for i in [0, n) in transactions of 1,000. */
  static void inBatches(ProcessEngine engine, int n, IntConsumer start) {
    inBatches(engine, n, 1, start);
  }

  /** The same by several clients at once, each taking the next batch of 1,000. */
  static void inBatches(ProcessEngine engine, int n, int clients, IntConsumer start) {
    AtomicInteger next = new AtomicInteger();
    Runnable client = () -> {
      for (int from = next.getAndAdd(1_000); from < n; from = next.getAndAdd(1_000)) {
        int first = from;
        configuration(engine).getCommandExecutorTxRequired().execute(context -> {
          for (int i = first; i < Math.min(first + 1_000, n); i++) {
            start.accept(i);
          }
          return null;
        });
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(client));
      }
      for (Future<?> each : running) {
        each.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("seeding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A warm-up, then as many timed runs as fit in about 20 s (at least 3, at most {@code bangfu.bench.samples}, 50
   * unless set), in milliseconds, sorted; a query slower than 2 s gets its 3 runs only (the stock inbox can take
   * minutes). The warm-up is 2 runs, or with {@code -Dbangfu.bench.warm-up-runs=N} up to N runs within 10 s, so that
   * the JIT has compiled the query's path before it is timed (a server answers it all day long).
   */
  static List<Double> time(Supplier<?> query) {
    long first = System.nanoTime();
    query.get();
    boolean slow = System.nanoTime() - first > 2_000_000_000L;
    int warmUp = Integer.getInteger("bangfu.bench.warm-up-runs", 2);
    int samples = Integer.getInteger("bangfu.bench.samples", 50);
    long warmUntil = System.currentTimeMillis() + 10_000;
    for (int i = 0; !slow && i < warmUp && (i < 2 || System.currentTimeMillis() < warmUntil); i++) {
      query.get();
    }
    List<Double> millis = new ArrayList<>();
    long until = System.currentTimeMillis() + 20_000;
    while (millis.size() < samples && (millis.size() < 3 || !slow && System.currentTimeMillis() < until)) {
      long start = System.nanoTime();
      query.get();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    return millis;
  }

  /** The percentile of values in any order; NaN when there are none. */
  static double percentileOf(Collection<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return percentile(sorted, p);
  }

  static double percentile(List<Double> sorted, int p) {
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static Properties application() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    return yaml.getObject();
  }
}
