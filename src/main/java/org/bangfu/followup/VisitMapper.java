package org.bangfu.followup;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Visits are appended, never changed. */
@Mapper
public interface VisitMapper {

  void insert(Visit visit);

  List<Visit> findByCase(@Param("caseId") Long caseId);
}
