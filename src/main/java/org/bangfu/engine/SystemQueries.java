package org.bangfu.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine queries the system makes for a user, whatever that user may read (the e-mail addresses of a task's
 * candidates, for example): the caller's engine authentication is set aside for the query and restored after.
 */
public final class SystemQueries {

  private SystemQueries() {
  }

  public static <T> T run(IdentityService identityService, Supplier<T> query) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
