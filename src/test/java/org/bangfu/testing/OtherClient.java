package org.bangfu.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Another computer, as the server sees it: requests sent from another loopback address (127.0.0.2, 127.0.0.3 …, all
 * of 127.0.0.0/8 reaches this machine), so that the server's per-client rules (the sign-in throttle) tell it apart
 * from the tests' usual client. Plain HTTP/1.0 over a socket, as Java's HTTP clients cannot choose the address they
 * send from; it keeps the cookies the server sets, as a browser would.
 */
public final class OtherClient {

  private final String address;
  private final int port;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public OtherClient(String address, int port) {
    this.address = address;
    this.port = port;
  }

  /** An answer: status, headers (names in lower case), body. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** A request with HTTP Basic credentials. */
  public Answer basic(String method, String path, String user, String password) throws IOException {
    return send(method, path, Map.of("Authorization", basicHeader(user, password), "Accept", "application/json"),
        null);
  }

  public static String basicHeader(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The sign-in of Tasklist, Cockpit or Admin as their login page sends it (after opening the page for its token). */
  public Answer webappLogin(String app, String user, String password) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Accept", "application/json");
    headers.put("X-XSRF-TOKEN", pageToken(app));
    return send("POST", "/camunda/api/admin/auth/user/default/login/" + app, headers,
        "username=" + user + "&password=" + password);
  }

  /** Opens a webapp's page, as a visitor does, and returns the CSRF token its scripts send with each write. */
  public String pageToken(String app) throws IOException {
    send("GET", "/camunda/app/" + app + "/", Map.of(), null);
    return cookies.getOrDefault("XSRF-TOKEN", "");
  }

  public Answer send(String method, String path, Map<String, String> headers, String body) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\n")
        .append("Host: localhost:").append(port).append("\r\n").append("Connection: close\r\n");
    headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (!cookies.isEmpty()) {
      request.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).toList())).append("\r\n");
    }
    if (body != null || !"GET".equals(method)) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private Answer read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      if (name.equals("set-cookie")) {
        String pair = value.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    byte[] raw = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
    byte[] body = encoding.contains("chunked") ? unchunk(raw) : raw;
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] raw) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < raw.length) {
      int lineEnd = indexOf(raw, at);
      int size = Integer.parseInt(new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(),
          16);
      if (size == 0) {
        break;
      }
      body.write(raw, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }

  private static int indexOf(byte[] raw, int from) {
    for (int i = from; i < raw.length - 1; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n') {
        return i;
      }
    }
    return raw.length;
  }
}
