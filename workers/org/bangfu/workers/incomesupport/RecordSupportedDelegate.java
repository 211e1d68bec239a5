package org.bangfu.workers.incomesupport;

import static org.bangfu.incomesupport.IncomeSupport.INCOME_SUPPORT_ID;

import org.bangfu.incomesupport.IncomeSupportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordSupported: every path of the plan is done; the ledger row says so. */
@Component
public class RecordSupportedDelegate implements JavaDelegate {

  private final IncomeSupportService incomeSupport;

  public RecordSupportedDelegate(IncomeSupportService incomeSupport) {
    this.incomeSupport = incomeSupport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incomeSupport.recordSupported(INCOME_SUPPORT_ID.get(execution));
  }
}
