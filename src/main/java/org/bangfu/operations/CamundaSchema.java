package org.bangfu.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The Camunda engine's tables are created and upgraded by Camunda's own SQL scripts (those shipped in the engine's
 * jar, for H2, MySQL and MariaDB), never by the engine's auto-update ({@code camunda.bpm.database.schema-update:
 * false}: the engine only checks them). They are versioned by a Flyway history of their own
 * ({@code camunda_schema_history}, one migration per Camunda version), which runs before the engine starts and apart
 * from the application's Flyway history ({@code db/migration}).
 *
 * <p>A database whose Camunda tables an earlier release let the engine create is taken over as it is: its history is
 * started at the version the engine recorded last in {@code ACT_GE_SCHEMA_LOG}.
 *
 * <p>Upgrading Camunda (a patch or the next minor version) is a new migration here running Camunda's upgrade script
 * for it ({@code org/camunda/bpm/engine/db/upgrade/<db>_engine_<from>_to_<to>.sql}).
 */
@Configuration(proxyBeanMethods = false)
public class CamundaSchema {

  public static final String HISTORY_TABLE = "camunda_schema_history";
  public static final String VERSION = "7.24.0";

  private static final Logger log = LoggerFactory.getLogger(CamundaSchema.class);

  /** The parts of the schema in the order the engine creates them. */
  static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  /** Migrates the Camunda schema as a bean the process engine waits for. */
  @Bean
  public Migrated camundaSchemaMigrated(DataSource dataSource) {
    return migrate(dataSource);
  }

  /** The process engine is built after the schema is there. */
  @Bean
  public static BeanFactoryPostProcessor engineAfterCamundaSchema() {
    return (ConfigurableListableBeanFactory factory) -> {
      for (String name : List.of("processEngineFactoryBean", "processEngineConfigurationImpl")) {
        if (factory.containsBeanDefinition(name)) {
          var definition = factory.getBeanDefinition(name);
          String[] before = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
          String[] after = java.util.Arrays.copyOf(before, before.length + 1);
          after[before.length] = "camundaSchemaMigrated";
          definition.setDependsOn(after);
        }
      }
    };
  }

  /** What the migration did: the schema version now, and whether an existing schema was taken over. */
  public record Migrated(String version, boolean takenOver, int applied) {
  }

  public static Migrated migrate(DataSource dataSource) {
    // the application's own tables may be there already (its Flyway history is separate): start this history at
    // "0" then, so that Camunda's scripts still run
    Flyway flyway = history(dataSource)
        .baselineOnMigrate(true).baselineVersion("0").baselineDescription("before the Camunda schema")
        .javaMigrations(new V7_24_0__Camunda_schema(), new V7_24_0_1__Case_history_level(),
            new V7_24_0_2__Task_due_date_index(), new V7_24_0_3__Task_parent_index(),
            new V7_24_0_4__Form_key_index()).load();
    boolean takenOver = false;
    String existing = existingVersion(dataSource);
    if (existing != null && flyway.info().applied().length == 0) {
      // tables the engine created itself (releases before this one): start the history at their version
      history(dataSource).baselineVersion(MigrationVersion.fromVersion(existing))
          .baselineDescription("Camunda tables created by the engine").load().baseline();
      takenOver = true;
      log.info("Camunda schema {} created earlier by the engine, now versioned in {}", existing, HISTORY_TABLE);
    }
    int applied = flyway.migrate().migrationsExecuted;
    String version = flyway.info().current().getVersion().getVersion();
    log.info("Camunda schema at {} ({} script set(s) run now)", version, applied);
    return new Migrated(version, takenOver, applied);
  }

