package org.bangfu.message;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MessageMapper {

  /** A user's explicit choice of a channel for a kind (no row: the kind's default). */
  record Choice(String userId, String channel, String kind, boolean enabled) {
  }

  record Contact(String userId, String mobile) {
  }

  /** 1 when inserted, 0 when the user already had the message of this key. */
  int insertIfAbsent(@Param("dedupKey") String dedupKey, @Param("userId") String userId, @Param("m") Message message,
      @Param("createdAt") LocalDateTime createdAt);

  /** A page of the user's messages, newest first, before the message {@code beforeId} (null: from the newest). */
  List<UserMessage> page(@Param("userId") String userId, @Param("unreadOnly") boolean unreadOnly,
      @Param("beforeId") Long beforeId, @Param("limit") int limit);

  int unread(@Param("userId") String userId);

  int markRead(@Param("id") long id, @Param("userId") String userId, @Param("at") LocalDateTime at);

  int deleteCreatedBefore(@Param("before") LocalDateTime before);

  int markAllRead(@Param("userId") String userId, @Param("at") LocalDateTime at);

  List<Choice> choices(@Param("users") Collection<String> userIds);

  int deleteChoices(@Param("userId") String userId);

  int insertChoice(Choice choice);

  List<Contact> contacts(@Param("users") Collection<String> userIds);

  int deleteContact(@Param("userId") String userId);

  int insertContact(@Param("userId") String userId, @Param("mobile") String mobile,
      @Param("at") LocalDateTime at);

  // robots

  List<Robot> robotsOfCounties(@Param("counties") Collection<String> counties);

  Robot robot(@Param("id") long id);

  int insertRobot(Robot robot);

  Robot robotOfScope(@Param("channel") String channel, @Param("countyCode") String countyCode,
      @Param("groupId") String groupId);

  int updateRobot(Robot robot);

  int deleteRobot(@Param("id") long id);
}
