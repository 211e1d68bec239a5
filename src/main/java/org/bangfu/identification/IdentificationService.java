package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.HouseholdType;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IncomeTest;
import org.bangfu.household.MonitoringThreshold;
import org.bangfu.measure.MeasureService;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.MissingSettingException;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system steps of RiskIdentificationProcess: the monitoring-range test, the urgent measures of the green channel,
 * the notice, the inclusion and the rejection. Cases are opened by the lifecycle ({@code CaseOpening}); the
 * identification's rules (time limit, notice period, green-channel risks) are its {@link IdentificationProperties}.
 */
@Service
@EnableConfigurationProperties(IdentificationProperties.class)
public class IdentificationService {

  private final HouseholdService households;
  private final CaseFileService caseFiles;
  private final MeasureService measures;
  private final DecisionService decisionService;
  private final MonitoringThreshold threshold;

  public IdentificationService(HouseholdService households, CaseFileService caseFiles, MeasureService measures,
      DecisionService decisionService, MonitoringThreshold threshold) {
    this.households = households;
    this.caseFiles = caseFiles;
    this.measures = measures;
    this.decisionService = decisionService;
    this.threshold = threshold;
  }

  /**
   * The income test of the case: the monitoring-range DMN on the registry's figures and the confirmed facts. Its
   * result is advice for the people who decide (a household out of range goes to the township, never rejected here).
   * It does not run without the year's line or with months of the 12 unrecorded: then it says why and stops.
   */
  @Transactional
  public Assessment assess(Long caseId, TriggerFacts facts) {
    CaseFile caseFile = caseFiles.find(caseId);
    RegionCode village = new RegionCode(caseFile.getVillageCode());
    int year = caseFile.getSignalDate().getYear();
    MonitoringThreshold.Line line;
    try {
      line = threshold.of(village, year);
    } catch (MissingSettingException e) {
      return stopped(caseId, RiskIdentification.ERROR_LINE_MISSING, e.getMessage());
    }
    IncomeTest test = households.incomeTest(caseFile.getHouseholdId(), caseFile.getSignalDate());
    if (!test.complete()) {
      List<String> missing = households.missingIncomeMonths(caseFile.getHouseholdId(), caseFile.getSignalDate());
      return stopped(caseId, RiskIdentification.ERROR_INCOME_INCOMPLETE, "发现风险前12个月中有 " + missing.size()
          + " 个月没有收入记录：" + String.join("、", missing) + "。缺少的月份不按0计算，请补录后重新测算");
    }
    VariableMap variables = Variables.fromMap(Eligibility.inputs(village, year, line, test, facts));
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(RiskIdentification.DECISION_ELIGIBILITY)
        .variables(variables).evaluate().getSingleResult();
    Eligibility eligibility = new Eligibility(Boolean.TRUE.equals(result.getEntry("eligible")),
        result.getEntry("householdType"), result.getEntry("eligibilityReason"), test.perCapitaIncome(),
        test.adjustedPerCapitaIncome(), line.incomeThreshold(), line.source());
    caseFile.setHouseholdType(eligibility.householdType());
    caseFile.setPerCapitaIncome(eligibility.perCapitaIncome());
    caseFile.setAdjustedIncome(eligibility.adjustedPerCapitaIncome());
    caseFile.setIncomeThreshold(eligibility.incomeThreshold());
    caseFiles.recordAssessment(caseFile);
    caseFiles.auditStep(caseId, RiskIdentification.ASSESS_ELIGIBILITY, eligibility.eligible() ? "IN_RANGE" : "OUT_OF_RANGE",
        eligibility.reason() + "（人均纯收入 " + test.perCapitaIncome() + " 元，扣除合规自付支出后 "
            + test.adjustedPerCapitaIncome() + " 元，监测线 " + eligibility.incomeThreshold() + " 元，来源："
            + line.source().split("；")[0] + (eligibility.eligible() ? "" : "；规则结果只是提示，由乡镇研判") + "）",
        CaseFileService.SYSTEM, null);
    return new Assessment(eligibility, null, null);
  }

  /** The test's result, or why it stopped (a BPMN error code of the test's boundary events and the message). */
  public record Assessment(Eligibility eligibility, String stopCode, String stopMessage) {
  }

  private Assessment stopped(Long caseId, String code, String message) {
    caseFiles.auditStep(caseId, RiskIdentification.ASSESS_ELIGIBILITY, code, message, CaseFileService.SYSTEM, null);
    return new Assessment(null, code, message);
  }