  /** Flyway on the Camunda schema's own history, without SQL files: only the Java migrations given to it. */
  private static FluentConfiguration history(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).table(HISTORY_TABLE).locations(new String[0]);
  }

  /** The version the engine recorded, or null when there are no Camunda tables. */
  static String existingVersion(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!tableExists(connection, "ACT_GE_PROPERTY")) {
        return null;
      }
      // the schema log records each version the schema was created or upgraded to
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG ORDER BY TIMESTAMP_ DESC")) {
        return rs.next() ? rs.getString(1).replace("-SNAPSHOT", "") : VERSION;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the Camunda schema version", e);
    }
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : List.of(table, table.toLowerCase())) {
      try (ResultSet rs = meta.getTables(connection.getCatalog(), null, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Camunda's script name for a database: H2 and MySQL by name, MariaDB uses the MySQL scripts as the engine does. */
  static String databaseType(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
    if (product.contains("h2")) {
      return "h2";
    }
    if (product.contains("mysql") || product.contains("mariadb")) {
      return "mysql";
    }
    throw new IllegalStateException("no Camunda scripts for the database " + product);
  }

  /**
   * An installation that ran with the history level "full" runs with "case" (CaseHistoryLevel) from this release:
   * the engine refuses to start when the level in the database differs from its configuration. A new database gets
   * its level from the engine's first start; a level other than full (an operator's own choice) is left alone.
   */
  @SuppressWarnings("checkstyle:TypeName")
  static class V7_24_0_1__Case_history_level extends OneStatement {

    V7_24_0_1__Case_history_level() {
      super("UPDATE ACT_GE_PROPERTY SET VALUE_ = '" + org.bangfu.engine.CaseHistoryLevel.ID
          + "' WHERE NAME_ = 'historyLevel' AND VALUE_ = '3'");
    }
  }

  /**
   * The deadline watcher reads the overdue tasks page by page in due-date order (DeadlineWatcher): an index of due
   * date and id serves each page from where the last ended, where Camunda's schema has none on the due date.
   */
  @SuppressWarnings("checkstyle:TypeName")
  static class V7_24_0_2__Task_due_date_index extends OneStatement {

    V7_24_0_2__Task_due_date_index() {
      super("CREATE INDEX BF_IDX_TASK_DUE ON ACT_RU_TASK (DUE_DATE_, ID_)");
    }
  }

  /**
   * Every task the engine completes or deletes looks up its subtasks ({@code SELECT * FROM ACT_RU_TASK WHERE
   * PARENT_TASK_ID_ = ?}), and Camunda's MySQL and H2 scripts have no index on that column (its SQL Server script
   * has): each completion read every open task of the installation — 19,900 rows a completion among a county's 20,000
   * open tasks, the costliest statement of a completion on the database (CompletionBench, the server's statement
   * statistics). With the index it reads the task's subtasks, usually none.
   */
  @SuppressWarnings("checkstyle:TypeName")
  static class V7_24_0_3__Task_parent_index extends OneStatement {

    V7_24_0_3__Task_parent_index() {
      super("CREATE INDEX BF_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)");
    }
  }

  /**
   * The latest Camunda Form of a key is looked up at every completion and by the engine REST API's gate (the form's
   * fields are what a user may submit): {@code SELECT … FROM ACT_RE_CAMFORMDEF … MAX(VERSION_) … WHERE KEY_ = ?}, and
   * Camunda's scripts have no index on the key. Each look-up read every version of every form ever deployed (about
   * 200 rows in a fresh installation, and each year's policy adds versions), three times a completion through the
   * API (AppBench, the server's statement statistics). With the index it reads the key's versions only.
   */
  @SuppressWarnings("checkstyle:TypeName")
  static class V7_24_0_4__Form_key_index extends OneStatement {

    V7_24_0_4__Form_key_index() {
      super("CREATE INDEX BF_IDX_CAMFORMDEF_KEY ON ACT_RE_CAMFORMDEF (KEY_, TENANT_ID_, VERSION_)");
    }
  }

  /** A migration of one statement (Flyway takes its version from the subclass's name). */
  abstract static class OneStatement extends BaseJavaMigration {

    private final String sql;

    OneStatement(String sql) {
      this.sql = sql;
    }

    @Override
    public void migrate(Context context) throws Exception {
      try (Statement statement = context.getConnection().createStatement()) {
        statement.executeUpdate(sql);
      }
    }
  }

  /** Camunda 7.24.0's create scripts, from the engine's jar. */
  @SuppressWarnings("checkstyle:TypeName")
  static class V7_24_0__Camunda_schema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
      Connection connection = context.getConnection();
      String type = databaseType(connection);
      for (String part : PARTS) {
        ScriptUtils.executeSqlScript(connection,
            new ClassPathResource("org/camunda/bpm/engine/db/create/activiti." + type + ".create." + part + ".sql"));
      }
    }
  }
}
