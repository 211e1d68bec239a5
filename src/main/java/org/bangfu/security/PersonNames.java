package org.bangfu.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bangfu.engine.SystemQueries;
import org.bangfu.engine.UserNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The names people are shown by instead of their sign-in ids: a user's name as the administrator entered it (first
 * name; the organisation, kept as the last name, in brackets), 系统 for the system's own steps. A sign-in id that is
 * no user (deleted since) is shown as it is.
 */
@Component
public class PersonNames {

  /** The actor the system's own steps are recorded with. */
  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  public PersonNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String of(String userId) {
    return of(userId == null ? List.of() : List.of(userId)).getOrDefault(userId, "");
  }

  /** The names of these users, by sign-in id, read in one query. */
  public Map<String, String> of(Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    String[] ids = userIds.stream().filter(Objects::nonNull).filter(id -> !SYSTEM.equals(id)).distinct()
        .toArray(String[]::new);
    if (ids.length > 0) {
      // whoever asks, every name is shown (the engine would show a cadre only their own user)
      for (User user : SystemQueries.run(identityService, () -> identityService.createUserQuery().userIdIn(ids)
          .list())) {
        names.put(user.getId(), UserNames.display(user));
      }
    }
    for (String id : userIds) {
      if (id != null) {
        names.putIfAbsent(id, SYSTEM.equals(id) ? "系统" : id);
      }
    }
    return names;
  }

  /** A person to choose in a list: sign-in id and the name shown. */
  public record Person(String id, String name) {
  }

  /** The members of these groups, by name, each once, in the groups' order (sign-in id within a group). */
  public List<Person> membersOf(Collection<String> groups, String except) {
    Map<String, Person> people = new java.util.LinkedHashMap<>();
    for (String group : groups) {
      SystemQueries.run(identityService, () -> identityService.createUserQuery().memberOfGroup(group).list())
          .stream().sorted(java.util.Comparator.comparing(User::getId)).filter(u -> !u.getId().equals(except))
          .forEach(u -> people.putIfAbsent(u.getId(), new Person(u.getId(), UserNames.display(u))));
    }
    return List.copyOf(people.values());
  }

  /** The names of these groups (村委会, 乡镇人民政府…), by group id; a group that does not exist as its id. */
  public Map<String, String> groups(Collection<String> groupIds) {
    Map<String, String> names = new HashMap<>();
    String[] ids = groupIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    if (ids.length > 0) {
      for (Group group : SystemQueries.run(identityService, () -> identityService.createGroupQuery().groupIdIn(ids)
          .list())) {
        names.put(group.getId(), group.getName() == null ? group.getId() : group.getName());
      }
    }
    for (String id : ids) {
      names.putIfAbsent(id, id);
    }
    return names;
  }
}
