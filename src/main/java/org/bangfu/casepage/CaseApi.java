package org.bangfu.casepage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.bangfu.household.HouseholdApi.IncomeView;
import org.bangfu.lifecycle.OpenCase.DepartmentSignal;
import org.bangfu.lifecycle.OpenCase;

/** Request and response bodies of the case API. */
public final class CaseApi {

  private CaseApi() {
  }

  /**
   * A risk signal that opens a case, as a signed-in user sends it (a case never names a pushed row through the API).
   *
   * @param urgentMeasures measure codes to start at once through the green channel (disaster, accident…)
   * @param signal the department's data for a DEPARTMENT_SIGNAL
   */
  public record SignalRequest(Long householdId, String channel, List<String> riskTypes, LocalDate signalDate,
      Boolean unsafeHousing, Boolean unsafeWater, Boolean dropoutRisk, Boolean noMedicalInsurance,
      BigDecimal medicalSelfPay, Boolean sharpIncomeDrop, Boolean urgent, List<String> urgentMeasures,
      DepartmentSignal signal) {

    public OpenCase toCommand() {
      return new OpenCase(householdId, channel, riskTypes, signalDate, unsafeHousing, unsafeWater, dropoutRisk,
          noMedicalInsurance, medicalSelfPay, sharpIncomeDrop, urgent, urgentMeasures, signal, null);
    }
  }

  public record ObjectionRequest(String content) {
  }

  /** An open step of the case: who it waits for, by name as well as by group and sign-in id. */
  public record OpenTask(String id, String name, String step, String candidateGroup, String assignee,
      LocalDateTime due, String groupName, String assigneeName) {
  }

  /**
   * A row of the case's timeline: the audit entry, with the decision and the person in words, and how long the step
   * took from its task's creation to the decision (empty for the system's own steps).
   */
  public record TimelineEntry(Long id, Long caseId, String step, String stepName, String decision, String reason,
      String actor, String taskId, LocalDateTime createdAt, String decisionLabel, String actorName, String took) {
  }

  public record CaseView(Long id, String businessKey, Long householdId, String headName, String villageCode,
      String channel, String channelLabel, String status, String statusLabel, List<String> riskTypes,
      boolean greenChannel, String householdType, BigDecimal perCapitaIncome, BigDecimal adjustedIncome,
      BigDecimal incomeThreshold, LocalDate signalDate, LocalDate deadline, String decidedBy,
      LocalDateTime decidedAt, String decisionReason, LocalDate monitoringSince, LocalDateTime closedAt,
      Long previousCaseId, List<Long> relapseCaseIds, List<PlanView> plans, List<MeasureView> measures,
      List<VisitView> visits, List<IncomeView> incomes, List<OpenTask> openTasks, List<TimelineEntry> audit,
      String place, String decidedByName, String householdTypeLabel, String openedByName,
      List<PushedIncomeView> pushedIncomes) {
  }

  /** What a department pushed of the household's income in a month (部门收入数据), beside the village's records. */
  public record PushedIncomeView(String period, String departmentLabel, String kindLabel, String item,
      BigDecimal amount) {
  }

  public record MeasureView(Long id, String code, String label, String department, boolean urgent, String status,
      BigDecimal amount, String result, String deliveredBy, LocalDateTime deliveredAt, Long planId,
      LocalDate dueDate, String departmentLabel, String deliveredByName) {
  }

  /** A version of the household plan (一户一策); SUPERSEDED versions are kept. */
  public record PlanView(Long id, int version, String status, String revisionReason, BigDecimal incomeTarget,
      LocalDate reviewDate, String note, boolean householdConfirmed, String draftedBy, LocalDateTime draftedAt,
      String approvedBy, LocalDateTime approvedAt, List<PlanMeasureView> measures, String draftedByName,
      String approvedByName) {
  }

  public record PlanMeasureView(String code, String label, String department, String responsiblePerson,
      BigDecimal amount, LocalDate startDate, LocalDate dueDate, String departmentLabel) {
  }

  public record VisitView(LocalDate visitDate, String period, BigDecimal netIncome, BigDecimal rigidSpending,
      String changes, String outcome, String visitedBy, String visitedByName) {
  }

  /** The diagram of the stage a case is in, with its done and current steps. */
  public record CaseDiagram(String name, String xml, List<String> done, List<String> current) {
  }

  /** A case as a search or a list shows it. */
  public record CaseHit(Long id, String businessKey, String headName, String place, String statusLabel,
      LocalDate signalDate) {
  }

  public record RollbackRequest(String reason) {
  }

  public record CaseSummary(Long id, String businessKey, Long householdId, String villageCode, String status,
      String householdType, LocalDate signalDate, LocalDate deadline) {
  }
}
