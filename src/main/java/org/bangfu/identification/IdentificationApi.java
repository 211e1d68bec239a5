package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.bangfu.casefile.AuditEntry;

/** Request and response bodies of the case API. */
public final class IdentificationApi {

  private IdentificationApi() {
  }

  /**
   * A risk signal that opens a case.
   *
   * @param urgentMeasures measure codes to start at once through the green channel (disaster, accident…)
   * @param signal the department's data for a DEPARTMENT_SIGNAL
   */
  public record SignalRequest(Long householdId, String channel, List<String> riskTypes, LocalDate signalDate,
      Boolean unsafeHousing, Boolean unsafeWater, Boolean dropoutRisk, Boolean noMedicalInsurance,
      BigDecimal medicalSelfPay, Boolean urgent, List<String> urgentMeasures, DepartmentSignal signal) {
  }

  public record DepartmentSignal(String department, String kind, String detail, BigDecimal amount) {
  }

  public record ObjectionRequest(String content) {
  }

  public record OpenTask(String id, String name, String step, String candidateGroup, String assignee,
      LocalDateTime due) {
  }

  public record CaseView(Long id, String businessKey, Long householdId, String headName, String villageCode,
      String channel, String channelLabel, String status, String statusLabel, List<String> riskTypes,
      boolean greenChannel, String householdType, BigDecimal perCapitaIncome, BigDecimal adjustedIncome,
      BigDecimal incomeThreshold, LocalDate signalDate, LocalDate deadline, String decidedBy,
      LocalDateTime decidedAt, String decisionReason, List<MeasureView> measures, List<OpenTask> openTasks,
      List<AuditEntry> audit) {
  }

  public record MeasureView(Long id, String code, String label, String department, boolean urgent, String status,
      BigDecimal amount, String result, String deliveredBy, LocalDateTime deliveredAt) {
  }

  public record CaseSummary(Long id, String businessKey, Long householdId, String villageCode, String status,
      String householdType, LocalDate signalDate, LocalDate deadline) {
  }
}
