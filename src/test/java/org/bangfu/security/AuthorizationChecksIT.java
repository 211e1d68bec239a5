package org.bangfu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine checks authorizations per row (application.yml: {@code authorization-check-revokes: always}) with the
 * answers of its default join: a task nobody granted is hidden; a GRANT to the user or to one of the user's groups
 * shows it to them only; a GLOBAL authorization shows it to all. A GRANT to user '*' is not read per row.
 */
class AuthorizationChecksIT extends MariaDbIntegrationTest {

  @Autowired
  AuthorizationService authorizations;
  @Autowired
  ProcessEngine engine;
  @Autowired
  GrantToAnyUserCheck check;

  @Test
  void theEngineChecksPerRow() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("always");
    // checks of one task in the short form unless a REVOKE names the user (AuthorizationChecksTest)
    assertThat(configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager())
        .getClass().getEnclosingClass()).isEqualTo(org.bangfu.engine.AuthorizationChecks.class);
  }

  @Test
  void grantsAndGlobalAuthorizationsAnswerPerTask() {
    Task task = engine.getTaskService().newTask();
    task.setName("授权检查");
    engine.getTaskService().saveTask(task);
    List<String> made = new ArrayList<>();
    try {
      assertThat(visibleTo("cadre_dongshan", task.getId())).as("no grant").isZero();
      assertThat(check.grantsToAnyUser()).as("the application's own authorizations").isZero();
      String grantToAll = save(Authorization.AUTH_TYPE_GRANT, Authorization.ANY, null, task.getId(), made);
      // the one difference to the default join: per row, a GRANT to user '*' counts for nobody (the engine's own
      // behaviour for users with a REVOKE); GrantToAnyUserCheck finds it, and none of the application's own
      assertThat(visibleTo("cadre_dongshan", task.getId())).as("a GRANT to user '*'").isZero();
      assertThat(check.grantsToAnyUser()).isEqualTo(1);
      authorizations.deleteAuthorization(grantToAll);
      made.remove(grantToAll);
      assertThat(check.grantsToAnyUser()).isZero();
      save(Authorization.AUTH_TYPE_GRANT, "cadre_dongshan", null, task.getId(), made);
      assertThat(visibleTo("cadre_dongshan", task.getId())).as("a GRANT to the user").isEqualTo(1);
      assertThat(visibleTo("cadre_xihe", task.getId())).as("another user").isZero();
      String group = engine.getIdentityService().createGroupQuery().groupMember("cadre_xihe").list().get(0).getId();
      save(Authorization.AUTH_TYPE_GRANT, null, group, task.getId(), made);
      assertThat(visibleTo("cadre_xihe", task.getId())).as("a GRANT to the user's group").isEqualTo(1);
      assertThat(visibleTo("cadre_nanping", task.getId())).as("not in that group").isZero();
      save(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, task.getId(), made);
      assertThat(visibleTo("cadre_nanping", task.getId())).as("a GLOBAL authorization").isEqualTo(1);
    } finally {
      made.forEach(authorizations::deleteAuthorization);
      engine.getTaskService().deleteTask(task.getId(), true);
    }
  }

  private String save(int type, String user, String group, String taskId, List<String> made) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    if (user != null) {
      authorization.setUserId(user);
    } else {
      authorization.setGroupId(group);
    }
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(taskId);
    authorization.addPermission(Permissions.READ);
    authorizations.saveAuthorization(authorization);
    made.add(authorization.getId());
    return authorization.getId();
  }

  private long visibleTo(String user, String taskId) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
