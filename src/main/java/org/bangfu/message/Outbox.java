package org.bangfu.message;

import java.util.Collection;
import org.bangfu.shared.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The outbound copies of messages, written in the caller's transaction: a copy exists exactly when the step that
 * caused it committed, and {@link OutboxDispatcher} sends it afterwards. One row per dedup key, so the same cause
 * never reaches an address or a robot twice.
 */
@Component
public class Outbox {

  private final OutboxMapper outbox;

  public Outbox(OutboxMapper outbox) {
    this.outbox = outbox;
  }

  /** @return 1 when queued, 0 when this address already had it */
  int mail(Message message, String address, String subject) {
    return outbox.insertIfAbsent(entry(message.key() + "|" + address, message, OutboundChannel.MAIL, address, null,
        subject));
  }

  /** One post to a robot for everyone it concerns there, mentioning those with a mobile number. */
  int post(Message message, Robot robot, Collection<String> mobiles) {
    String mentions = mobiles.isEmpty() ? null : String.join(",", mobiles);
    return outbox.insertIfAbsent(entry(message.key() + "|" + recipient(robot), message, robot.outboundChannel(),
        recipient(robot), mentions, message.title()));
  }

  static String recipient(Robot robot) {
    return "robot:" + robot.id();
  }

  private static OutboxEntry entry(String dedupKey, Message m, OutboundChannel channel, String recipient,
      String mentions, String subject) {
    return new OutboxEntry(null, dedupKey, m.kind().name(), channel.name(), recipient, mentions, subject, m.body(),
        m.caseId(), "PENDING", 0, EngineClock.now(), null, EngineClock.now(), null);
  }
}
