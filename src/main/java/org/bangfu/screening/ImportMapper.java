package org.bangfu.screening;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.bangfu.screening.PushRowParser.RowError;

@Mapper
public interface ImportMapper {

  /** A registered person found by ID number, with the household's facts the screening needs. */
  record RegisteredPerson(String idNumber, String name, Long householdId, String villageCode, String householdKind) {
  }

  /** A household's open case (识别中, 监测中 or 持续跟踪). */
  record RunningCase(Long householdId, Long caseId, String status) {
  }

  void insertImport(PushImport pushImport);

  PushImport findImport(@Param("id") Long id);

  PushImport findBySha(@Param("department") String department, @Param("county") String county,
      @Param("sha") String sha);

  List<PushImport> findImports(@Param("countyPrefixes") List<String> counties, @Param("department") String department,
      @Param("limit") int limit);

  /** Imports waiting for a worker: running and not locked by a live one. */
  List<Long> findClaimable(@Param("now") LocalDateTime now);

  /** Takes (or renews) the lease of a running import: 1 when this node holds it now. */
  int claim(@Param("id") Long id, @Param("owner") String owner, @Param("now") LocalDateTime now,
      @Param("until") LocalDateTime until);

  /**
   * Commits a batch's counts and moves the checkpoint from {@code fromRow} to {@code toRow}, in the batch's
   * transaction: 0 when another node took the lease or moved the checkpoint (the batch then rolls back).
   */
  int advance(@Param("id") Long id, @Param("owner") String owner, @Param("fromRow") int fromRow,
      @Param("toRow") int toRow, @Param("flagged") int flagged, @Param("opened") int opened,
      @Param("attached") int attached, @Param("duplicates") int duplicates, @Param("errors") int errors,
      @Param("busyMillis") long busyMillis, @Param("until") LocalDateTime until);

  /** A failed import runs again from its checkpoint: true when it was FAILED. */
  boolean reopen(@Param("id") Long id);

  int finish(@Param("id") Long id, @Param("owner") String owner, @Param("status") String status,
      @Param("failure") String failure, @Param("at") LocalDateTime at);

  List<RegisteredPerson> findPeople(@Param("idNumbers") List<String> idNumbers);

  List<RunningCase> findOpenCases(@Param("householdIds") List<Long> householdIds);

  /** The record numbers among these that the department already pushed in this county. */
  List<String> findKnownRecordNos(@Param("department") String department, @Param("county") String county,
      @Param("recordNos") List<String> recordNos);

  void insertRecords(@Param("records") List<PushRecord> records);

  /** The ids of the records just inserted, by record number. */
  List<PushRecord> findRecords(@Param("department") String department, @Param("county") String county,
      @Param("recordNos") List<String> recordNos);

  int linkCase(@Param("id") Long recordId, @Param("caseId") Long caseId);

  void insertErrors(@Param("importId") Long importId, @Param("errors") List<RowError> errors);

  /** Done imports whose file is still kept, finished at or before the given time. */
  List<PushImport> findFilesToDelete(@Param("finishedBefore") LocalDateTime finishedBefore);

  int markFileDeleted(@Param("id") Long id, @Param("at") LocalDateTime at);

  /** The rows whose errors are kept in detail. */
  int countErrorRows(@Param("importId") Long importId);

  List<RowError> findErrors(@Param("importId") Long importId);
}
