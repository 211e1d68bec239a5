package org.bangfu.message;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface OutboxMapper {

  /** Inserts the entry unless one with the same dedup key exists: 1 when inserted, 0 when it was already there. */
  int insertIfAbsent(OutboxEntry entry);

  List<OutboxEntry> findDue(@Param("now") LocalDateTime now, @Param("channel") String channel,
      @Param("limit") int limit);

  /** Claims a due entry for this attempt (another node that claimed it first wins): 1 when claimed. */
  int claim(@Param("id") Long id, @Param("attempts") int attempts, @Param("until") LocalDateTime until);

  int markSent(@Param("id") Long id, @Param("sentAt") LocalDateTime sentAt);

  int markFailed(@Param("id") Long id, @Param("status") String status, @Param("nextAttemptAt") LocalDateTime next,
      @Param("error") String error);

  int postpone(@Param("id") Long id, @Param("nextAttemptAt") LocalDateTime next, @Param("error") String error);

  /** How many entries went to this recipient (an address, a robot) since then: a robot's rate. */
  int sentSince(@Param("recipient") String recipient, @Param("since") LocalDateTime since);

  /** Sent and given-up entries created before then (pending ones stay, however old). */
  int deleteFinishedBefore(@Param("before") LocalDateTime before);

  List<OutboxEntry> findByKindPrefix(@Param("prefix") String dedupPrefix);

  int countByStatus(@Param("status") String status);

  int countByRecipientAndStatus(@Param("recipient") String recipient, @Param("status") String status);
}
