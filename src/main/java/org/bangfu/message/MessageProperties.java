package org.bangfu.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The group robots: the only addresses a robot's webhook may start with (the vendors' public endpoints unless a
 * deployment runs its own, e.g. 政务微信 or 专有钉钉 — a county administrator cannot point the server at any other
 * address), how many posts one robot takes a minute (both vendors allow 20) and how long a post may take; how long
 * messages and the outbox's sent or given-up copies are kept (a case's record is its audit, not its messages).
 */
@ConfigurationProperties(prefix = "bangfu.messages")
public record MessageProperties(String wecomWebhookPrefix, String dingtalkWebhookPrefix, int robotPostsPerMinute,
    Duration robotTimeout, Duration keepFor) {

  public MessageProperties {
    wecomWebhookPrefix = wecomWebhookPrefix == null ? "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key="
        : wecomWebhookPrefix;
    dingtalkWebhookPrefix = dingtalkWebhookPrefix == null ? "https://oapi.dingtalk.com/robot/send?access_token="
        : dingtalkWebhookPrefix;
    robotPostsPerMinute = robotPostsPerMinute <= 0 ? 20 : robotPostsPerMinute;
    robotTimeout = robotTimeout == null ? Duration.ofSeconds(10) : robotTimeout;
    keepFor = keepFor == null ? Duration.ofDays(365) : keepFor;
  }

  public String webhookPrefix(OutboundChannel channel) {
    return switch (channel) {
      case WECOM -> wecomWebhookPrefix;
      case DINGTALK -> dingtalkWebhookPrefix;
      case MAIL -> throw new IllegalArgumentException("mail has no webhook");
    };
  }
}
