package org.bangfu.workers.identification;

import static org.bangfu.identification.RiskIdentification.HOUSEHOLD_TYPE;
import static org.bangfu.identification.RiskIdentification.PROPOSED_HOUSEHOLD_TYPE;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.identification.IdentificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordTownshipJudgement: the township went on although the rules said "out of range"; the household type
 * it proposed becomes the case's, for the village review and the county.
 */
@Component
public class RecordTownshipJudgementDelegate implements JavaDelegate {

  private final IdentificationService identification;

  public RecordTownshipJudgementDelegate(IdentificationService identification) {
    this.identification = identification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HOUSEHOLD_TYPE.set(execution, identification.recordTownshipJudgement(CASE_ID.get(execution),
        PROPOSED_HOUSEHOLD_TYPE.get(execution), DECIDED_BY.get(execution)));
  }
}
