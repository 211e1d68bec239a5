package org.bangfu.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
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
    assertThat(first).isEqualTo(new CamundaSchema.Migrated("7.24.0", false, 1));
    JdbcTemplate jdbc = new JdbcTemplate(database);
    assertThat(jdbc.queryForObject("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class)).isEqualTo("7.24.0");
    for (String table : new String[] {"ACT_RU_TASK", "ACT_HI_TASKINST", "ACT_ID_USER", "ACT_RE_DECISION_DEF",
        "ACT_RE_CASE_DEF", "ACT_HI_DECINST"}) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).as(table).isZero();
    }
    assertThat(jdbc.queryForList("SELECT \"version\" FROM \"" + CamundaSchema.HISTORY_TABLE
        + "\" WHERE \"success\" AND \"type\" = 'JDBC'", String.class)).containsExactly("7.24.0");

    assertThat(CamundaSchema.migrate(database)).isEqualTo(new CamundaSchema.Migrated("7.24.0", false, 0));
    ProcessEngine engine = engine(database, "false", "schema-fresh");
    try {
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
    } finally {
      engine.close();
    }
  }

  @Test
  void tablesTheEngineCreatedItselfAreTakenOverAtTheirVersion() {
    DataSource database = h2("engine-made");
    engine(database, "true", "schema-engine-made").close();
    CamundaSchema.Migrated migrated = CamundaSchema.migrate(database);
    assertThat(migrated).isEqualTo(new CamundaSchema.Migrated("7.24.0", true, 0));
    assertThat(new JdbcTemplate(database).queryForList("SELECT \"type\" FROM \"" + CamundaSchema.HISTORY_TABLE
        + "\" WHERE \"version\" IS NOT NULL", String.class)).containsExactly("BASELINE");
    assertThat(CamundaSchema.migrate(database).takenOver()).isFalse();
  }

  @Test
  void anEngineThatDoesNotCreateTablesRefusesAnEmptyDatabase() {
    DataSource database = h2("empty");
    assertThatThrownBy(() -> engine(database, "false", "schema-empty"))
        .hasMessageContaining("ENGINE-03057");
  }

  private static DataSource h2(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:camunda-schema-" + name + ";DB_CLOSE_DELAY=-1;MODE=MySQL");
    dataSource.setUser("sa");
    return dataSource;
  }

  private static ProcessEngine engine(DataSource database, String schemaUpdate, String name) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(database);
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setProcessEngineName(name);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    return configuration.buildProcessEngine();
  }
}
