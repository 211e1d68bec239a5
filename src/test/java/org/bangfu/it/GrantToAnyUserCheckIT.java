package org.bangfu.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.security.GrantToAnyUserCheck;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A GRANT to user '*' is what the per-row authorization checks do not read (application.yml): the check finds one an
 * administrator made, and none of the application's own (demo county, filters, provisioning).
 */
class GrantToAnyUserCheckIT extends MariaDbIntegrationTest {

  @Autowired
  GrantToAnyUserCheck check;
  @Autowired
  AuthorizationService authorizations;

  @Test
  void findsAGrantToEveryUserAndNoneOfTheApplications() {
    assertThat(check.grantsToAnyUser()).isZero();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(Authorization.ANY);
    grant.setResource(Resources.TASK);
    grant.setResourceId("some-task");
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    try {
      assertThat(check.grantsToAnyUser()).isEqualTo(1);
    } finally {
      authorizations.deleteAuthorization(grant.getId());
    }
    assertThat(check.grantsToAnyUser()).isZero();
  }
}
