package org.bangfu.message;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message centre (站内信) of the signed-in user — only their own messages, whatever ids they try — and their
 * choice of channels: which kinds of message also come by mail, WeCom or DingTalk, and the mobile number the robots
 * mention them by.
 */
@RestController
@RequestMapping("/api/messages")
public class MessageController {

  public record MessageView(Long id, String kind, String kindLabel, String title, String body, Long caseId,
      String taskId, LocalDateTime createdAt, boolean read) {
  }

  public record Page(List<MessageView> messages, int unread) {
  }

  public record ChannelView(String channel, String label, boolean available, String note) {
  }

  public record KindView(String kind, String label, Map<String, Boolean> channels) {
  }

  public record Settings(String mobile, List<ChannelView> channels, List<KindView> kinds) {
  }

  public record SettingsRequest(String mobile, Map<String, Map<String, Boolean>> choices) {
  }

  private final MessageMapper mapper;
  private final Messages messages;
  private final CurrentUser currentUser;

  public MessageController(MessageMapper mapper, Messages messages, CurrentUser currentUser) {
    this.mapper = mapper;
    this.messages = messages;
    this.currentUser = currentUser;
  }

  @GetMapping
  public Page page(@RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(required = false) Long before, @RequestParam(defaultValue = "20") int size) {
    if (size < 1 || size > 100) {
      throw InvalidInputException.of("size", "每页条数应在1到100之间");
    }
    String user = currentUser.get().id();
    List<MessageView> views = mapper.page(user, unread, before, size).stream().map(m -> new MessageView(m.id(),
        m.kind(), MessageKind.valueOf(m.kind()).label(), m.title(), m.body(), m.caseId(), m.taskId(), m.createdAt(),
        m.readAt() != null)).toList();
    return new Page(views, mapper.unread(user));
  }

  @GetMapping("/unread")
  public Map<String, Integer> unread() {
    return Map.of("unread", mapper.unread(currentUser.get().id()));
  }

  @PostMapping("/{id}/read")
  public ResponseEntity<Void> read(@PathVariable long id) {
    String user = currentUser.get().id();
    if (mapper.markRead(id, user, EngineClock.now()) == 0
        && mapper.page(user, false, id + 1, 1).stream().noneMatch(m -> m.id() == id)) {
      throw new NotFoundException("消息不存在");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/read-all")
  public Map<String, Integer> readAll() {
    return Map.of("marked", mapper.markAllRead(currentUser.get().id(), EngineClock.now()));
  }

  @GetMapping("/settings")
  public Settings settings() {
    BangfuUser user = currentUser.get();
    Choices choices = new Choices(mapper.choices(List.of(user.id())));
    List<ChannelView> channels = new ArrayList<>();
    Map<OutboundChannel, Robot> robots = messages.robotsOf(user.id());
    for (OutboundChannel channel : OutboundChannel.values()) {
      boolean available = channel == OutboundChannel.MAIL || robots.containsKey(channel);
      channels.add(new ChannelView(channel.name(), channel.label(), available,
          available ? null : "本县尚未配置" + channel.label() + "机器人"));
    }
    List<KindView> kinds = new ArrayList<>();
    for (MessageKind kind : MessageKind.values()) {
      Map<String, Boolean> chosen = new LinkedHashMap<>();
      for (OutboundChannel channel : OutboundChannel.values()) {
        chosen.put(channel.name(), choices.wants(user.id(), channel, kind));
      }
      kinds.add(new KindView(kind.name(), kind.label(), chosen));
    }
    String mobile = mapper.contacts(List.of(user.id())).stream().map(MessageMapper.Contact::mobile).findFirst()
        .orElse(null);
    return new Settings(mobile, channels, kinds);
  }

  /** Saves the whole choice: every kind and channel the request names; the others keep their defaults. */
  @PutMapping("/settings")
  @Transactional
  public Settings save(@RequestBody SettingsRequest request) {
    String user = currentUser.get().id();
    String mobile = request.mobile() == null || request.mobile().isBlank() ? null : request.mobile().trim();
    if (mobile != null && !mobile.matches("1[3-9]\\d{9}")) {
      throw InvalidInputException.of("mobile", "手机号应为11位数字，以1开头");
    }
    List<MessageMapper.Choice> rows = new ArrayList<>();
    if (request.choices() != null) {
      for (Map.Entry<String, Map<String, Boolean>> kind : request.choices().entrySet()) {
        MessageKind messageKind = parse(MessageKind.class, kind.getKey(), "choices", "消息类型 " + kind.getKey()
            + " 不存在");
        if (kind.getValue() == null) {
          continue;
        }
        for (Map.Entry<String, Boolean> channel : kind.getValue().entrySet()) {
          OutboundChannel outbound = parse(OutboundChannel.class, channel.getKey(), "choices",
              "渠道 " + channel.getKey() + " 不存在");
          if (channel.getValue() == null) {
            throw InvalidInputException.of("choices", "请为每个渠道选择是或否");
          }
          rows.add(new MessageMapper.Choice(user, outbound.name(), messageKind.name(), channel.getValue()));
        }
      }
    }
    mapper.deleteChoices(user);
    rows.forEach(mapper::insertChoice);
    mapper.deleteContact(user);
    if (mobile != null) {
      mapper.insertContact(user, mobile, EngineClock.now());
    }
    return settings();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.of(field, message);
    }
  }
}
