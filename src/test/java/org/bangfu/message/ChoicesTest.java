package org.bangfu.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesTest {

  @Test
  void withoutAChoiceTheKindsThatWereMailedAreMailedAndNothingGoesToARobot() {
    Choices none = new Choices(List.of());
    assertThat(none.wants("u", OutboundChannel.MAIL, MessageKind.REMINDER)).isTrue();
    assertThat(none.wants("u", OutboundChannel.MAIL, MessageKind.ESCALATION)).isTrue();
    assertThat(none.wants("u", OutboundChannel.MAIL, MessageKind.NEW_TASK)).isFalse();
    assertThat(none.wants("u", OutboundChannel.MAIL, MessageKind.RETURN)).isFalse();
    for (MessageKind kind : MessageKind.values()) {
      assertThat(none.wants("u", OutboundChannel.WECOM, kind)).isFalse();
      assertThat(none.wants("u", OutboundChannel.DINGTALK, kind)).isFalse();
    }
  }

  @Test
  void aUsersChoiceOverridesTheDefaultForThatUserKindAndChannelOnly() {
    Choices chosen = new Choices(List.of(new MessageMapper.Choice("u", "MAIL", "REMINDER", false),
        new MessageMapper.Choice("u", "WECOM", "NEW_TASK", true)));
    assertThat(chosen.wants("u", OutboundChannel.MAIL, MessageKind.REMINDER)).isFalse();
    assertThat(chosen.wants("u", OutboundChannel.MAIL, MessageKind.URGE)).isTrue();
    assertThat(chosen.wants("u", OutboundChannel.WECOM, MessageKind.NEW_TASK)).isTrue();
    assertThat(chosen.wants("u", OutboundChannel.DINGTALK, MessageKind.NEW_TASK)).isFalse();
    assertThat(chosen.wants("other", OutboundChannel.MAIL, MessageKind.REMINDER)).isTrue();
  }
}
