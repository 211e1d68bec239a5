package org.bangfu.workers.identification;

import static org.bangfu.identification.RiskIdentification.INCOME_LINES;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.identification.IdentificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordIncomeRecords: the months the village completed go into the registry; the test then runs again. */
@Component
public class RecordIncomeRecordsDelegate implements JavaDelegate {

  private final IdentificationService identification;

  public RecordIncomeRecordsDelegate(IdentificationService identification) {
    this.identification = identification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    identification.recordIncomeLines(CASE_ID.get(execution), INCOME_LINES.get(execution), DECIDED_BY.get(execution));
    // the next round asks afresh: a stale answer must not be taken for the new months
    INCOME_LINES.set(execution, null);
  }
}
