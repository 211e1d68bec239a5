package org.bangfu.message;

/**
 * What a message is about. Every kind is in the message centre; by mail only the kinds that were mailed before there
 * was a message centre go out unless the user chooses otherwise, and nothing goes to a group robot unless the user
 * chooses it.
 */
public enum MessageKind {
  NEW_TASK("新待办", false),
  RETURN("退回", false),
  REMINDER("到期提醒", true),
  ESCALATION("逾期督办", true),
  CC("抄送", true),
  URGE("催办", true),
  DIGEST("督导日报", true),
  /** a household with an open case was changed by a load of the county's registry */
  REGISTRY("名册更新", false);

  private final String label;
  private final boolean mailedByDefault;

  MessageKind(String label, boolean mailedByDefault) {
    this.label = label;
    this.mailedByDefault = mailedByDefault;
  }

  public String label() {
    return label;
  }

  /** Whether a user who chose nothing gets this kind through the channel. */
  public boolean byDefault(OutboundChannel channel) {
    return channel == OutboundChannel.MAIL && mailedByDefault;
  }
}
