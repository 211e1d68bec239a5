package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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
    Task task = task("县级审批");
    engine.getTaskService().addCandidateGroup(task.getId(), "county");
    Authorization revoke = authorization(Authorization.AUTH_TYPE_REVOKE, "suspended-approver", task);
    revoke.removePermission(Permissions.UPDATE);
    revoke.removePermission(Permissions.TASK_WORK);
    revoke.removePermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(revoke);
    try {
      assertHiddenAndRefused("suspended-approver", List.of("county"), task);
      // the same group without the REVOKE: granted, in the short form
      engine.getIdentityService().setAuthentication("approver", List.of("county"));
      engine.getTaskService().claim(task.getId(), "approver");
    } finally {
      remove(task, revoke);
    }
  }

  @Test
  void aGrantToAnyUserCountsForNobodyInChecksAsInQueries() {
    Task task = task("民主评议");
    Authorization toAnyone = authorization(Authorization.AUTH_TYPE_GRANT, Authorization.ANY, task);
    toAnyone.addPermission(Permissions.ALL);
    engine.getAuthorizationService().saveAuthorization(toAnyone);
    try {
      // neither the query nor either form of the check of one task reads a GRANT to user '*'
      assertHiddenAndRefused("passer-by", List.of("village-c"), task);
    } finally {
      remove(task, toAnyone);
    }
  }

  /** Signed in with these groups, the user neither finds the task nor may claim it. */
  private static void assertHiddenAndRefused(String user, List<String> groups, Task task) {
    engine.getIdentityService().setAuthentication(user, groups);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThatThrownBy(() -> engine.getTaskService().claim(task.getId(), user))
        .isInstanceOf(AuthorizationException.class);
  }

  private static Task task(String name) {
    Task task = engine.getTaskService().newTask();
    task.setName(name);
    engine.getTaskService().saveTask(task);
    return task;
  }

  private static Authorization authorization(int type, String user, Task task) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(type);
    authorization.setUserId(user);
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(task.getId());
    return authorization;
  }

  private static void remove(Task task, Authorization authorization) {
    engine.getIdentityService().clearAuthentication();
    engine.getAuthorizationService().deleteAuthorization(authorization.getId());
    engine.getTaskService().deleteTask(task.getId(), true);
  }

  @Test
  void aGroupWithoutAuthorizationsGrantsNothingAndTheOtherGroupGrantsItsTask() {
    Task task = task("入户核实");
    // the default authorization provider grants the candidate group the task (an authorization row for village-b)
    engine.getTaskService().addCandidateGroup(task.getId(), "village-b");
    try {
      assertHiddenAndRefused("outsider", List.of("village-a"), task);

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
