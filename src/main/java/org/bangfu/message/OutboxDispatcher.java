package org.bangfu.message;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.shared.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, mails and robot posts alike. Each entry is claimed first (one sender wins, on any
 * node), sent, then marked SENT; a failure schedules the next attempt with exponential backoff, so while a channel is
 * down nothing is lost, and once it is back every entry goes out once. A channel that cannot be reached is left for
 * the next round without holding up the others; a robot gets at most {@code robot-posts-per-minute} posts a minute
 * (the vendors' limit), and a post it refuses for its rate waits a minute without counting as an attempt. (Should a
 * node die between sending and marking, its claim expires after the send timeout and the entry is sent again: neither
 * SMTP nor the robots offer a way to ask whether it arrived.)
 */
@Component
public class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxMapper outbox;
  private final MessageMapper messages;
  private final JavaMailSender sender;
  private final RobotPoster robots;
  private final MailProperties properties;
  private final MessageProperties messageProperties;

  public OutboxDispatcher(OutboxMapper outbox, MessageMapper messages, JavaMailSender sender, RobotPoster robots,
      MailProperties properties, MessageProperties messageProperties) {
    this.outbox = outbox;
    this.messages = messages;
    this.sender = sender;
    this.robots = robots;
    this.properties = properties;
    this.messageProperties = messageProperties;
  }

  @Scheduled(fixedDelayString = "${bangfu.mail.interval:PT15S}", initialDelayString = "PT20S")
  public void scheduled() {
    if (properties.dispatch()) {
      dispatch();
    }
  }

  /** One round: every due entry, in order; returns how many were sent. */
  public int dispatch() {
    int sent = 0;
    Map<String, Integer> robotBudget = new HashMap<>();
    // channel by channel, so that a backlog of one channel that is down does not hold up the others
    for (OutboundChannel channel : OutboundChannel.values()) {
      sent += dispatch(channel, robotBudget);
    }
    return sent;
  }

  private int dispatch(OutboundChannel channel, Map<String, Integer> robotBudget) {
    int sent = 0;
    for (OutboxEntry entry : outbox.findDue(EngineClock.now(), channel.name(), properties.batchSize())) {
      if (channel.isRobot() && robotBudget.computeIfAbsent(entry.recipient(), r -> messageProperties
          .robotPostsPerMinute() - outbox.sentSince(r, EngineClock.now().minusMinutes(1))) <= 0) {
        continue; // this robot's minute is used up: the entry stays due for a later round
      }
      if (outbox.claim(entry.id(), entry.attempts(), EngineClock.now().plus(properties.sendTimeout())) == 0) {
        continue;
      }
      int attempt = entry.attempts() + 1;
      try {
        if (channel.isRobot()) {
          postToRobot(entry);
          robotBudget.merge(entry.recipient(), -1, Integer::sum);
        } else {
          mail(entry);
        }
        outbox.markSent(entry.id(), EngineClock.now());
        sent++;
      } catch (RobotPoster.PostFailure e) {
        if (e.rateLimited()) {
          outbox.postpone(entry.id(), EngineClock.now().plusMinutes(1), truncate(e.getMessage()));
          robotBudget.put(entry.recipient(), 0);
          continue;
        }
        failed(entry, attempt, e.getMessage());
        if (e.unreachable()) {
          break; // the vendor is down: the rest waits for the next round
        }
      } catch (MailException | jakarta.mail.MessagingException e) {
        failed(entry, attempt, e.getMessage());
        if (isConnectionFailure(e)) {
          break; // SMTP is down: the rest waits for the next round
        }
      }
    }
    return sent;
  }

  private void mail(OutboxEntry entry) throws jakarta.mail.MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from());
    helper.setTo(entry.recipient());
    helper.setSubject(entry.subject());
    helper.setText(entry.body());
    sender.send(message);
  }

  private void postToRobot(OutboxEntry entry) throws RobotPoster.PostFailure {
    Robot robot = messages.robot(Long.parseLong(entry.recipient().substring("robot:".length())));
    if (robot == null) {
      throw new RobotPoster.PostFailure("机器人已删除", false, false);
    }
    if (!robot.enabled()) {
      throw new RobotPoster.PostFailure("机器人已停用", false, false);
    }
    List<String> mobiles = entry.mentions() == null ? List.of() : Arrays.asList(entry.mentions().split(","));
    robots.post(robot, "【帮扶】" + entry.subject() + "\n" + entry.body(), mobiles);
  }

  private void failed(OutboxEntry entry, int attempt, String error) {
    boolean giveUp = attempt >= properties.maxAttempts();
    Duration wait = properties.backoff(attempt);
    outbox.markFailed(entry.id(), giveUp ? "FAILED" : "PENDING", EngineClock.now().plus(wait), truncate(error));
    LOG.warn("{} {} attempt {} failed{}: {}", entry.channel(), entry.id(), attempt, giveUp ? ", given up" : "", error);
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
