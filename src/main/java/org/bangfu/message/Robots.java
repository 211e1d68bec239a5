package org.bangfu.message;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bangfu.engine.SystemQueries;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.Region;
import org.bangfu.region.RegionService;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county's group robots, kept by the county's administrators ({@code admin-<county>}) or the system administrator:
 * one per channel for the whole county, and one per channel for any of its groups (a township, a department…) that
 * has a chat of its own. A webhook must start with the configured prefix of its channel — the vendor's endpoint — so
 * nobody can make the server post to an address of their choosing; a DingTalk robot needs its 加签 secret.
 */
@Service
public class Robots {

  private static final Logger LOG = LoggerFactory.getLogger(Robots.class);

  /** What an administrator asks for; on a change a blank webhook or secret keeps the saved one. */
  public record RobotRequest(String channel, String countyCode, String groupId, String name, String webhookUrl,
      String secret, Boolean enabled) {
  }

  private final MessageMapper mapper;
  private final OutboxMapper outbox;
  private final RegionService regions;
  private final IdentityService identityService;
  private final MessageProperties properties;
  private final RobotPoster poster;

  public Robots(MessageMapper mapper, OutboxMapper outbox, RegionService regions, IdentityService identityService,
      MessageProperties properties, RobotPoster poster) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.regions = regions;
    this.identityService = identityService;
    this.properties = properties;
    this.poster = poster;
  }

  /** The counties whose robots the user keeps; refuses anyone who keeps none. */
  public Set<String> countiesOf(BangfuUser user) {
    Set<String> counties = new TreeSet<>();
    if (user.isAdmin()) {
      regions.counties().stream().map(Region::code).forEach(counties::add);
    }
    user.groups().stream().filter(g -> g.startsWith(CandidateGroups.COUNTY_ADMIN))
        .map(CandidateGroups::countyOf).filter(java.util.Objects::nonNull).forEach(counties::add);
    if (counties.isEmpty() && !user.isAdmin()) {
      throw new ForbiddenException("只有县级系统管理员可以配置消息机器人");
    }
    return counties;
  }

  /** A county's groups a robot may be kept for (its townships', departments', supervisors'…), by name. */
  public List<org.camunda.bpm.engine.identity.Group> groupsOf(String county) {
    return SystemQueries.run(identityService, () -> identityService.createGroupQuery().orderByGroupId().asc().list())
        .stream().filter(g -> county.equals(CandidateGroups.countyOf(g.getId()))).toList();
  }

  public List<Robot> list(BangfuUser user) {
    Set<String> counties = countiesOf(user);
    return counties.isEmpty() ? List.of() : mapper.robotsOfCounties(counties);
  }

  /** The robot, if it is of one of the user's counties; anything else is "not found". */
  public Robot get(long id, BangfuUser user) {
    Set<String> counties = countiesOf(user); // refuses anyone who keeps no robots, whatever the id
    Robot robot = mapper.robot(id);
    if (robot == null || !counties.contains(robot.countyCode())) {
      throw new NotFoundException("机器人不存在");
    }
    return robot;
  }

  @Transactional
  public Robot create(RobotRequest request, BangfuUser user) {
    Set<String> counties = countiesOf(user);
    List<FieldError> errors = new ArrayList<>();
    OutboundChannel channel = channel(request.channel(), errors);
    String county = request.countyCode() == null ? "" : request.countyCode().trim();
    if (!counties.contains(county)) {
      errors.add(new FieldError("countyCode", "县级区划代码不正确，或不是您管理的县"));
    }
    String group = request.groupId() == null ? "" : request.groupId().trim();
    if (!group.isEmpty() && (!county.equals(CandidateGroups.countyOf(group)) || SystemQueries.run(identityService,
        () -> identityService.createGroupQuery().groupId(group).count()) == 0)) {
      errors.add(new FieldError("groupId", "用户组不存在，或不属于该县"));
    }
    String name = name(request.name(), errors);
    String webhook = webhook(channel, request.webhookUrl(), errors);
    String secret = secret(channel, request.secret(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (mapper.robotOfScope(channel.name(), county, group) != null) {
      throw new ConflictException("该范围已配置" + channel.label() + "机器人，请修改已有的机器人");
    }
    mapper.insertRobot(new Robot(null, channel.name(), county, group, name, webhook, secret,
        request.enabled() == null || request.enabled(), user.id(), EngineClock.now()));
    Robot saved = mapper.robotOfScope(channel.name(), county, group);
    LOG.info("robot {} ({} of {} {}) added by {}", saved.id(), channel, county, group, user.id());
    return saved;
  }

  @Transactional
  public Robot change(long id, RobotRequest request, BangfuUser user) {
    Robot robot = get(id, user);
    OutboundChannel channel = robot.outboundChannel();
    List<FieldError> errors = new ArrayList<>();
    String name = name(request.name(), errors);
    String webhook = blank(request.webhookUrl()) ? robot.webhookUrl() : webhook(channel, request.webhookUrl(), errors);
    String secret = blank(request.secret()) ? robot.secret() : secret(channel, request.secret(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    mapper.updateRobot(new Robot(id, robot.channel(), robot.countyCode(), robot.groupId(), name, webhook, secret,
        request.enabled() == null ? robot.enabled() : request.enabled(), user.id(), EngineClock.now()));
    LOG.info("robot {} changed by {}", id, user.id());
    return mapper.robot(id);
  }

  @Transactional
  public void delete(long id, BangfuUser user) {
    get(id, user);
    mapper.deleteRobot(id);
    LOG.info("robot {} deleted by {}", id, user.id());
  }

  /** Posts a test message at once and says how it went, in the administrator's words. */
  public String test(long id, BangfuUser user) {
    Robot robot = get(id, user);
    try {
      poster.post(robot, "【帮扶】测试消息：" + regions.name(robot.countyCode()) + robot.outboundChannel().label()
          + "机器人“" + robot.name() + "”已接通（" + user.id() + " 发送）。", List.of());
      return "发送成功，请在群里查看测试消息";
    } catch (RobotPoster.PostFailure e) {
      throw new ConflictException("发送失败：" + e.getMessage());
    }
  }

  /** How many posts of the robot wait and how many were given up. */
  public int[] backlog(Robot robot) {
    String recipient = Outbox.recipient(robot);
    return new int[] {outbox.countByRecipientAndStatus(recipient, "PENDING"),
        outbox.countByRecipientAndStatus(recipient, "FAILED")};
  }

  private static OutboundChannel channel(String value, List<FieldError> errors) {
    if ("WECOM".equals(value)) {
      return OutboundChannel.WECOM;
    }
    if ("DINGTALK".equals(value)) {
      return OutboundChannel.DINGTALK;
    }
    errors.add(new FieldError("channel", "渠道应为 WECOM（企业微信）或 DINGTALK（钉钉）"));
    return OutboundChannel.WECOM;
  }

  private static String name(String value, List<FieldError> errors) {
    String name = value == null ? "" : value.trim();
    if (name.isEmpty() || name.length() > 50) {
      errors.add(new FieldError("name", "请填写机器人名称（不超过50字）"));
    }
    return name;
  }

  private String webhook(OutboundChannel channel, String value, List<FieldError> errors) {
    String url = value == null ? "" : value.trim();
    String prefix = properties.webhookPrefix(channel);
    boolean ok = url.length() > prefix.length() && url.length() <= 500 && url.startsWith(prefix)
        && url.chars().noneMatch(c -> Character.isWhitespace(c) || c == '#' || c < 32);
    if (ok) {
      try {
        URI.create(url);
      } catch (IllegalArgumentException e) {
        ok = false;
      }
    }
    if (!ok) {
      errors.add(new FieldError("webhookUrl", channel.label() + "机器人的 Webhook 地址应以 " + prefix
          + " 开头（在群设置的机器人详情中复制）"));
    }
    return url;
  }

  private static String secret(OutboundChannel channel, String value, List<FieldError> errors) {
    String secret = value == null ? "" : value.trim();
    if (channel == OutboundChannel.DINGTALK) {
      if (!secret.matches("SEC[0-9A-Za-z]{10,100}")) {
        errors.add(new FieldError("secret", "钉钉机器人请开启“加签”，并填写以 SEC 开头的密钥"));
      }
      return secret;
    }
    if (!secret.isEmpty()) {
      errors.add(new FieldError("secret", "企业微信群机器人没有加签密钥，请留空（Webhook 地址中的 key 即是密钥）"));
    }
    return null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
