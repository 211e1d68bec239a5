package org.bangfu.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * How a person is named to others: the name as the administrator entered it (first name; the organisation, kept as
 * the last name, in brackets), never the sign-in id unless the user has no name or no longer exists. The engine's
 * own refusals use it too ("该任务已由 王建国（东山村） 认领"), inside a command whatever the user may read.
 */
public final class UserNames {

  private UserNames() {
  }

  /** The name shown for a user. */
  public static String display(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    String last = user.getLastName() == null ? "" : user.getLastName().trim();
    if (first.isEmpty() && last.isEmpty()) {
      return user.getId();
    }
    return last.isEmpty() ? first : first.isEmpty() ? last : first + "（" + last + "）";
  }

  /**
   * The names of these users in the order given, joined with 、, read inside the running engine command without the
   * caller's authorization checks (a cadre may not read the county approver's user, but is told who holds a task).
   */
  public static String inCommand(IdentityService identity, Collection<String> userIds) {
    List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
    if (ids.isEmpty()) {
      return "";
    }
    Map<String, String> names = new HashMap<>();
    CommandContext context = Context.getCommandContext();
    List<User> users = context == null
        ? SystemQueries.run(identity, () -> identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list())
        : context.runWithoutAuthorization(() -> identity.createUserQuery().userIdIn(ids.toArray(String[]::new))
            .list());
    users.forEach(u -> names.put(u.getId(), display(u)));
    return String.join("、", ids.stream().map(id -> names.getOrDefault(id, id)).toList());
  }
}
