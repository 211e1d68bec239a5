package org.bangfu.measure;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MeasureMapper {

  void insert(Measure measure);

  int attachProcess(@Param("id") Long id, @Param("processInstanceId") String processInstanceId);

  int assignToPlan(@Param("id") Long id, @Param("planId") Long planId,
      @Param("dueDate") java.time.LocalDate dueDate);

  Measure findById(@Param("id") Long id);

  List<Measure> findByCase(@Param("caseId") Long caseId);

  /** Records a delivery once: 0 rows when the measure is no longer open. */
  int recordResult(Measure measure);

  int cancel(@Param("id") Long id);
}
