package org.bangfu.workers.incomesupport;

import static org.bangfu.incomesupport.IncomeSupport.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.incomesupport.IncomeSupportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordInstructor: the technical instructor 农业农村局 assigned, and the industry measures. */
@Component
public class RecordInstructorDelegate implements JavaDelegate {

  private final IncomeSupportService incomeSupport;

  public RecordInstructorDelegate(IncomeSupportService incomeSupport) {
    this.incomeSupport = incomeSupport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incomeSupport.recordInstructor(INCOME_SUPPORT_ID.get(execution), INSTRUCTOR.get(execution),
        INDUSTRY_MEASURES.get(execution), DECIDED_BY.get(execution));
  }
}
