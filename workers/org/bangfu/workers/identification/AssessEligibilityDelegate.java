package org.bangfu.workers.identification;

import static org.bangfu.identification.RiskIdentification.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;

import java.math.BigDecimal;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.identification.Eligibility;
import org.bangfu.identification.IdentificationService;
import org.bangfu.identification.TriggerFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_AssessEligibility: the monitoring-range DMN on the registry's figures and the confirmed facts. */
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
        BigDecimal.valueOf(MEDICAL_SELF_PAY.getOrDefault(execution, 0d)));
    Eligibility eligibility = identification.assess(CASE_ID.get(execution), facts);
    ELIGIBLE.set(execution, eligibility.eligible());
    HOUSEHOLD_TYPE.set(execution, eligibility.householdType());
    ELIGIBILITY_REASON.set(execution, eligibility.reason());
    PER_CAPITA_INCOME.set(execution, eligibility.perCapitaIncome().doubleValue());
    ADJUSTED_PER_CAPITA_INCOME.set(execution, eligibility.adjustedPerCapitaIncome().doubleValue());
    INCOME_THRESHOLD.set(execution, eligibility.incomeThreshold().doubleValue());
    if (!eligibility.eligible()) {
      REJECT_REASON.set(execution, eligibility.reason());
      REJECTED_BY.set(execution, CaseFileService.SYSTEM);
      REJECTED_STEP.set(execution, "监测范围判定");
    }
  }
}
