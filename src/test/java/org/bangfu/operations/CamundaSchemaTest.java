package org.bangfu.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.bangfu.engine.CaseHistoryLevel;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Camunda schema from Camunda's own scripts, versioned in its own Flyway history: created on a fresh database
 * (and an engine that does not create tables itself starts on it), left alone the second time, and taken over at its
 * version where an earlier release let the engine create it.
 */
class CamundaSchemaTest {

  @Test
  void aFreshDatabaseGetsTheSchemaFromCamundasScriptsOnce() {
    DataSource database = h2("fresh");
    CamundaSchema.Migrated first = CamundaSchema.migrate(database);
    assertThat(first).isEqualTo(new CamundaSchema.Migrated("7.24.0.4", false, 5));
    JdbcTemplate jdbc = new JdbcTemplate(database);
    assertThat(jdbc.queryForObject("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class)).isEqualTo("7.24.0");
    for (String table : new String[] {"ACT_RU_TASK", "ACT_HI_TASKINST", "ACT_ID_USER", "ACT_RE_DECISION_DEF",
        "ACT_RE_CASE_DEF", "ACT_HI_DECINST"}) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).as(table).isZero();
    }
    assertThat(jdbc.queryForList("SELECT \"version\" FROM \"" + CamundaSchema.HISTORY_TABLE
        + "\" WHERE \"success\" AND \"type\" = 'JDBC'", String.class)).containsExactly("7.24.0", "7.24.0.1",
            "7.24.0.2", "7.24.0.3", "7.24.0.4");
    // the deadline watcher's index of due date and id (DeadlineWatcher), the one of a task's subtasks, the forms' key
    for (String index : new String[] {"BF_IDX_TASK_DUE", "BF_IDX_TASK_PARENT", "BF_IDX_CAMFORMDEF_KEY"}) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = ?",
          Integer.class, index)).as(index).isEqualTo(1);
    }

    assertThat(CamundaSchema.migrate(database)).isEqualTo(new CamundaSchema.Migrated("7.24.0.4", false, 0));
    ProcessEngine engine = engine(database, "false", "schema-fresh", "case");
    try {
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
    } finally {
      engine.close();
    }
  }

  @Test
  void tablesTheEngineCreatedItselfAreTakenOverAtTheirVersion() {
    DataSource database = h2("engine-made");
    engine(database, "true", "schema-engine-made", "full").close();
    CamundaSchema.Migrated migrated = CamundaSchema.migrate(database);
    assertThat(migrated).isEqualTo(new CamundaSchema.Migrated("7.24.0.4", true, 4));
    assertThat(new JdbcTemplate(database).queryForList("SELECT \"type\" FROM \"" + CamundaSchema.HISTORY_TABLE
        + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class))
        .containsExactly("BASELINE", "JDBC", "JDBC", "JDBC", "JDBC");
    assertThat(CamundaSchema.migrate(database).takenOver()).isFalse();
  }

  @Test
  void anInstallationThatRanWithFullHistoryStartsWithTheCaseLevel() {
    DataSource database = h2("full-history");
    CamundaSchema.migrate(database);
    // the engine's first start records its level; an earlier release ran with "full" (3)
    engine(database, "false", "schema-full-before", "full").close();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    // as the release before the history level: neither that migration nor the later ones
    jdbc.update("DELETE FROM \"" + CamundaSchema.HISTORY_TABLE + "\" WHERE \"version\" IN ('7.24.0.1', '7.24.0.2',"
        + " '7.24.0.3', '7.24.0.4')");
    jdbc.update("DROP INDEX BF_IDX_TASK_DUE");
    jdbc.update("DROP INDEX BF_IDX_TASK_PARENT");
    jdbc.update("DROP INDEX BF_IDX_CAMFORMDEF_KEY");
    // the engine refuses a level other than the database's: without the migration this release would not start
    assertThatThrownBy(() -> engine(database, "false", "schema-full-refused", "case"))
        .hasMessageContaining("historyLevel mismatch");
    assertThat(CamundaSchema.migrate(database).applied()).isEqualTo(4);
    assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
        .isEqualTo(String.valueOf(CaseHistoryLevel.ID));
    engine(database, "false", "schema-case-after", "case").close();
  }

  @Test
  void anEngineThatDoesNotCreateTablesRefusesAnEmptyDatabase() {
    DataSource database = h2("empty");
    assertThatThrownBy(() -> engine(database, "false", "schema-empty", "case"))
        .hasMessageContaining("ENGINE-03057");
  }

  private static DataSource h2(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:camunda-schema-" + name + ";DB_CLOSE_DELAY=-1;MODE=MySQL");
    dataSource.setUser("sa");
    return dataSource;
  }

  private static ProcessEngine engine(DataSource database, String schemaUpdate, String name, String history) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setCustomHistoryLevels(new java.util.ArrayList<>(java.util.List.of(CaseHistoryLevel.INSTANCE)));
    configuration.setDataSource(database);
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setProcessEngineName(name);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(history);
    return configuration.buildProcessEngine();
  }
}
