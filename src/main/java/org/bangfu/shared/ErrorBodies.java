package org.bangfu.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal written by a filter, before any controller or error handler exists for the request, in the form its
 * door's clients read: the engine's {@code {"type","message"}} on the engine REST API and the webapps' APIs (Tasklist,
 * Cockpit and Admin show the message), the application API's {@code {"error"}} elsewhere.
 */
public final class ErrorBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodies() {
  }

  /** The engine's form, {@code {"type","message"}}. */
  public static void engine(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    write(response, status, body);
  }

  /** The application API's form, {@code {"error"}}. */
  public static void api(HttpServletResponse response, int status, String message) throws IOException {
    write(response, status, Map.of("error", message));
  }

  /** The form of the door the request came through: the engine's on /engine-rest and /camunda/, ours elsewhere. */
  public static void forDoor(HttpServletRequest request, HttpServletResponse response, int status, String type,
      String message) throws IOException {
    String uri = request.getRequestURI();
    if (uri.startsWith("/engine-rest") || uri.startsWith("/camunda/")) {
      engine(response, status, type, message);
    } else {
      api(response, status, message);
    }
  }

  private static void write(HttpServletResponse response, int status, Map<String, String> body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
