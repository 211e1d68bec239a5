package org.bangfu.workers.screening;

import static org.bangfu.screening.PeriodicScreening.RUN_ID;

import org.bangfu.incomesupport.IncomeSupportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_CompareLastYear: last year's 增收重点帮扶对象 get this survey's income, to compare in their ledger. */
@Component
public class CompareLastYearDelegate implements JavaDelegate {

  private final IncomeSupportService incomeSupport;

  public CompareLastYearDelegate(IncomeSupportService incomeSupport) {
    this.incomeSupport = incomeSupport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incomeSupport.compareWithLastYear(RUN_ID.get(execution));
  }
}
