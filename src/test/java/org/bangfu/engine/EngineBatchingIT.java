package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The driver rewrites the engine's JDBC batches (MySqlDriverSettings: multi-row inserts, multi-statement updates), and
 * the engine's optimistic locking still sees every update that found no row: a command that changes five tasks, one
 * of which another transaction changed in the meantime, fails as a whole, on the application's MariaDB data source.
 */
class EngineBatchingIT extends MariaDbIntegrationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  private final List<String> tasks = new ArrayList<>();

  @BeforeEach
  void fiveTasks() {
    for (int i = 0; i < 5; i++) {
      Task task = engine.getTaskService().newTask();
      task.setName("批处理检查 " + i);
      task.setPriority(50);
      engine.getTaskService().saveTask(task);
      tasks.add(task.getId());
    }
  }

  @AfterEach
  void removeTasks() {
    engine.getTaskService().deleteTasks(tasks, true);
  }

  @Test
  void theDataSourceRewritesBatches() {
    assertThat(((HikariDataSource) dataSource).getDataSourceProperties())
        .containsEntry("rewriteBatchedStatements", "true");
  }

  @Test
  void aBatchIsOneStatementWithoutAskingTheServerWhetherTheSessionIsReadOnly() throws Exception {
    try (java.sql.Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      long before = statementsOfThisSession(connection);
      try (java.sql.PreparedStatement update = connection.prepareStatement(
          "UPDATE ACT_RU_TASK SET PRIORITY_ = PRIORITY_ WHERE ID_ = ?")) {
        // as the engine flushes its writes: as a JDBC batch
        update.setString(1, tasks.get(0));
        update.addBatch();
        assertThat(update.executeBatch()).containsExactly(1);
      }
      // the update and the next count (without useLocalSessionState the driver sent SELECT
      // @@session.transaction_read_only before each batch: 3)
      assertThat(statementsOfThisSession(connection) - before).isEqualTo(2);
      connection.rollback();
    }
  }

  private static long statementsOfThisSession(java.sql.Connection connection) throws java.sql.SQLException {
    try (java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet status = statement.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
      status.next();
      return status.getLong(2);
    }
  }

  @Test
  void aBatchOfUpdatesWithOneStaleRowFailsWholeAndChangesNothing() {
    TaskService taskService = engine.getTaskService();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String stale = tasks.get(3);
    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
      List<TaskEntity> loaded = tasks.stream().map(id -> context.getTaskManager().findTaskById(id)).toList();
      // meanwhile another transaction changes one of them (and commits)
      configuration.getCommandExecutorTxRequiresNew().execute(other -> {
        taskService.setPriority(stale, 99);
        return null;
      });
      loaded.forEach(task -> task.setPriority(10));
      return null;
    })).isInstanceOf(OptimisticLockingException.class);

    for (String id : tasks) {
      assertThat(taskService.createTaskQuery().taskId(id).singleResult().getPriority()).as(id)
          .isEqualTo(id.equals(stale) ? 99 : 50);
    }
  }

  @Test
  void aBatchOfUpdatesWithoutInterferenceChangesEveryRow() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      tasks.forEach(id -> context.getTaskManager().findTaskById(id).setPriority(10));
      return null;
    });
    assertThat(tasks).allSatisfy(id -> assertThat(engine.getTaskService().createTaskQuery().taskId(id).singleResult()
        .getPriority()).isEqualTo(10));
  }
}
