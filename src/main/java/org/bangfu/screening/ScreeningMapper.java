package org.bangfu.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ScreeningMapper {

  /**
   * A household's figures for periodic monitoring and the what-if: income of the 12 months evaluated and of the 12
   * before, its open case, and what 人社 pushed about its workers from the start of the window's last year to its end.
   */
  record HouseholdFigures(Long householdId, String headName, String villageCode, String householdKind, int members,
      BigDecimal currentIncome, BigDecimal currentRigid, int currentMonths, BigDecimal previousIncome,
      int previousMonths, Long openCaseId, String openCaseStatus, int workersWithoutJob, Integer workerMonths,
      boolean relocated) {
  }

  /** A periodic run: {@code status} RUNNING until every township is listed, then DONE. */
  record Run(Long id, String runKey, String kind, String incomeFrom, String incomeTo, int households, int flagged,
      String processInstanceId, LocalDateTime startedAt, String requestedBy, String status) {
  }

  record Flag(Long id, Long runId, String kind, Long householdId, String headName, String villageCode,
      String townshipCode, int listNo, String reasons, String riskType, BigDecimal perCapitaIncome, Long openCaseId,
      String outcome, Long caseId, String note, String handledBy) {
  }

  List<HouseholdFigures> householdFigures(@Param("regionPrefix") String regionPrefix,
      @Param("previousFrom") String previousFrom, @Param("currentFrom") String currentFrom,
      @Param("currentTo") String currentTo, @Param("yearStart") LocalDate yearStart,
      @Param("windowEnd") LocalDate windowEnd);

  Run findRun(@Param("runKey") String runKey, @Param("kind") String kind);

  Run findRunById(@Param("id") Long id);

  /** A run that has listed nobody yet (RUNNING). */
  void insertRun(@Param("runKey") String runKey, @Param("kind") String kind, @Param("incomeFrom") String from,
      @Param("incomeTo") String to, @Param("processInstanceId") String processInstanceId,
      @Param("startedAt") LocalDateTime startedAt, @Param("requestedBy") String requestedBy);

  void insertRunLock(@Param("runKey") String runKey, @Param("kind") String kind);

  /** Locks the period's row for this transaction; null when another transaction holds it. */
  String lockRun(@Param("runKey") String runKey, @Param("kind") String kind);

  int takeOverRun(@Param("id") Long id, @Param("from") String fromInstance, @Param("to") String toInstance);

  List<String> registryTownships();

  List<String> findRunParts(@Param("runId") Long runId, @Param("kind") String kind);

  void insertRunPart(@Param("runId") Long runId, @Param("kind") String kind, @Param("township") String township,
      @Param("households") int households, @Param("flagged") int flagged,
      @Param("startedAt") LocalDateTime startedAt, @Param("doneAt") LocalDateTime doneAt);

  void finishRun(@Param("id") Long id, @Param("kind") String kind);

  /** The latest runs of both kinds, newest first. */
  List<Run> findRuns(@Param("limit") int limit);

  void insertFlags(@Param("flags") List<Flag> flags);

  List<String> findTownships(@Param("runId") Long runId, @Param("kind") String kind);

  List<String> findVillages(@Param("runId") Long runId, @Param("kind") String kind);

  List<Flag> findFlags(@Param("runId") Long runId, @Param("kind") String kind,
      @Param("regionPrefix") String regionPrefix);

  int markFlag(@Param("id") Long id, @Param("outcome") String outcome, @Param("caseId") Long caseId,
      @Param("note") String note, @Param("handledBy") String handledBy, @Param("at") LocalDateTime at);
}
