package org.bangfu.message;

import java.time.LocalDateTime;

/**
 * A WeCom or DingTalk group robot of a county, or of one of the county's groups ({@code groupId} empty for the whole
 * county). The webhook URL carries the robot's key (WeCom) or access token (DingTalk), the secret signs DingTalk's
 * requests: both are the county's secrets and never leave the server once saved.
 */
public record Robot(Long id, String channel, String countyCode, String groupId, String name, String webhookUrl,
    String secret, boolean enabled, String updatedBy, LocalDateTime updatedAt) {

  public OutboundChannel outboundChannel() {
    return OutboundChannel.valueOf(channel);
  }
}
