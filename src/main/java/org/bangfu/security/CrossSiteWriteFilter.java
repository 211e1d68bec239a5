package org.bangfu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser sends what it has for this server with any request, whichever site the page came from: the webapps'
 * session cookie, and HTTP Basic credentials it remembers after a sign-in prompt (the API documentation, the
 * actuator). The webapps' CSRF token covers the session, not remembered Basic credentials, so a form on another site
 * could post to a bodyless {@code /api} write. Every write (POST, PUT, PATCH, DELETE) that a browser marks as coming
 * from another site is refused here, before any sign-in, on every door: {@code /api}, {@code /engine-rest}, the
 * documentation and the webapps.
 * <ul>
 *   <li>{@code Sec-Fetch-Site} (sent by current browsers, set by the browser, not the page) decides when present:
 *       {@code cross-site} and {@code same-site} are refused, {@code same-origin} and {@code none} (typed by the user)
 *       pass. It does not depend on the address a reverse proxy shows the server;</li>
 *   <li>without it, an {@code Origin} that is not this server's (its {@code Host}, or the proxy's
 *       {@code X-Forwarded-Host}), or {@code null}, is refused;</li>
 *   <li>with neither — curl, Java and other API clients, which send no remembered credentials — the request goes on
 *       to its sign-in as before.</li>
 * </ul>
 * Refusals are 403 with a Chinese message, in the engine's error form on the engine's and the webapps' APIs and in
 * ours elsewhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the request id, before Spring Security and the engine's filters
public class CrossSiteWriteFilter extends OncePerRequestFilter {

  static final String MESSAGE = "已拒绝来自其他网站的写操作：请在本系统的页面中操作";

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (WRITES.contains(request.getMethod().toUpperCase(Locale.ROOT)) && fromAnotherSite(request)) {
      org.bangfu.shared.ErrorBodies.forDoor(request, response, 403, "AuthorizationException", MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean fromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      String s = site.trim().toLowerCase(Locale.ROOT);
      return s.equals("cross-site") || s.equals("same-site");
    }
    String origin = request.getHeader("Origin");
    return origin != null && !isOwn(origin, request);
  }

  /** The origin's host and port are the ones the browser addressed: the Host header, or the proxy's forwarded one. */
  private static boolean isOwn(String origin, HttpServletRequest request) {
    String authority = authority(origin);
    if (authority == null) {
      return false; // "null" (a sandboxed frame, a redirect from elsewhere) or not an origin at all
    }
    String host = request.getHeader("Host");
    String forwarded = request.getHeader("X-Forwarded-Host");
    return authority.equalsIgnoreCase(withoutDefaultPort(host, origin))
        || forwarded != null && authority.equalsIgnoreCase(withoutDefaultPort(forwarded.split(",")[0].trim(), origin));
  }

  private static String authority(String origin) {
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      return uri.getPort() < 0 || uri.getPort() == defaultPort(uri.getScheme()) ? uri.getHost()
          : uri.getHost() + ":" + uri.getPort();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String withoutDefaultPort(String hostHeader, String origin) {
    if (hostHeader == null) {
      return "";
    }
    String scheme = origin.trim().toLowerCase(Locale.ROOT).startsWith("https:") ? "https" : "http";
    String suffix = ":" + defaultPort(scheme);
    return hostHeader.endsWith(suffix) ? hostHeader.substring(0, hostHeader.length() - suffix.length()) : hostHeader;
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
