package org.bangfu.message;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bangfu.engine.SystemQueries;
import org.bangfu.region.CandidateGroups;
import org.bangfu.shared.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells users something: each recipient gets the message in their message centre (站内信), and a copy through each
 * channel they chose for its kind — a mail, a post of their county's (or group's) WeCom or DingTalk robot that
 * mentions them — written to the outbox in the caller's transaction. A user has a message of one key once; a robot
 * posts it once for everyone it concerns there.
 */
@Service
@EnableConfigurationProperties({MailProperties.class, MessageProperties.class})
public class Messages {

  static final String MAIL_FOOTER = "\n\n本邮件由帮扶系统自动发送，请勿回复。";

  private final MessageMapper mapper;
  private final Outbox outbox;
  private final IdentityService identityService;
  private final RecipientMapper recipients;

  public Messages(MessageMapper mapper, Outbox outbox, IdentityService identityService, RecipientMapper recipients) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.identityService = identityService;
    this.recipients = recipients;
  }

  /** @return how many users got the message now (not those who had it already) */
  @Transactional
  public int send(Message message, Collection<String> userIds) {
    Set<String> users = new TreeSet<>();
    userIds.stream().filter(Objects::nonNull).forEach(users::add);
    if (users.isEmpty()) {
      return 0;
    }
    // user id → mail address ("" for none); a user removed since the cause was met is not there
    Map<String, String> known = new HashMap<>();
    recipients.users(users).forEach(u -> known.put(u.k(), u.v() == null ? "" : u.v()));
    Choices choices = new Choices(mapper.choices(users));
    Map<String, String> mobiles = new HashMap<>();
    Map<Long, Robot> robots = new LinkedHashMap<>();
    Map<Long, Set<String>> mentioned = new LinkedHashMap<>();
    boolean contactsRead = false;
    int sent = 0;
    for (String userId : users) {
      String email = known.get(userId);
      // a user removed since the cause was met gets nothing
      if (email == null || mapper.insertIfAbsent(message.key() + "|user:" + userId, userId, message,
          EngineClock.now()) == 0) {
        continue;
      }
      sent++;
      if (choices.wants(userId, OutboundChannel.MAIL, message.kind()) && !email.isBlank()) {
        outbox.mail(withFooter(message), email, "【帮扶】" + message.title());
      }
      Map<OutboundChannel, Robot> robotsOfUser = null;
      for (OutboundChannel channel : List.of(OutboundChannel.WECOM, OutboundChannel.DINGTALK)) {
        if (!choices.wants(userId, channel, message.kind())) {
          continue;
        }
        robotsOfUser = robotsOfUser == null ? robotsOf(userId) : robotsOfUser;
        Robot robot = robotsOfUser.get(channel);
        if (robot == null) {
          continue;
        }
        if (!contactsRead) {
          mapper.contacts(users).forEach(c -> mobiles.put(c.userId(), c.mobile()));
          contactsRead = true;
        }
        robots.put(robot.id(), robot);
        Set<String> mobilesOfRobot = mentioned.computeIfAbsent(robot.id(), id -> new LinkedHashSet<>());
        if (mobiles.get(userId) != null) {
          mobilesOfRobot.add(mobiles.get(userId));
        }
      }
    }
    robots.forEach((id, robot) -> outbox.post(message, robot, mentioned.get(id)));
    return sent;
  }

  private static Message withFooter(Message m) {
    return new Message(m.key(), m.kind(), m.title(), m.body() + MAIL_FOOTER, m.caseId(), m.taskId());
  }

  /**
   * The robots that serve a user, by channel: one kept for one of their groups, else their county's; none for a user
   * of no county or a robot switched off. One read of the user's groups and one of their counties' robots.
   */
  Map<OutboundChannel, Robot> robotsOf(String userId) {
    List<String> groups = SystemQueries.run(identityService, () -> identityService.createGroupQuery()
        .groupMember(userId).list()).stream().map(Group::getId).toList();
    Set<String> counties = new TreeSet<>();
    groups.stream().map(CandidateGroups::countyOf).filter(Objects::nonNull).forEach(counties::add);
    Map<OutboundChannel, Robot> robots = new java.util.EnumMap<>(OutboundChannel.class);
    if (counties.isEmpty()) {
      return robots;
    }
    List<Robot> enabled = mapper.robotsOfCounties(counties).stream().filter(Robot::enabled).toList();
    for (OutboundChannel channel : List.of(OutboundChannel.WECOM, OutboundChannel.DINGTALK)) {
      List<Robot> candidates = enabled.stream().filter(r -> r.channel().equals(channel.name())).toList();
      candidates.stream().filter(r -> groups.contains(r.groupId())).findFirst()
          .or(() -> candidates.stream().filter(r -> r.groupId().isEmpty()).findFirst())
          .ifPresent(r -> robots.put(channel, r));
    }
    return robots;
  }

  /** The members of a group, read as the system: who is told must not depend on what the causing user may see. */
  public Set<String> membersOf(String groupId) {
    return membersOf(List.of(groupId)).getOrDefault(groupId, Set.of());
  }

  /** The members of these groups, group by group. */
  public Map<String, Set<String>> membersOf(Collection<String> groupIds) {
    Map<String, Set<String>> members = new HashMap<>();
    if (!groupIds.isEmpty()) {
      recipients.members(groupIds).forEach(m -> members.computeIfAbsent(m.k(), g -> new LinkedHashSet<>()).add(m.v()));
    }
    return members;
  }
}
