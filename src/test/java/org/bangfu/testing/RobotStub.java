package org.bangfu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for WeCom's and DingTalk's group robot endpoints, over real HTTP on 127.0.0.1: it checks what
 * the vendors check (WeCom: a known key and a text message; DingTalk: a known access token and a valid 加签
 * signature no older than an hour), answers as they answer (200 with an errcode) and keeps every post it accepted.
 * It can be stopped (an outage: connections refused), made to answer 500 or to refuse for the rate limit.
 */
public final class RobotStub implements AutoCloseable {

  public static final String WECOM_PATH = "/cgi-bin/webhook/send";
  public static final String DINGTALK_PATH = "/robot/send";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A post the stub accepted. */
  public record Post(String channel, String robot, String content, List<String> mentions) {
  }

  /** How the stub answers the next posts. */
  public enum Mode { OK, SERVER_ERROR, RATE_LIMITED }

  private final int port;
  private final Map<String, String> dingTalkSecrets = new HashMap<>();
  private final List<String> weComKeys = new ArrayList<>();
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.OK;
  private volatile int refused;
  private HttpServer server;

  public RobotStub(int port) {
    this.port = port;
  }

  public RobotStub weCom(String key) {
    weComKeys.add(key);
    return this;
  }

  public RobotStub dingTalk(String accessToken, String secret) {
    dingTalkSecrets.put(accessToken, secret);
    return this;
  }

  public RobotStub start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(WECOM_PATH, this::weComPost);
    server.createContext(DINGTALK_PATH, this::dingTalkPost);
    server.start();
    return this;
  }

  public void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  public List<Post> posts() {
    return List.copyOf(posts);
  }

  /** Posts answered with an error (bad signature, unknown key, the mode's refusals). */
  public int refused() {
    return refused;
  }

  private void weComPost(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange);
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    if (!weComKeys.contains(query.get("key"))) {
      answer(exchange, 200, 93000, "invalid webhook url");
      return;
    }
    if (modeAnswered(exchange, 45009)) {
      return;
    }
    if (!"text".equals(body.path("msgtype").asText())) {
      answer(exchange, 200, 40008, "invalid message type");
      return;
    }
    List<String> mentions = new ArrayList<>();
    body.path("text").path("mentioned_mobile_list").forEach(m -> mentions.add(m.asText()));
    posts.add(new Post("WECOM", query.get("key"), body.path("text").path("content").asText(), mentions));
    answer(exchange, 200, 0, "ok");
  }

  private void dingTalkPost(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange);
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String secret = dingTalkSecrets.get(query.get("access_token"));
    if (secret == null) {
      answer(exchange, 200, 300001, "token is not exist");
      return;
    }
    long timestamp = Long.parseLong(query.getOrDefault("timestamp", "0"));
    if (Math.abs(System.currentTimeMillis() - timestamp) > 3_600_000L
        || !signature(timestamp, secret).equals(query.get("sign"))) {
      answer(exchange, 200, 310000, "sign not match");
      return;
    }
    if (modeAnswered(exchange, 130101)) {
      return;
    }
    List<String> mentions = new ArrayList<>();
    body.path("at").path("atMobiles").forEach(m -> mentions.add(m.asText()));
    posts.add(new Post("DINGTALK", query.get("access_token"), body.path("text").path("content").asText(), mentions));
    answer(exchange, 200, 0, "ok");
  }

  private boolean modeAnswered(HttpExchange exchange, int rateLimitCode) throws IOException {
    if (mode == Mode.SERVER_ERROR) {
      answer(exchange, 502, -1, "bad gateway");
      return true;
    }
    if (mode == Mode.RATE_LIMITED) {
      answer(exchange, 200, rateLimitCode, "send too fast");
      return true;
    }
    return false;
  }

  /** The signature as DingTalk computes it; the query string carries it URL-encoded, decoded here. */
  static String signature(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(
          mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> values = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }

  private void answer(HttpExchange exchange, int status, int errcode, String errmsg) throws IOException {
    if (errcode != 0) {
      refused++;
    }
    byte[] bytes = JSON.writeValueAsBytes(Map.of("errcode", errcode, "errmsg", errmsg));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
