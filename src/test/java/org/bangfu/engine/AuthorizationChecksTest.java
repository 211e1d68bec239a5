package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's checks run with all of the user's groups (AuthorizationChecks): no lookup of the groups that have
 * authorizations, and the same answers — a group without any authorization grants nothing, the group with one grants
 * what it grants.
 */
class AuthorizationChecksTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("authorization-checks");
    configuration.setJdbcUrl("jdbc:h2:mem:authorization-checks;DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setAuthorizationEnabled(true);
    configuration.setAuthorizationCheckRevokes("always"); // as application.yml: queries row by row
    configuration.setEnforceHistoryTimeToLive(false);
    configuration.getProcessEnginePlugins().add(new AuthorizationChecks());
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theChecksGetEveryGroupOfTheUserWithoutALookup() {
    List<String> groups = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
          AuthorizationManager manager = context.getAuthorizationManager();
          assertThat(manager).isInstanceOf(AuthorizationChecks.Manager.class);
          // no authorization names either group: the engine's own manager would leave both out
          return manager.filterAuthenticatedGroupIds(java.util.Arrays.asList("village-a", null, "village-b",
              "village-a"));
        });
    assertThat(groups).containsExactly("village-a", "village-b");
  }

  @Test
  void aRevokeStillRefusesTheCheckOfOneTaskAndTheQuery() {
    Task task = engine.getTaskService().newTask();
    task.setName("县级审批");
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup(task.getId(), "county");
    org.camunda.bpm.engine.authorization.Authorization revoke = engine.getAuthorizationService()
        .createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("suspended-approver");
    revoke.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(org.camunda.bpm.engine.authorization.Permissions.UPDATE);
    revoke.removePermission(org.camunda.bpm.engine.authorization.Permissions.TASK_WORK);
    revoke.removePermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(revoke);
    try {
      engine.getIdentityService().setAuthentication("suspended-approver", List.of("county"));
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
      assertThatThrownBy(() -> engine.getTaskService().claim(task.getId(), "suspended-approver"))
          .isInstanceOf(AuthorizationException.class);
      // the same group without the REVOKE: granted, in the short form
      engine.getIdentityService().setAuthentication("approver", List.of("county"));
      engine.getTaskService().claim(task.getId(), "approver");
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getAuthorizationService().deleteAuthorization(revoke.getId());
      engine.getTaskService().deleteTask(task.getId(), true);
    }
  }

  @Test
  void aGrantToAnyUserCountsForNobodyInChecksAsInQueries() {
    Task task = engine.getTaskService().newTask();
    task.setName("民主评议");
    engine.getTaskService().saveTask(task);
    org.camunda.bpm.engine.authorization.Authorization toAnyone = engine.getAuthorizationService()
        .createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    toAnyone.setUserId(org.camunda.bpm.engine.authorization.Authorization.ANY);
    toAnyone.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
    toAnyone.setResourceId(task.getId());
    toAnyone.addPermission(org.camunda.bpm.engine.authorization.Permissions.ALL);
    engine.getAuthorizationService().saveAuthorization(toAnyone);
    try {
      engine.getIdentityService().setAuthentication("passer-by", List.of("village-c"));
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
      // the engine's short form would count the GRANT to '*': the check stays row by row while one exists
      assertThatThrownBy(() -> engine.getTaskService().claim(task.getId(), "passer-by"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getAuthorizationService().deleteAuthorization(toAnyone.getId());
      engine.getTaskService().deleteTask(task.getId(), true);
    }
  }

  @Test
  void aGroupWithoutAuthorizationsGrantsNothingAndTheOtherGroupGrantsItsTask() {
    Task task = engine.getTaskService().newTask();
    task.setName("入户核实");
    engine.getTaskService().saveTask(task);
    // the default authorization provider grants the candidate group the task (an authorization row for village-b)
    engine.getTaskService().addCandidateGroup(task.getId(), "village-b");
    try {
      engine.getIdentityService().setAuthentication("outsider", List.of("village-a"));
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
      assertThatThrownBy(() -> engine.getTaskService().claim(task.getId(), "outsider"))
          .isInstanceOf(AuthorizationException.class);

      engine.getIdentityService().setAuthentication("cadre", List.of("village-a", "village-b"));
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
      engine.getTaskService().claim(task.getId(), "cadre");
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
          .isEqualTo("cadre");
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getTaskService().deleteTask(task.getId(), true);
    }
  }
}
