package org.bangfu.mail;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface OutboxMapper {

  /** Inserts the mail unless one with the same dedup key exists: 1 when inserted, 0 when it was already there. */
  int insertIfAbsent(OutboxMail mail);

  List<OutboxMail> findDue(@Param("now") LocalDateTime now, @Param("limit") int limit);

  /** Claims a due mail for this attempt (another node that claimed it first wins): 1 when claimed. */
  int claim(@Param("id") Long id, @Param("attempts") int attempts, @Param("until") LocalDateTime until);

  int markSent(@Param("id") Long id, @Param("sentAt") LocalDateTime sentAt);

  int markFailed(@Param("id") Long id, @Param("status") String status, @Param("nextAttemptAt") LocalDateTime next,
      @Param("error") String error);

  List<OutboxMail> findByKindPrefix(@Param("prefix") String dedupPrefix);

  int countByStatus(@Param("status") String status);
}
