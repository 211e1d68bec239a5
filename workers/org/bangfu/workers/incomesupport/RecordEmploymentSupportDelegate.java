package org.bangfu.workers.incomesupport;

import static org.bangfu.incomesupport.IncomeSupport.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.incomesupport.IncomeSupportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordEmploymentSupport: what 人社局 did (a public post first, §28) goes into the ledger. */
@Component
public class RecordEmploymentSupportDelegate implements JavaDelegate {

  private final IncomeSupportService incomeSupport;

  public RecordEmploymentSupportDelegate(IncomeSupportService incomeSupport) {
    this.incomeSupport = incomeSupport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incomeSupport.recordEmployment(INCOME_SUPPORT_ID.get(execution), EMPLOYMENT_OUTCOME.get(execution),
        EMPLOYMENT_NOTE.get(execution), DECIDED_BY.get(execution));
  }
}
