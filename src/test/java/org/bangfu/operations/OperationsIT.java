package org.bangfu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bangfu.security.AccessProvisioning;
import org.bangfu.security.SecurityConfig;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Health, metrics and API documentation answer the right people and refuse anonymous callers. */
class OperationsIT extends MariaDbIntegrationTest {

  @Autowired
  AccessProvisioning provisioning;

  @Test
  void healthAndMetricsAnswerOperatorsOnly() {
    provisioning.ensureWorkGroup(SecurityConfig.OPERATORS, "运维人员");
    provisioning.ensureUser("ops_demo", "运维", "值班", null, ApiClient.PASSWORD, List.of(SecurityConfig.OPERATORS));

    ResponseEntity<String> health = api.as("ops_demo").getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    // Camunda's starter adds "jobExecutor" too where job execution is on (these tests switch it off)
    assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("\"db\"").contains("processEngine")
        .containsPattern("\"mailOutbox\":\\{\"status\":\"UP\",\"details\":\\{\"pending\":\\d+");

    ResponseEntity<String> metrics = api.as("ops_demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode().value()).isEqualTo(200);
    assertThat(metrics.getBody()).contains("bangfu_cases{status=\"IDENTIFYING\"}").contains("jvm_memory_used_bytes")
        .containsPattern("bangfu_tasks_overdue [1-9]").contains("bangfu_mail_outbox{status=\"PENDING\"}")
        .contains("bangfu_imports{status=\"RUNNING\"}", "bangfu_import_rows_remaining ");
    // requests are timed; Spring Security's filters, authorizations and sign-ins each are not (SecurityConfig)
    assertThat(metrics.getBody()).contains("http_server_requests_seconds_count{")
        .doesNotContain("spring_security_filterchains").doesNotContain("spring_security_authorizations")
        .doesNotContain("spring_security_authentications");

    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(api.as("cadre_dongshan").getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void theApiIsDocumentedForSignedInUsers() {
    ResponseEntity<String> docs = api.as("cadre_dongshan").getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody()).contains("/api/households").contains("/api/cases").contains("/api/admin/regions");
    assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(api.as("cadre_dongshan").getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  @Autowired
  org.camunda.bpm.engine.ProcessEngine processEngine;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** Camunda's tables come from Camunda's scripts, versioned apart from ours; the engine does not change them. */
  @Test
  void camundasTablesComeFromItsScriptsAndTheEngineOnlyChecksThem() {
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration()).getDatabaseSchemaUpdate()).isEqualTo("false");
    assertThat(jdbc.queryForList("SELECT version FROM camunda_schema_history WHERE success = 1 AND type = 'JDBC'",
        String.class)).containsExactly("7.24.0", "7.24.0.1", "7.24.0.2", "7.24.0.3", "7.24.0.4"); // the scripts, the
    // history level (CaseHistoryLevel), the due-date index (DeadlineWatcher), the indexes of a task's subtasks and
    // of the forms' keys
    assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1 AND type = 'SQL' "
        + "ORDER BY installed_rank", String.class)).startsWith("1", "2", "3", "4", "5", "6");
    assertThat(jdbc.queryForObject("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class)).isEqualTo("7.24.0");
  }

  /**
   * A completed task's subtasks are looked up by an index, not by reading every open task (Camunda's MySQL script has
   * no index on the column): the plan MariaDB makes for the engine's statement.
   */
  @Test
  void aCompletionLooksUpTheTasksSubtasksByAnIndex() {
    java.util.Map<String, Object> plan = jdbc.queryForMap("EXPLAIN SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = ?",
        "a-task-id");
    assertThat(plan.get("key")).isEqualTo("BF_IDX_TASK_PARENT");
    assertThat(plan.get("type")).isNotEqualTo("ALL");
  }

  /** The latest version of a form, looked up at every completion, from the key's entries of an index. */
  @Test
  void aCompletionLooksUpItsFormsLatestVersionByAnIndex() {
    String key = jdbc.queryForObject("SELECT MIN(KEY_) FROM ACT_RE_CAMFORMDEF", String.class);
    java.util.List<java.util.Map<String, Object>> plan = jdbc.queryForList("EXPLAIN SELECT * FROM ACT_RE_CAMFORMDEF d1"
        + " INNER JOIN (SELECT KEY_, TENANT_ID_, MAX(VERSION_) AS MAX_VERSION FROM ACT_RE_CAMFORMDEF RES"
        + " WHERE KEY_ = ? AND RES.TENANT_ID_ IS NULL GROUP BY TENANT_ID_, KEY_) d2 ON d1.KEY_ = d2.KEY_"
        + " WHERE d1.VERSION_ = d2.MAX_VERSION AND (d1.TENANT_ID_ = d2.TENANT_ID_ OR (d1.TENANT_ID_ IS NULL"
        + " AND d2.TENANT_ID_ IS NULL))", key);
    // every table of the plan read through the index, none scanned whole
    assertThat(plan).filteredOn(row -> "RES".equals(row.get("table")) || "d1".equals(row.get("table")))
        .hasSize(2).allSatisfy(row -> {
          assertThat(row.get("key")).isEqualTo("BF_IDX_CAMFORMDEF_KEY");
          assertThat(row.get("type")).isNotEqualTo("ALL");
        });
  }
}
