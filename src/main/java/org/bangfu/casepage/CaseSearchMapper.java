package org.bangfu.casepage;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The record of case searches (bf_case_search). */
@Mapper
public interface CaseSearchMapper {

  void insert(@Param("userId") String userId, @Param("kind") String kind, @Param("text") String text,
      @Param("count") int count, @Param("at") LocalDateTime at);
}
