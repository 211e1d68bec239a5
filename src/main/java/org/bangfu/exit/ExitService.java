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
import org.bangfu.catalogue.Department;
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
 * 风险消除: gathers the facts of the exit conditions (months monitored, measures delivered, the income over the window
 * stably above the year's threshold, labour and the safety net as facts of the household, what the home verification
 * found), lets the DMN
 * {@code Decision_ExitEligibility} decide, and records the outcome on the case.
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(ExitProperties.class)
public class ExitService {

  public static final String ELIGIBLE = "ELIGIBLE";
  public static final String NOT_YET = "NOT_YET";
  public static final String TRACKING = "TRACKING";
  public static final String ELIMINATED = "ELIMINATED";

  /** 民政's pushes that put a household under the safety net (the push layout's categories). */
  static final List<String> SAFETY_NET_KINDS = List.of("低保", "特困");

  /** What the village found at the home verification. */
  public record HomeFindings(boolean rigidSpendingControllable, boolean basicNeedsSecured,
      boolean drinkingWaterSecured, boolean onSafetyNet) {
  }

  /** The facts the DMN decided on, and its finding. */
  public record Assessment(String outcome, String reason, long monitoredMonths, int deliveredMeasures,
      IncomeWindow income, BigDecimal incomeThreshold, boolean noLabour, boolean safetyNet) {
  }

  /**
   * The household's income over the exit's window: the last {@code months} months up to the latest recorded one,
   * net minus eligible rigid spending, per member and year. A month of the window without a record leaves the test
   * open: unknown is not zero.
   *
   * @param perCapita per member and year over the recorded months of the window (null without any)
   */
  public record IncomeWindow(int months, int monthsRecorded, YearMonth from, YearMonth to, BigDecimal perCapita) {

    public boolean complete() {
      return monthsRecorded == months;
    }

    /** 稳定超过: the whole window recorded and strictly above the line. */
    public boolean stablyAbove(BigDecimal line) {
      return complete() && perCapita != null && perCapita.compareTo(line) > 0;
    }
  }

  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final MeasureService measures;
  private final DecisionService decisionService;
  private final MonitoringThreshold threshold;
  private final ExitProperties properties;

  public ExitService(CaseFileService caseFiles, HouseholdService households, MeasureService measures,
      DecisionService decisionService, MonitoringThreshold threshold,
      ExitProperties properties) {
    this.threshold = threshold;
    this.caseFiles = caseFiles;
    this.households = households;
    this.measures = measures;
    this.decisionService = decisionService;
    this.properties = properties;
  }

  @Transactional
  public Assessment assess(Long caseId, HomeFindings findings) {
    CaseFile caseFile = caseFiles.find(caseId);
    List<Member> members = households.members(caseFile.getHouseholdId());
    YearMonth now = YearMonth.from(EngineClock.today());
    BigDecimal incomeThreshold = threshold.of(new RegionCode(caseFile.getVillageCode()), now.getYear())
        .incomeThreshold();
    IncomeWindow income = incomeWindow(households.incomes(caseFile.getHouseholdId()), members.size(), now,
        properties.incomeWindowMonths());
    long monitored = caseFile.getMonitoringSince() == null ? 0
        : ChronoUnit.MONTHS.between(caseFile.getMonitoringSince(), EngineClock.today());
    List<Measure> all = measures.forCase(caseId);
    int delivered = (int) all.stream().filter(m -> MeasureService.DELIVERED.equals(m.getStatus())).count();
    boolean noLabour = !members.isEmpty()
        && members.stream().allMatch(m -> LabourCapacity.NONE.name().equals(m.getLabourCapacity()));
    // 兜底保障 is a fact of the household: this case's 低保/特困, 民政's own record of it, or what the village saw
    boolean deliveredHere = all.stream().anyMatch(m -> MeasureService.DELIVERED.equals(m.getStatus())
        && (MeasureCode.DIBAO.name().equals(m.getMeasureCode()) || MeasureCode.TEKUN.name().equals(m.getMeasureCode())));
    boolean safetyNet = deliveredHere || findings.onSafetyNet() || caseFiles.householdHadSignal(
        caseFile.getHouseholdId(), Department.CIVIL.name(), SAFETY_NET_KINDS);

    VariableMap variables = Variables.createVariables()
        .putValue("monitoredMonths", (int) monitored)
        .putValue("deliveredMeasures", delivered)
        .putValue("incomeStablyAbove", income.stablyAbove(incomeThreshold))
        .putValue("noLabour", noLabour)
        .putValue("safetyNet", safetyNet)
        .putValue("rigidSpendingControllable", findings.rigidSpendingControllable())
        .putValue("basicNeedsSecured", findings.basicNeedsSecured())
        .putValue("drinkingWaterSecured", findings.drinkingWaterSecured());
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(ExitReview.DECISION)
        .variables(variables).evaluate().getSingleResult();
    Assessment assessment = new Assessment(result.getEntry("exitAssessment"),
        result.getEntry("exitAssessmentReason"), monitored, delivered, income, incomeThreshold, noLabour, safetyNet);
    caseFiles.auditStep(caseId, ExitReview.ASSESS_EXIT, assessment.outcome(),
        assessment.reason() + "（纳入监测 " + monitored + " 个月，已落实措施 " + delivered + " 项，" + describe(income)
            + "，监测线 " + incomeThreshold.stripTrailingZeros().toPlainString() + " 元"
            + (noLabour ? "，全户无劳动能力" : "") + (safetyNet ? "，享受兜底保障" : "") + "）",
        CaseFileService.SYSTEM, null);
    return assessment;
  }

