package org.bangfu.exit;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IncomeRecord;
import org.bangfu.household.LabourCapacity;
import org.bangfu.household.Member;
import org.bangfu.household.MonitoringThreshold;
import org.bangfu.measure.Measure;
import org.bangfu.measure.MeasureService;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.EngineClock;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 风险消除: gathers the facts of the exit conditions (months monitored, measures delivered, months of income stably
 * above the year's threshold, labour and safety net, what the home verification found), lets the DMN
 * {@code Decision_ExitEligibility} decide, and records the outcome on the case.
 */
@Service
public class ExitService {

  public static final String ELIGIBLE = "ELIGIBLE";
  public static final String NOT_YET = "NOT_YET";
  public static final String TRACKING = "TRACKING";
  public static final String ELIMINATED = "ELIMINATED";

  /** What the village found at the home verification. */
  public record HomeFindings(boolean rigidSpendingControllable, boolean basicNeedsSecured,
      boolean drinkingWaterSecured) {
  }

  /** The facts the DMN decided on, and its finding. */
  public record Assessment(String outcome, String reason, long monitoredMonths, int deliveredMeasures,
      int stableMonths, BigDecimal incomeThreshold, boolean noLabour, boolean safetyNet) {
  }

  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final MeasureService measures;
  private final DecisionService decisionService;
  private final MonitoringThreshold threshold;

  public ExitService(CaseFileService caseFiles, HouseholdService households, MeasureService measures,
      DecisionService decisionService, MonitoringThreshold threshold) {
    this.threshold = threshold;
    this.caseFiles = caseFiles;
    this.households = households;
    this.measures = measures;
    this.decisionService = decisionService;
  }

  @Transactional
  public Assessment assess(Long caseId, HomeFindings findings) {
    CaseFile caseFile = caseFiles.find(caseId);
    List<Member> members = households.members(caseFile.getHouseholdId());
    YearMonth now = YearMonth.from(EngineClock.today());
    BigDecimal incomeThreshold = threshold.of(new RegionCode(caseFile.getVillageCode()), now.getYear())
        .incomeThreshold();
    int stable = stableMonths(households.incomes(caseFile.getHouseholdId()), members.size(), incomeThreshold, now);
    long monitored = caseFile.getMonitoringSince() == null ? 0
        : ChronoUnit.MONTHS.between(caseFile.getMonitoringSince(), EngineClock.today());
    List<Measure> all = measures.forCase(caseId);
    int delivered = (int) all.stream().filter(m -> MeasureService.DELIVERED.equals(m.getStatus())).count();
    boolean noLabour = !members.isEmpty()
        && members.stream().allMatch(m -> LabourCapacity.NONE.name().equals(m.getLabourCapacity()));
    boolean safetyNet = all.stream().anyMatch(m -> MeasureService.DELIVERED.equals(m.getStatus())
        && (MeasureCode.DIBAO.name().equals(m.getMeasureCode()) || MeasureCode.TEKUN.name().equals(m.getMeasureCode())));

    VariableMap variables = Variables.createVariables()
        .putValue("monitoredMonths", (int) monitored)
        .putValue("deliveredMeasures", delivered)
        .putValue("stableMonths", stable)
        .putValue("noLabour", noLabour)
        .putValue("safetyNet", safetyNet)
        .putValue("rigidSpendingControllable", findings.rigidSpendingControllable())
        .putValue("basicNeedsSecured", findings.basicNeedsSecured())
        .putValue("drinkingWaterSecured", findings.drinkingWaterSecured());
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(ExitReview.DECISION)
        .variables(variables).evaluate().getSingleResult();
    Assessment assessment = new Assessment(result.getEntry("exitAssessment"),
        result.getEntry("exitAssessmentReason"), monitored, delivered, stable, incomeThreshold, noLabour, safetyNet);
    caseFiles.auditStep(caseId, ExitReview.ASSESS_EXIT, assessment.outcome(),
        assessment.reason() + "（纳入监测 " + monitored + " 个月，已落实措施 " + delivered + " 项，收入连续 " + stable
            + " 个月高于监测线 " + incomeThreshold.stripTrailingZeros().toPlainString() + " 元"
            + (noLabour ? "，全户无劳动能力" : "") + (safetyNet ? "，享受兜底保障" : "") + "）",
        CaseFileService.SYSTEM, null);
    return assessment;
  }

  /**
   * Months, counting back from the latest recorded month, in which the household's income (net minus eligible
   * rigid spending, per member, per year) stayed at or above the threshold; a month without a record ends the run.
   */
  static int stableMonths(List<IncomeRecord> incomes, int members, BigDecimal threshold, YearMonth now) {
    if (members <= 0) {
      return 0;
    }
    TreeMap<YearMonth, IncomeRecord> byMonth = new TreeMap<>();
    for (IncomeRecord record : incomes) {
      YearMonth month = YearMonth.parse(record.getPeriod());
      if (!month.isAfter(now)) {
        byMonth.put(month, record);
      }
    }
    int stable = 0;
    Map.Entry<YearMonth, IncomeRecord> entry = byMonth.lastEntry();
    YearMonth expected = entry == null ? null : entry.getKey();
    while (entry != null && entry.getKey().equals(expected)) {
      IncomeRecord record = entry.getValue();
      BigDecimal yearly = record.getNetIncome().subtract(record.getRigidSpending()).multiply(BigDecimal.valueOf(12))
          .divide(BigDecimal.valueOf(members), 2, java.math.RoundingMode.HALF_UP);
      if (yearly.compareTo(threshold) < 0) {
        break;
      }
      stable++;
      expected = expected.minusMonths(1);
      entry = byMonth.lowerEntry(entry.getKey());
    }
    return stable;
  }

  public void noticePublished(Long caseId, String duration) {
    caseFiles.auditStep(caseId, ExitReview.PUBLISH_NOTICE, "PUBLISHED",
        "公示期 " + java.time.Duration.parse(duration).toDays() + " 天，公示内容不含身份证号、电话、银行及健康信息",
        CaseFileService.SYSTEM, null);
  }

  /** 风险消除: the county approved; the household's data is kept, the mark can be rolled back. */
  @Transactional
  public void eliminate(Long caseId, String approvedBy) {
    if (!caseFiles.changeStatus(caseId, CaseStatus.MONITORED, CaseStatus.ELIMINATED)
        && !caseFiles.changeStatus(caseId, CaseStatus.TRACKING, CaseStatus.ELIMINATED)) {
      throw new IllegalStateException("case " + caseId + " is not monitored");
    }
    caseFiles.auditStep(caseId, ExitReview.RECORD_ELIMINATION, "ELIMINATED", "县级审定风险消除",
        approvedBy == null ? CaseFileService.SYSTEM : approvedBy, null);
  }

  /** No labour, under the safety net: not eliminated, tracked with a yearly check. */
  @Transactional
  public void track(Long caseId, String reason) {
    caseFiles.changeStatus(caseId, CaseStatus.MONITORED, CaseStatus.TRACKING);
    caseFiles.auditStep(caseId, ExitReview.RECORD_TRACKING, "TRACKING", reason, CaseFileService.SYSTEM,
        null);
  }

  /** Not yet: the case goes back to its measures (and to a plan revision when the reviewers asked for one). */
  public void notYet(Long caseId, String reason, boolean revisePlan) {
    caseFiles.auditStep(caseId, ExitReview.RECORD_NOT_YET, revisePlan ? "REVISE_PLAN" : "CONTINUE",
        (reason == null ? "" : reason) + (revisePlan ? "；调整帮扶计划" : "；继续落实帮扶措施"), CaseFileService.SYSTEM,
        null);
  }
}
