package org.bangfu.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A browser's sign-in to one of the Camunda webapps (Tasklist, Cockpit, Admin): the session cookie and the webapp's
 * CSRF token, as the webapps' own pages send them.
 */
public final class WebappSession {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser;
  /** The answer to the sign-in (200 when the user may use the webapp). */
  private HttpResponse<String> login;

  private WebappSession(String base) {
    this.base = base;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Opens the webapp's page, signs in as the webapp's login form does, and opens the page again. */
  public static WebappSession signIn(String base, String app, String user, String password) throws Exception {
    WebappSession session = new WebappSession(base);
    session.page(app);
    session.login = session.browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", session.csrfToken().orElse(""))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (session.login.statusCode() == 200) {
      session.page(app);
    }
    return session;
  }

  public HttpResponse<String> login() {
    return login;
  }

  private void page(String app) throws IOException, InterruptedException {
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/")).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** The token the webapp's scripts send with every write (from its XSRF-TOKEN cookie). */
  public Optional<String> csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((a, b) -> b).map(java.net.HttpCookie::getValue);
  }

  /** The id of the session the webapp's sign-in made (its JSESSIONID cookie). */
  public String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .reduce((a, b) -> b).map(java.net.HttpCookie::getValue).orElseThrow();
  }

  public HttpResponse<String> get(String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A JSON write with the webapp's CSRF token, or with {@code token} instead when given (null: none at all). */
  public HttpResponse<String> post(String path, String json, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Any JSON request with the webapp's CSRF token (a body only where there is one). */
  public HttpResponse<String> send(String method, String path, String json) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("X-XSRF-TOKEN", csrfToken().orElse(""))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A JSON PUT with the webapp's CSRF token, as Cockpit's variable editor sends it. */
  public HttpResponse<String> put(String path, String json) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("X-XSRF-TOKEN", csrfToken().orElse("")).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String path, String json) throws Exception {
    return post(path, json, csrfToken().orElse(""));
  }

  /** A query as the webapp's scripts send it, answered as HAL (the task list with its count and embedded links). */
  public HttpResponse<String> postHal(String path, String json) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json, application/json")
        .header("X-XSRF-TOKEN", csrfToken().orElse("")).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
