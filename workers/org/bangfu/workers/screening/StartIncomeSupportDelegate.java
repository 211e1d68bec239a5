package org.bangfu.workers.screening;

import static org.bangfu.screening.PeriodicScreening.RUN_ID;
import static org.bangfu.shared.CaseVariables.VILLAGE_CODE;

import org.bangfu.incomesupport.IncomeSupportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_StartIncomeSupport: each 增收重点帮扶对象 of the village gets its ledger row and its own process. */
@Component
public class StartIncomeSupportDelegate implements JavaDelegate {

  private final IncomeSupportService incomeSupport;

  public StartIncomeSupportDelegate(IncomeSupportService incomeSupport) {
    this.incomeSupport = incomeSupport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incomeSupport.startForVillage(RUN_ID.get(execution), VILLAGE_CODE.get(execution));
  }
}
