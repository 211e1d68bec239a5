package org.bangfu.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The engine's sign-in lockout as the application's sign-in reads it (camunda.bpm.generic-properties:
 * login-max-attempts, login-delay-*): the failure count and lock time live on the engine's user entity.
 */
@Component
public class LoginLockout {

  private final IdentityService identityService;
  private final ProcessEngine engine;

  public LoginLockout(IdentityService identityService, ProcessEngine engine) {
    this.identityService = identityService;
    this.engine = engine;
  }

  /** Locked for a while after a failure, or for good after the configured number of failures. */
  public boolean isLocked(String userId) {
    var user = identityService.createUserQuery().userId(userId).singleResult();
    if (!(user instanceof UserEntity entity)) {
      return false;
    }
    int maxAttempts = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    return entity.getAttempts() >= maxAttempts || entity.getLockExpirationTime() != null
        && entity.getLockExpirationTime().after(ClockUtil.getCurrentTime());
  }
}
