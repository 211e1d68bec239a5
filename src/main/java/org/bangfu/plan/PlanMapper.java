package org.bangfu.plan;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface PlanMapper {

  void insert(Plan plan);

  void insertMeasure(PlanMeasure measure);

  /** Draft measures are replaced on every save; approved versions are never touched. */
  int deleteDraftMeasures(@Param("planId") Long planId);

  int updateDraft(Plan plan);

  int approve(@Param("id") Long id, @Param("approvedBy") String approvedBy,
      @Param("approvedAt") java.time.LocalDateTime approvedAt);

  int supersede(@Param("caseId") Long caseId, @Param("keepId") Long keepId);

  Plan findById(@Param("id") Long id);

  List<Plan> findByCase(@Param("caseId") Long caseId);

  List<PlanMeasure> findMeasures(@Param("planId") Long planId);

  int maxVersion(@Param("caseId") Long caseId);
}
