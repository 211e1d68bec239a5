package org.bangfu.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.function.Supplier;
import org.bangfu.engine.SignInCache;
import org.bangfu.engine.SignInThrottle;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's sign-in filter of the engine REST API with HTTP Basic as Camunda checks it, and the sign-ins kept by
 * {@link SignInCache}: a client's next request within the setting costs no password check and no group or tenant
 * query. The groups and tenants handed to the engine are the ones Camunda's filter would read itself.
 *
 * <p>The application's one engine is handed to each request as it is: Camunda's filter looks it up through Java's
 * service loader on every request, which reads the class path's {@code META-INF/services} entries each time (about
 * 2 % of the application's CPU under the benchmarks' API load, docs/benchmarks.md). Another engine name goes
 * Camunda's way (and finds none).
 */
public class EngineRestSignIn extends ProcessEngineAuthenticationFilter {

  private final SignInCache signIns;
  private final SignInThrottle throttle;
  private final Supplier<ProcessEngine> engine;
  private volatile ProcessEngine ours;

  /** @param engine the application's engine (asked for at the first request, once the engine is built) */
  public EngineRestSignIn(SignInCache signIns, SignInThrottle throttle, Supplier<ProcessEngine> engine) {
    this.signIns = signIns;
    this.throttle = throttle;
    this.engine = engine;
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    if (ours == null) {
      ours = engine.get();
    }
    return ours != null && ours.getName().equals(engineName) ? ours : super.getAddressedEngine(engineName);
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new CachedBasic(signIns, throttle);
  }

  /** HTTP Basic as {@link HttpBasicAuthenticationProvider} reads it, a kept sign-in first. */
  static final class CachedBasic extends HttpBasicAuthenticationProvider {

    private final SignInCache signIns;
    private final SignInThrottle throttle;

    CachedBasic(SignInCache signIns, SignInThrottle throttle) {
      this.signIns = signIns;
      this.throttle = throttle;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      String header = request.getHeader("Authorization");
      String[] credentials = header == null || !header.startsWith("Basic ") ? null : decode(header.substring(6));
      if (credentials == null) {
        // no Basic header, or one Camunda's own reading may still understand: Camunda decides
        return super.extractAuthenticatedUser(request, engine);
      }
      String userId = credentials[0];
      String password = credentials[1];
      // a client that must wait is refused whatever it sends, as the password check refuses it (SignInThrottle)
      if (!throttle.waitNow(userId).isZero()) {
        return AuthenticationResult.unsuccessful(userId);
      }
      SignInCache.Known known = signIns.signIn(engine.getIdentityService(), userId, password);
      if (known == null) {
        return AuthenticationResult.unsuccessful(userId);
      }
      AuthenticationResult result = AuthenticationResult.successful(known.userId());
      result.setGroups(known.groups());
      result.setTenants(known.tenants());
      return result;
    }

    /** user and password as Camunda splits them (at the first colon), or null when the header is not plain Base64. */
    private static String[] decode(String encoded) {
      try {
        String decoded = new String(Base64.getDecoder().decode(encoded.trim()));
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
