package org.bangfu.message;

import java.time.LocalDateTime;
import org.bangfu.shared.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages and the outbox's finished copies (sent or given up) older than {@code bangfu.messages.keep-for} are
 * deleted each night: they name households and people, and the case's own record is its audit. A cause still met
 * after that (a task overdue for more than a year) is told again.
 */
@Component
public class MessageRetention {

  private static final Logger LOG = LoggerFactory.getLogger(MessageRetention.class);

  private final MessageMapper messages;
  private final OutboxMapper outbox;
  private final MessageProperties properties;

  public MessageRetention(MessageMapper messages, OutboxMapper outbox, MessageProperties properties) {
    this.messages = messages;
    this.outbox = outbox;
    this.properties = properties;
  }

  @Scheduled(cron = "${bangfu.messages.retention-cron:0 40 3 * * *}")
  public void scheduled() {
    sweep();
  }

  /** @return the messages and outbox rows deleted */
  @Transactional
  public int sweep() {
    LocalDateTime before = EngineClock.now().minus(properties.keepFor());
    int deleted = messages.deleteCreatedBefore(before) + outbox.deleteFinishedBefore(before);
    if (deleted > 0) {
      LOG.info("deleted {} messages and outbox entries created before {}", deleted, before);
    }
    return deleted;
  }
}
