package org.bangfu.household;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The record of full ID numbers shown (bf_id_number_reveal): appended to, never changed. */
@Mapper
public interface IdNumberRevealMapper {

  void insert(@Param("householdId") Long householdId, @Param("memberId") Long memberId,
      @Param("idNumberMasked") String idNumberMasked, @Param("userId") String userId, @Param("reason") String reason,
      @Param("at") LocalDateTime at);
}
