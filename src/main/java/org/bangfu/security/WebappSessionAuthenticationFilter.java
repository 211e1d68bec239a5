package org.bangfu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone signed in to Tasklist may use the application's API from the same browser (the case pages, the approver
 * operations in Tasklist) without a second sign-in: the user and groups of the webapp session are taken over for
 * reading requests, and for writing requests only when they carry the webapp's CSRF token ({@code X-XSRF-TOKEN},
 * equal to the one kept in the session), which another site cannot read — so the session cookie alone cannot be
 * used for cross-site writes. Without a session, HTTP Basic as before.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  /** Where Camunda's CsrfPreventionFilter keeps the session's token. */
  public static final String CSRF_TOKEN_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

  private final ProcessEngine engine;

  public WebappSessionAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if ((reading || session != null && carriesSessionToken(request, session)) && session != null && request.getHeader("Authorization") == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication authentication = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(engine.getName());
      if (authentication instanceof UserAuthentication user) {
        var groups = user.getGroupIds() == null ? java.util.List.<SimpleGrantedAuthority>of()
            : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
      }
    }
    chain.doFilter(request, response);
  }

  /** The webapp's CSRF token (Camunda's CsrfPreventionFilter keeps it in the session) sent back as a header. */
  static boolean carriesSessionToken(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_TOKEN_ATTRIBUTE);
    String sent = request.getHeader("X-XSRF-TOKEN");
    return expected instanceof String token && sent != null && java.security.MessageDigest.isEqual(
        token.getBytes(java.nio.charset.StandardCharsets.UTF_8), sent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
