package org.bangfu.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** A user with their groups as the engine's identity service has them now, for work done on their behalf. */
@Component
public class EngineUsers {

  private final IdentityService identityService;

  public EngineUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public BangfuUser of(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    return new BangfuUser(userId, groups);
  }
}
