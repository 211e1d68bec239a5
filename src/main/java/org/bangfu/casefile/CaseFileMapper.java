package org.bangfu.casefile;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CaseFileMapper {

  void insert(CaseFile caseFile);

  int updateBusinessKey(@Param("id") Long id, @Param("businessKey") String businessKey,
      @Param("processInstanceId") String processInstanceId);

  CaseFile findById(@Param("id") Long id);

  CaseFile findByBusinessKey(@Param("businessKey") String businessKey);

  /** Cases of a household that are still identifying, monitored or tracked. */
  int countOpenForHousehold(@Param("householdId") Long householdId);

  List<Long> findHouseholdsWithOpenCase(@Param("ids") java.util.Collection<Long> ids);

  List<CaseFile> findInRegion(@Param("regionPrefix") String regionPrefix, @Param("status") String status,
      @Param("offset") int offset, @Param("limit") int limit);

  List<CaseFile> findOldestOpen(@Param("county") String county, @Param("limit") int limit);

  int updateAssessment(CaseFile caseFile);

  int updateDecision(CaseFile caseFile);

  int updateStatus(@Param("id") Long id, @Param("from") String from, @Param("to") String to,
      @Param("closedAt") java.time.LocalDateTime closedAt);

  CaseFile findLatestForHousehold(@Param("householdId") Long householdId, @Param("status") String status);

  List<Long> findRelapses(@Param("caseId") Long caseId);

  int markGreenChannel(@Param("id") Long id);

  /** The cases of these households, newest first (at most the limit). */
  List<CaseFile> findByHouseholds(@Param("householdIds") List<Long> householdIds, @Param("limit") int limit);

  /** The cases with these numbers. */
  List<CaseFile> findByBusinessKeys(@Param("businessKeys") java.util.Collection<String> businessKeys);

  /** The cases this user opened, newest first. */
  List<CaseFile> findOpenedBy(@Param("userId") String userId, @Param("offset") int offset, @Param("limit") int limit);

  void insertAudit(AuditEntry entry);

  List<AuditEntry> findAudit(@Param("caseId") Long caseId);

  int countHouseholdSignals(@Param("householdId") Long householdId, @Param("department") String department,
      @Param("kinds") java.util.List<String> kinds);

  void insertSignal(@Param("caseId") Long caseId, @Param("department") String department,
      @Param("kind") String kind, @Param("detail") String detail, @Param("amount") java.math.BigDecimal amount,
      @Param("receivedAt") java.time.LocalDateTime receivedAt, @Param("pushRecordId") Long pushRecordId);
}
