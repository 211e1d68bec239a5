package org.bangfu.workers.incomesupport;

import static org.bangfu.incomesupport.IncomeSupport.INCOME_SUPPORT_ID;

import org.bangfu.incomesupport.IncomeSupportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_AnalyseIncome: why the household's income is low or falling, by kind, and whether labour is short. */
@Component
public class AnalyseIncomeDelegate implements JavaDelegate {

  private final IncomeSupportService incomeSupport;

  public AnalyseIncomeDelegate(IncomeSupportService incomeSupport) {
    this.incomeSupport = incomeSupport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incomeSupport.analyse(INCOME_SUPPORT_ID.get(execution));
  }
}
