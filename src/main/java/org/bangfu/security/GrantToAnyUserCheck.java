package org.bangfu.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine checks authorizations row by row ({@code authorization-check-revokes: always} in application.yml, the
 * engine's own form for users with a REVOKE): in that form a GRANT to user {@code *} counts for nobody. Nothing in
 * Bangfu makes one (grants go to groups; "everyone" is a GLOBAL authorization), but an administrator could in the
 * Admin webapp: at start the application says so, with what to do instead.
 */
@Component
public class GrantToAnyUserCheck {

  private static final Logger LOG = LoggerFactory.getLogger(GrantToAnyUserCheck.class);

  private final AuthorizationService authorizations;

  public GrantToAnyUserCheck(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** How many GRANT authorizations name user {@code *}. */
  public long grantsToAnyUser() {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .userIdIn(Authorization.ANY).count();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void warn() {
    long count = grantsToAnyUser();
    if (count > 0) {
      LOG.warn("{} GRANT authorization(s) name user '*' and grant nothing (authorization checks run per row): "
          + "give them to a group, or make them GLOBAL authorizations (Admin > Authorizations)", count);
    }
  }
}
