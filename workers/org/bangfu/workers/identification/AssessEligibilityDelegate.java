package org.bangfu.workers.identification;

import static org.bangfu.identification.RiskIdentification.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;

import java.math.BigDecimal;
import org.bangfu.identification.Eligibility;
import org.bangfu.identification.IdentificationService;
import org.bangfu.identification.TriggerFacts;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_AssessEligibility: the monitoring-range DMN on the registry's figures and the confirmed facts — advice for
 * the township when it says "out of range". Without the year's line or with unrecorded months the test stops through
 * its boundary events (LINE_MISSING to the county, INCOME_INCOMPLETE to the village), with the reason as message.
 */
@Component
public class AssessEligibilityDelegate implements JavaDelegate {

  private final IdentificationService identification;

  public AssessEligibilityDelegate(IdentificationService identification) {
    this.identification = identification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TriggerFacts facts = new TriggerFacts(UNSAFE_HOUSING.getOrDefault(execution, false),
        UNSAFE_WATER.getOrDefault(execution, false), DROPOUT_RISK.getOrDefault(execution, false),
        NO_MEDICAL_INSURANCE.getOrDefault(execution, false),
        BigDecimal.valueOf(MEDICAL_SELF_PAY.getOrDefault(execution, 0d)),
        SHARP_INCOME_DROP.getOrDefault(execution, false));
    IdentificationService.Assessment assessment = identification.assess(CASE_ID.get(execution), facts);
    if (assessment.stopCode() != null) {
      throw new BpmnError(assessment.stopCode(), assessment.stopMessage());
    }
    Eligibility eligibility = assessment.eligibility();
    ELIGIBLE.set(execution, eligibility.eligible());
    HOUSEHOLD_TYPE.set(execution, eligibility.householdType());
    ELIGIBILITY_REASON.set(execution, eligibility.reason());
    PER_CAPITA_INCOME.set(execution, eligibility.perCapitaIncome().doubleValue());
    ADJUSTED_PER_CAPITA_INCOME.set(execution, eligibility.adjustedPerCapitaIncome().doubleValue());
    INCOME_THRESHOLD.set(execution, eligibility.incomeThreshold().doubleValue());
    LINE_SOURCE.set(execution, eligibility.lineSource());
  }
}
