package org.bangfu.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine queries the system makes for a user, whatever that user may read (the e-mail addresses of a task's
 * candidates, for example), or as a given user, with exactly that user's authorizations: the caller's engine
 * authentication is set aside for the query and restored after.
 */
public final class SystemQueries {

  private SystemQueries() {
  }

  public static <T> T run(IdentityService identityService, Supplier<T> query) {
    return in(identityService, null, query);
  }

  /** The work run with the engine authentication of this user in these groups. */
  public static <T> T asUser(IdentityService identityService, String userId, List<String> groups, Supplier<T> work) {
    return in(identityService, new Authentication(userId, groups), work);
  }

  private static <T> T in(IdentityService identityService, Authentication authentication, Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (authentication == null) {
      identityService.clearAuthentication();
    } else {
      identityService.setAuthentication(authentication);
    }
    try {
      return work.get();
    } finally {
      if (caller == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(caller);
      }
    }
  }
}
