package org.bangfu.message;

/** Where a copy of a message goes besides the message centre. */
public enum OutboundChannel {
  MAIL("邮件"),
  /** a 企业微信 group robot of the user's county or group, mentioning the user by mobile number */
  WECOM("企业微信群"),
  /** a 钉钉 group robot of the user's county or group, mentioning the user by mobile number */
  DINGTALK("钉钉群");

  private final String label;

  OutboundChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isRobot() {
    return this != MAIL;
  }
}
