package org.bangfu.casefile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The case file: the record of truth for a case, and its append-only decision audit. */
@Service
public class CaseFileService {

  public static final String SYSTEM = "system";

  private final CaseFileMapper cases;

  public CaseFileService(CaseFileMapper cases) {
    this.cases = cases;
  }

  @Transactional
  public CaseFile open(Long householdId, String villageCode, String channel, String riskTypes,
      LocalDate signalDate, LocalDate deadline, String openedBy, Long previousCaseId) {
    RegionCode region = new RegionCode(villageCode);
    CaseFile caseFile = new CaseFile();
    caseFile.setBusinessKey("p" + java.util.UUID.randomUUID().toString().replace("-", ""));
    caseFile.setHouseholdId(householdId);
    caseFile.setVillageCode(villageCode);
    caseFile.setTownshipCode(region.township());
    caseFile.setCountyCode(region.county());
    caseFile.setChannel(channel);
    caseFile.setStatus(CaseStatus.IDENTIFYING.name());
    caseFile.setRiskTypes(riskTypes);
    caseFile.setSignalDate(signalDate);
    caseFile.setDeadline(deadline);
    caseFile.setOpenedBy(openedBy);
    caseFile.setOpenedAt(EngineClock.now());
    caseFile.setPreviousCaseId(previousCaseId);
    cases.insert(caseFile);
    // 案件编号: county, year and a sequence, readable on the phone and in notices
    caseFile.setBusinessKey(String.format("BF%s-%d-%06d", region.county(), signalDate.getYear(), caseFile.getId()));
    return caseFile;
  }

  public void attachProcess(CaseFile caseFile, String processInstanceId) {
    caseFile.setProcessInstanceId(processInstanceId);
    cases.updateBusinessKey(caseFile.getId(), caseFile.getBusinessKey(), processInstanceId);
  }

  public CaseFile find(Long id) {
    CaseFile caseFile = cases.findById(id);
    if (caseFile == null) {
      throw new NotFoundException("案件不存在，或不在您的辖区内");
    }
    return caseFile;
  }

  /** The case, or null when there is none of this id. */
  public CaseFile findIfPresent(Long id) {
    return cases.findById(id);
  }

  /** The case of a business key (the case number every instance of the case carries), or null. */
  public CaseFile findByBusinessKey(String businessKey) {
    return businessKey == null ? null : cases.findByBusinessKey(businessKey);
  }

  public boolean hasOpenCase(Long householdId) {
    return cases.countOpenForHousehold(householdId) > 0;
  }

  /** Which of these households have an open case (one statement for many). */
  public java.util.Set<Long> withOpenCase(java.util.Collection<Long> householdIds) {
    return householdIds.isEmpty() ? java.util.Set.of()
        : new java.util.HashSet<>(cases.findHouseholdsWithOpenCase(householdIds));
  }

  public List<CaseFile> list(String regionPrefix, String status, int page, int size) {
    return cases.findInRegion(regionPrefix, status, page * size, size);
  }

  /** The county's open cases that have been open longest. */
  public List<CaseFile> oldestOpen(String county, int limit) {
    return cases.findOldestOpen(county, limit);
  }

  public void audit(Long caseId, String step, String stepName, String decision, String reason, String actor,
      String taskId) {
    cases.insertAudit(new AuditEntry(null, caseId, step, stepName, decision, truncate(reason, 1000), actor, taskId,
        EngineClock.now()));
  }

  /** An audit row of a step of a model, under the name the model gives it ({@link StepLabels}). */
  public void auditStep(Long caseId, String step, String decision, String reason, String actor, String taskId) {
    audit(caseId, step, StepLabels.of(step), decision, reason, actor, taskId);
  }

  public List<AuditEntry> auditTrail(Long caseId) {
    return cases.findAudit(caseId);
  }

  public void recordAssessment(CaseFile caseFile) {
    cases.updateAssessment(caseFile);
  }

