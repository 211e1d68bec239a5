package org.bangfu.message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which channels users chose for which kinds of message: their explicit choices over the kinds' defaults. The message
 * centre always has every message; it is not a choice.
 */
final class Choices {

  private final Map<String, Boolean> explicit = new HashMap<>();

  Choices(List<MessageMapper.Choice> rows) {
    rows.forEach(r -> explicit.put(key(r.userId(), r.channel(), r.kind()), r.enabled()));
  }

  boolean wants(String userId, OutboundChannel channel, MessageKind kind) {
    Boolean chosen = explicit.get(key(userId, channel.name(), kind.name()));
    return chosen != null ? chosen : kind.byDefault(channel);
  }

  private static String key(String userId, String channel, String kind) {
    return userId + "|" + channel + "|" + kind;
  }
}
