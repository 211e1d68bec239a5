package org.bangfu.security;

import java.util.List;
import org.bangfu.engine.PasswordRules;
import org.bangfu.inbox.InboxFilter;
import org.bangfu.region.CandidateGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Creates region groups, users and the group-level grants they need. Grants are per group and per resource type,
 * never per task: access to a task comes from the task's region-scoped candidate group (docs/adr/0001).
 */
@Service
public class AccessProvisioning {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final boolean demo;

  public AccessProvisioning(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, @Value("${bangfu.demo.enabled:false}") boolean demo) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.demo = demo;
  }

  /**
   * A region or department group that works in Tasklist: it may open Tasklist and read process definitions.
   *
   * @return the group id
   */
  public String ensureWorkGroup(String groupId, String name) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
      grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    }
    return groupId;
  }

  /**
   * A user with these groups, created when missing (an existing user is left as it is). The password follows the
   * password policy, except in the demo profile: the demo county's documented passwords ({@code demo}, {@code admin})
   * are the demo's, printed in the README, and stay usable there only.
   */
  public void ensureUser(String userId, String firstName, String lastName, String email, String password,
      List<String> groups) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      if (demo) {
        PasswordRules.saveDemoAccount(identityService, user);
      } else {
        identityService.saveUser(user);
      }
    }
    for (String group : groups) {
      if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identityService.createMembership(userId, group);
      }
    }
  }

  /**
   * An administrator: a member of {@value CandidateGroups#ADMIN}, the group made as Camunda makes it for its configured
   * administrator ({@code camunda.bpm.admin-user}) — all permissions on every resource.
   */
  public void ensureAdministrator(String userId, String firstName, String lastName, String password) {
    if (identityService.createGroupQuery().groupId(CandidateGroups.ADMIN).count() == 0) {
      Group group = identityService.newGroup(CandidateGroups.ADMIN);
      group.setName("camunda BPM Administrators");
      group.setType("SYSTEM");
      identityService.saveGroup(group);
    }
    for (Resources resource : Resources.values()) {
      if (authorizationService.createAuthorizationQuery().groupIdIn(CandidateGroups.ADMIN).resourceType(resource)
          .resourceId("*").count() == 0) {
        grant(CandidateGroups.ADMIN, resource, "*", Permissions.ALL);
      }
    }
    ensureUser(userId, firstName, lastName, null, password, List.of(CandidateGroups.ADMIN));
  }

  /** The Tasklist filters every approver starts with ({@link InboxFilter}), as this release defines them. */
  public void ensureStandardFilters() {
    for (InboxFilter filter : InboxFilter.values()) {
      filter.ensure(filterService, authorizationService);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}