  /**
   * 补录收入记录: the months the village cadre added ("2026-03 1500 200" per line: month, net income, eligible rigid
   * spending). Only months of the test's window are taken; the others are named in the audit and left out. The test
   * runs again afterwards and asks again for what is still missing.
   */
  @Transactional
  public void recordIncomeLines(Long caseId, String lines, String recordedBy) {
    CaseFile caseFile = caseFiles.find(caseId);
    YearMonth from = IncomeTest.firstMonth(caseFile.getSignalDate());
    YearMonth to = IncomeTest.lastMonth(caseFile.getSignalDate());
    List<String> taken = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String raw : (lines == null ? "" : lines).split("\\R")) {
      String line = raw.trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      try {
        YearMonth month = YearMonth.parse(parts[0]);
        BigDecimal net = new BigDecimal(parts[1]);
        BigDecimal rigid = parts.length > 2 ? new BigDecimal(parts[2]) : BigDecimal.ZERO;
        if (parts.length > 3 || month.isBefore(from) || month.isAfter(to) || net.signum() < 0 || rigid.signum() < 0
            || net.compareTo(MAX_MONTHLY) > 0 || rigid.compareTo(MAX_MONTHLY) > 0) {
          refused.add(line);
          continue;
        }
        households.recordMonthlyIncome(caseFile.getHouseholdId(), month.toString(), net, rigid,
            "入户核实补录（" + recordedBy + "）");
        taken.add(month.toString());
      } catch (RuntimeException e) {
        refused.add(line);
      }
    }
    caseFiles.auditStep(caseId, RiskIdentification.RECORD_INCOME_RECORDS, "INCOMES_RECORDED",
        "补录 " + taken.size() + " 个月：" + String.join("、", taken)
            + (refused.isEmpty() ? "" : "；未登记（月份不在 " + from + " 至 " + to + " 之间或金额有误）："
                + String.join("；", refused)),
        recordedBy, null);
  }

  /**
   * The township went on against the rules' hint: the household type it proposes becomes the case's (the county
   * confirms it at 县级审定). An unknown type stops here rather than reaching the county.
   */
  @Transactional
  public String recordTownshipJudgement(Long caseId, String proposedType, String decidedBy) {
    HouseholdType type;
    try {
      type = HouseholdType.valueOf(proposedType);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidDecisionException(RiskIdentification.PROPOSED_HOUSEHOLD_TYPE.name(),
          "请选择拟纳入的监测对象类型（脱贫不稳定户、边缘易致贫户或突发严重困难户）");
    }
    CaseFile caseFile = caseFiles.find(caseId);
    caseFile.setHouseholdType(type.name());
    caseFiles.recordAssessment(caseFile);
    return type.name();
  }

  /** A month's income or spending above this is a typing error (元). */
  static final BigDecimal MAX_MONTHLY = new BigDecimal("1000000");

  /** Green channel: the township confirmed; the urgent measures start now, before the county decides. */
  @Transactional
  public void startUrgentMeasures(Long caseId, String measureList, String confirmedBy) {
    List<FieldError> errors = new ArrayList<>();
    List<MeasureCode> codes = MeasureCode.parse(errors, "urgentMeasures",
        measureList == null ? List.of() : List.of(measureList.split("[,，\\s]+")));
    if (!errors.isEmpty() || codes.isEmpty()) {
      throw new InvalidDecisionException(RiskIdentification.URGENT_MEASURES.name(),
          "紧急帮扶措施填写有误：" + (errors.isEmpty() ? "未选择措施" : errors.get(0).message()));
    }
    measures.startUrgent(caseId, codes);
    caseFiles.auditStep(caseId, RiskIdentification.START_URGENT_MEASURES, "STARTED",
        String.join("、", codes.stream().map(MeasureCode::label).toList()), confirmedBy, null);
  }

  public void noticePublished(Long caseId, String duration) {
    caseFiles.auditStep(caseId, RiskIdentification.PUBLISH_NOTICE, "PUBLISHED",
        "公示期 " + java.time.Duration.parse(duration).toDays() + " 天，公示内容不含身份证号、电话、银行及健康信息",
        CaseFileService.SYSTEM, null);
  }

  @Transactional
  public void include(Long caseId, String householdType, String decidedBy) {
    caseFiles.decide(caseId, CaseStatus.MONITORED, householdType, decidedBy, "县级审定纳入监测");
    caseFiles.auditStep(caseId, RiskIdentification.RECORD_INCLUSION, "INCLUDED", householdType,
        decidedBy, null);
  }

  /** 不予纳入: the case, the reason and who decided are kept; urgent measures already given stay recorded. */
  @Transactional
  public void reject(Long caseId, String rejectedBy, String step, String reason) {
    String text = (step == null ? "" : step + "：") + (reason == null ? "" : reason);
    caseFiles.decide(caseId, CaseStatus.REJECTED, null, rejectedBy == null ? CaseFileService.SYSTEM : rejectedBy,
        text);
    measures.cancelOpen(caseId, text);
    caseFiles.auditStep(caseId, RiskIdentification.RECORD_REJECTION, "REJECTED", text,
        rejectedBy == null ? CaseFileService.SYSTEM : rejectedBy, null);
  }

}
