package org.bangfu.message;

import java.time.LocalDateTime;

/**
 * An outbound copy of a message in the outbox: a mail (recipient: the address) or a group robot's post (recipient:
 * {@code robot:<id>}, mentions: the mobile numbers it @-mentions).
 */
public record OutboxEntry(Long id, String dedupKey, String kind, String channel, String recipient, String mentions,
    String subject, String body, Long caseId, String status, int attempts, LocalDateTime nextAttemptAt,
    String lastError, LocalDateTime createdAt, LocalDateTime sentAt) {

  public OutboundChannel outboundChannel() {
    return OutboundChannel.valueOf(channel);
  }
}
