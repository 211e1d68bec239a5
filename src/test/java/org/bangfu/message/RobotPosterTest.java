package org.bangfu.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RobotPosterTest {

  /** The value Python's hmac/base64/quote_plus gives for DingTalk's recipe (timestamp + "\n" + secret). */
  @Test
  void dingTalksSignatureIsTheUrlEncodedBase64OfTheHmac() {
    assertThat(RobotPoster.sign(1733385600000L, "SEC0123456789abcdef"))
        .isEqualTo("9gizFSB8Ofi6mIndv%2FNGjR4ab63Lcyf8XegzjR%2F15L0%3D");
  }

  @Test
  void aLongTextIsCutAtACharacterWithinWeComsLimit() {
    String text = "乡".repeat(1000); // 3 bytes each
    String cut = RobotPoster.truncate(text);
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RobotPoster.MAX_CONTENT_BYTES);
    assertThat(cut).endsWith("…").startsWith("乡乡");
    assertThat(cut.length()).isEqualTo(682); // 681 characters of 3 bytes and the ellipsis (3 bytes): 2,046 bytes
    assertThat(RobotPoster.truncate("短消息")).isEqualTo("短消息");
  }
}
