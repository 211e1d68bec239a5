package org.bangfu.identification;

import java.util.ArrayList;
import java.util.List;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IncomeTest;
import org.bangfu.household.MonitoringThreshold;
import org.bangfu.measure.MeasureService;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.InvalidInputException.FieldError;
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

  /** Evaluates the monitoring-range DMN for the case with its registry figures and records the figures. */
  @Transactional
  public Eligibility assess(Long caseId, TriggerFacts facts) {
    CaseFile caseFile = caseFiles.find(caseId);
    IncomeTest test = households.incomeTest(caseFile.getHouseholdId(), caseFile.getSignalDate());
    VariableMap variables = Variables.fromMap(Eligibility.inputs(new RegionCode(caseFile.getVillageCode()).province(),
        caseFile.getSignalDate().getYear(), test, facts));
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(RiskIdentification.DECISION_ELIGIBILITY)
        .variables(variables).evaluate().getSingleResult();
    Eligibility eligibility = new Eligibility(Boolean.TRUE.equals(result.getEntry("eligible")),
        result.getEntry("householdType"), result.getEntry("eligibilityReason"), test.perCapitaIncome(),
        test.adjustedPerCapitaIncome(), threshold.of(new RegionCode(caseFile.getVillageCode()).province(),
            caseFile.getSignalDate().getYear()));
    caseFile.setHouseholdType(eligibility.householdType());
    caseFile.setPerCapitaIncome(eligibility.perCapitaIncome());
    caseFile.setAdjustedIncome(eligibility.adjustedPerCapitaIncome());
    caseFile.setIncomeThreshold(eligibility.incomeThreshold());
    caseFiles.recordAssessment(caseFile);
    caseFiles.auditStep(caseId, RiskIdentification.ASSESS_ELIGIBILITY, eligibility.eligible() ? "IN_RANGE" : "OUT_OF_RANGE",
        eligibility.reason() + "（人均纯收入 " + test.perCapitaIncome() + " 元，扣除合规自付支出后 "
            + test.adjustedPerCapitaIncome() + " 元，监测线 " + eligibility.incomeThreshold() + " 元，收入记录 "
            + test.monthsRecorded() + " 个月）",
        CaseFileService.SYSTEM, null);
    return eligibility;
  }

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
