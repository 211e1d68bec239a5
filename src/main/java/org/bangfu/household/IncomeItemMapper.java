package org.bangfu.household;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface IncomeItemMapper {

  List<String> findKnownRecordNos(@Param("department") String department, @Param("county") String county,
      @Param("recordNos") List<String> recordNos);

  void insertItems(@Param("items") List<IncomeItem> items, @Param("at") LocalDateTime at);

  List<IncomeItem> findOfHousehold(@Param("householdId") Long householdId, @Param("from") String fromPeriod,
      @Param("to") String toPeriod);
}