  private static String describe(IncomeWindow income) {
    if (income.to() == null) {
      return "没有收入记录";
    }
    String window = income.from() + " 至 " + income.to();
    if (!income.complete()) {
      return window + " 只有 " + income.monthsRecorded() + " 个月有收入记录（缺少的月份不按0计算）";
    }
    return window + " 人均纯收入折合 " + income.perCapita().stripTrailingZeros().toPlainString() + " 元/年";
  }

  /**
   * The last {@code months} months up to the latest recorded month not after {@code now} (and at least up to last
   * month, so that a household not visited lately is not judged on old months): their income (net minus
   * eligible rigid spending) summed, per member, for a year (× 12 / months over the whole window, never a single
   * month × 12).
   */
  static IncomeWindow incomeWindow(List<IncomeRecord> incomes, int members, YearMonth now, int months) {
    TreeMap<YearMonth, IncomeRecord> byMonth = new TreeMap<>();
    for (IncomeRecord record : incomes) {
      YearMonth month = YearMonth.parse(record.getPeriod());
      if (!month.isAfter(now)) {
        byMonth.put(month, record);
      }
    }
    if (byMonth.isEmpty() || members <= 0) {
      return new IncomeWindow(months, 0, null, null, null);
    }
    // the window reaches last month at least: months since the latest record are unrecorded, not stable
    YearMonth latest = byMonth.lastKey();
    YearMonth to = latest.isBefore(now.minusMonths(1)) ? now.minusMonths(1) : latest;
    YearMonth from = to.minusMonths(months - 1L);
    BigDecimal sum = BigDecimal.ZERO;
    int recorded = 0;
    for (IncomeRecord record : byMonth.subMap(from, true, to, true).values()) {
      sum = sum.add(record.getNetIncome()).subtract(record.getRigidSpending());
      recorded++;
    }
    BigDecimal perCapita = sum.multiply(BigDecimal.valueOf(12))
        .divide(BigDecimal.valueOf((long) months * members), 2, java.math.RoundingMode.HALF_UP);
    return new IncomeWindow(months, recorded, from, to, perCapita);
  }

  public void noticePublished(Long caseId, String duration) {
    caseFiles.auditStep(caseId, ExitReview.PUBLISH_NOTICE, "PUBLISHED",
        "公示期 " + java.time.Duration.parse(duration).toDays() + " 天，公示内容不含身份证号、电话、银行及健康信息",
        CaseFileService.SYSTEM, null);
  }

  /** 风险消除: the county approved; the household's data is kept, the mark can be rolled back. */
  @Transactional
  public void eliminate(Long caseId, String approvedBy) {
    caseFiles.markEliminated(caseId);
    caseFiles.auditStep(caseId, ExitReview.RECORD_ELIMINATION, "ELIMINATED", "县级审定风险消除",
        approvedBy == null ? CaseFileService.SYSTEM : approvedBy, null);
  }

  /** No labour, under the safety net: not eliminated, tracked with a yearly check, as the township confirmed. */
  @Transactional
  public void track(Long caseId, String reason, String confirmedBy) {
    caseFiles.changeStatus(caseId, CaseStatus.MONITORED, CaseStatus.TRACKING);
    caseFiles.auditStep(caseId, ExitReview.RECORD_TRACKING, "TRACKING", reason,
        confirmedBy == null ? CaseFileService.SYSTEM : confirmedBy, null);
  }

  /** Not yet: the case goes back to its measures (and to a plan revision when the reviewers asked for one). */
  public void notYet(Long caseId, String reason, boolean revisePlan) {
    caseFiles.auditStep(caseId, ExitReview.RECORD_NOT_YET, revisePlan ? "REVISE_PLAN" : "CONTINUE",
        (reason == null ? "" : reason) + (revisePlan ? "；调整帮扶计划" : "；继续落实帮扶措施"), CaseFileService.SYSTEM,
        null);
  }
}
