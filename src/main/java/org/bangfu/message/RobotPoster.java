package org.bangfu.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts a text to a WeCom or DingTalk group robot as their documents describe: a JSON text message that mentions
 * users by mobile number (WeCom {@code text.mentioned_mobile_list}; DingTalk {@code at.atMobiles}, with the numbers
 * in the text), to the robot's webhook — for DingTalk signed with the robot's secret ({@code timestamp} and
 * {@code sign}: Base64 of HmacSHA256 over "timestamp\nsecret", URL-encoded). Both answer 200 with an {@code errcode};
 * 0 is success. No redirect is followed, and a webhook outside the configured prefix is never called.
 */
@Component
public class RobotPoster {

  /** WeCom's limit for a text message is 2,048 bytes; DingTalk's is larger, the same limit keeps posts short. */
  static final int MAX_CONTENT_BYTES = 2048;
  /** "send too fast" (DingTalk) and "api freq out of limit" (WeCom): tried again after a minute. */
  static final List<Integer> RATE_LIMITED = List.of(130101, 45009);

  /** Why a post did not go out. */
  public static class PostFailure extends Exception {
    private final boolean unreachable;
    private final boolean rateLimited;

    PostFailure(String message, boolean unreachable, boolean rateLimited) {
      super(message);
      this.unreachable = unreachable;
      this.rateLimited = rateLimited;
    }

    /** the vendor could not be reached or answered with a server error: the other posts wait for the next round */
    public boolean unreachable() {
      return unreachable;
    }

    public boolean rateLimited() {
      return rateLimited;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessageProperties properties;
  private final HttpClient http;
  private final Clock clock;

  public RobotPoster(MessageProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.robotTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    // DingTalk checks the signature's timestamp against its own clock: wall-clock time, not the case's clock
    this.clock = Clock.systemUTC();
  }

  public void post(Robot robot, String text, List<String> mobiles) throws PostFailure {
    OutboundChannel channel = robot.outboundChannel();
    if (!robot.webhookUrl().startsWith(properties.webhookPrefix(channel))) {
      throw new PostFailure("机器人的 Webhook 地址不在允许的地址范围内", false, false);
    }
    String url = robot.webhookUrl();
    ObjectNode body = JSON.createObjectNode().put("msgtype", "text");
    ObjectNode textNode = body.putObject("text");
    if (channel == OutboundChannel.WECOM) {
      textNode.put("content", truncate(text));
      ArrayNode mentioned = textNode.putArray("mentioned_mobile_list");
      mobiles.forEach(mentioned::add);
    } else {
      String mentions = mobiles.isEmpty() ? "" : "\n" + String.join(" ", mobiles.stream().map(m -> "@" + m).toList());
      textNode.put("content", truncate(text) + mentions);
      ObjectNode at = body.putObject("at");
      ArrayNode atMobiles = at.putArray("atMobiles");
      mobiles.forEach(atMobiles::add);
      at.put("isAtAll", false);
      if (robot.secret() != null && !robot.secret().isBlank()) {
        long timestamp = clock.millis();
        url += "&timestamp=" + timestamp + "&sign=" + sign(timestamp, robot.secret());
      }
    }
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(properties.robotTimeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.net.http.HttpTimeoutException e) {
      throw new PostFailure(channel.label() + "机器人无应答（超过 " + properties.robotTimeout().toSeconds() + " 秒）",
          true, false);
    } catch (IOException e) {
      throw new PostFailure(channel.label() + "机器人无法连接，请检查服务器能否访问该地址（" + e.getClass().getSimpleName()
          + "）", true, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostFailure("发送被中断", true, false);
    }
    if (response.statusCode() >= 500 || response.statusCode() == 429) {
      throw new PostFailure(channel.label() + "机器人服务暂不可用（HTTP " + response.statusCode() + "）", true, false);
    }
    if (response.statusCode() != 200) {
      throw new PostFailure(channel.label() + "机器人拒绝了请求（HTTP " + response.statusCode() + "）", false, false);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new PostFailure(channel.label() + "机器人的应答无法识别", false, false);
    }
    int errcode = answer.path("errcode").asInt(-1);
    if (errcode != 0) {
      throw new PostFailure(channel.label() + "机器人拒绝了消息：errcode " + errcode + " "
          + answer.path("errmsg").asText(""), false, RATE_LIMITED.contains(errcode));
    }
  }

  /** DingTalk's signature of a request: Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)), URL-encoded. */
  static String sign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** At most {@value #MAX_CONTENT_BYTES} bytes of UTF-8, cut at a character, with "…" when cut. */
  static String truncate(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_CONTENT_BYTES) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = 3; // the ellipsis
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > MAX_CONTENT_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }
}
