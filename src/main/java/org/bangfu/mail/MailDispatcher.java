package org.bangfu.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bangfu.shared.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each mail is claimed first (one sender wins, on any node), sent, then marked SENT; a
 * failure schedules the next attempt with exponential backoff, so while SMTP is down nothing is lost, and once it is
 * back every mail goes out once. (Should a node die between sending and marking, its claim expires after the send
 * timeout and the mail is sent again: SMTP offers no way to ask whether it arrived.)
 */
@Component
public class MailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  private final OutboxMapper outbox;
  private final JavaMailSender sender;
  private final MailProperties properties;

  public MailDispatcher(OutboxMapper outbox, JavaMailSender sender, MailProperties properties) {
    this.outbox = outbox;
    this.sender = sender;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${bangfu.mail.interval:PT15S}", initialDelayString = "PT20S")
  public void scheduled() {
    if (properties.dispatch()) {
      dispatch();
    }
  }

  /** One round: every due mail, in order; returns how many were sent. */
  public int dispatch() {
    int sent = 0;
    List<OutboxMail> due = outbox.findDue(EngineClock.now(), properties.batchSize());
    for (OutboxMail mail : due) {
      if (outbox.claim(mail.id(), mail.attempts(), EngineClock.now().plus(properties.sendTimeout())) == 0) {
        continue;
      }
      int attempt = mail.attempts() + 1;
      try {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        sender.send(message);
        outbox.markSent(mail.id(), EngineClock.now());
        sent++;
      } catch (MailException | jakarta.mail.MessagingException e) {
        boolean giveUp = attempt >= properties.maxAttempts();
        outbox.markFailed(mail.id(), giveUp ? "FAILED" : "PENDING",
            EngineClock.now().plus(properties.backoff(attempt)), truncate(e.getMessage()));
        LOG.warn("mail {} attempt {} failed{}: {}", mail.id(), attempt, giveUp ? ", given up" : "",
            e.getMessage());
        if (isConnectionFailure(e)) {
          break; // SMTP is down: the rest waits for the next round
        }
      }
    }
    return sent;
  }

  /** The server could not be reached (not: this one mail was refused), so the others need not be tried now. */
  static boolean isConnectionFailure(Throwable e) {
    // a MessagingException's cause is its next exception, so the chain covers both
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException || cause instanceof java.net.SocketTimeoutException
          || cause instanceof java.net.UnknownHostException
          || cause.getClass().getSimpleName().equals("MailConnectException")) {
        return true;
      }
    }
    return false;
  }

  private static String truncate(String text) {
    return text == null ? null : text.length() <= 500 ? text : text.substring(0, 500);
  }
}