  /**
   * Whether a department ever signalled one of these kinds about the household, in any of its cases (民政's 低保 or
   * 特困: a fact of the household, whichever case it reached).
   */
  public boolean householdHadSignal(Long householdId, String department, java.util.List<String> kinds) {
    return cases.countHouseholdSignals(householdId, department, kinds) > 0;
  }

  public void recordSignal(Long caseId, String department, String kind, String detail,
      java.math.BigDecimal amount) {
    recordSignal(caseId, department, kind, detail, amount, null);
  }

  /** A signal from a pushed record names it; the record can be attached only once. */
  public void recordSignal(Long caseId, String department, String kind, String detail,
      java.math.BigDecimal amount, Long pushRecordId) {
    cases.insertSignal(caseId, department, kind, detail, amount, EngineClock.now(), pushRecordId);
  }

  public void markGreenChannel(Long caseId) {
    cases.markGreenChannel(caseId);
  }

  /** Closes the identification: MONITORED with the household type, or REJECTED with the reason. */
  @Transactional
  public void decide(Long caseId, CaseStatus status, String householdType, String decidedBy, String reason) {
    CaseFile caseFile = find(caseId);
    caseFile.setStatus(status.name());
    caseFile.setHouseholdType(householdType);
    caseFile.setDecidedBy(decidedBy);
    caseFile.setDecidedAt(EngineClock.now());
    caseFile.setDecisionReason(truncate(reason, 500));
    if (status == CaseStatus.MONITORED) {
      caseFile.setMonitoringSince(EngineClock.today());
    } else {
      caseFile.setClosedAt(EngineClock.now());
    }
    if (cases.updateDecision(caseFile) == 0) {
      throw new IllegalStateException("case " + caseId + " was already decided");
    }
  }

  /**
   * Moves the case from one lifecycle status to the next (MONITORED → ELIMINATED or TRACKING, back on rollback);
   * false when the case is not in {@code from} any more, so a repeated step changes nothing.
   */
  @Transactional
  public boolean changeStatus(Long caseId, CaseStatus from, CaseStatus to) {
    LocalDateTime closedAt = to == CaseStatus.ELIMINATED || to == CaseStatus.REJECTED ? EngineClock.now() : null;
    return cases.updateStatus(caseId, from.name(), to.name(), closedAt) == 1;
  }

  /**
   * Marks a monitored or tracked case eliminated (风险消除 by the county, or 风险自然消除); a case in any other state is
   * a bug of the model that called it.
   */
  public void markEliminated(Long caseId) {
    if (!changeStatus(caseId, CaseStatus.MONITORED, CaseStatus.ELIMINATED)
        && !changeStatus(caseId, CaseStatus.TRACKING, CaseStatus.ELIMINATED)) {
      throw new IllegalStateException("case " + caseId + " is neither monitored nor tracked");
    }
  }

  /** The household's latest case with this status (the earlier eliminated case of a relapse). */
  public CaseFile latestForHousehold(Long householdId, CaseStatus status) {
    return cases.findLatestForHousehold(householdId, status.name());
  }

  /** Cases opened later for the same household because the risk came back (风险再标注). */
  /** The cases of these households, newest first (at most the limit). */
  public List<CaseFile> ofHouseholds(List<Long> householdIds, int limit) {
    return householdIds.isEmpty() ? List.of() : cases.findByHouseholds(householdIds, limit);
  }

  /** The case's number of a process's business key: a measure's process carries its case's number and "-M…". */
  public static String caseNumberOf(String processBusinessKey) {
    return processBusinessKey == null ? "" : processBusinessKey.replaceFirst("-M\\d+$", "");
  }

  /** The cases with these numbers (give the case's number, {@link #caseNumberOf}). */
  public List<CaseFile> byBusinessKeys(java.util.Collection<String> businessKeys) {
    return businessKeys.isEmpty() ? List.of() : cases.findByBusinessKeys(businessKeys);
  }

  /** The cases the user opened (我发起的), newest first. */
  public List<CaseFile> openedBy(String userId, int page, int size) {
    return cases.findOpenedBy(userId, page * size, size);
  }

  public List<Long> relapsesOf(Long caseId) {
    return cases.findRelapses(caseId);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
