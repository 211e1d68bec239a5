package org.bangfu.workers.incomesupport;

import static org.bangfu.incomesupport.IncomeSupport.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.incomesupport.IncomeSupportService;
import org.bangfu.incomesupport.IncomeSupportService.Paths;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordIncomeSupportPlan: the village's plan goes into the ledger, and the paths it sets off are written
 * here (a household short of labour is always reviewed by 民政), never by the form.
 */
@Component
public class RecordIncomeSupportPlanDelegate implements JavaDelegate {

  private final IncomeSupportService incomeSupport;

  public RecordIncomeSupportPlanDelegate(IncomeSupportService incomeSupport) {
    this.incomeSupport = incomeSupport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Paths paths = incomeSupport.recordPlan(INCOME_SUPPORT_ID.get(execution), INCOME_CAUSES.get(execution),
        INCOME_SUPPORT_PLAN.get(execution), PAIRED_CADRE.get(execution),
        PLAN_INDUSTRY.getOrDefault(execution, false), PLAN_EMPLOYMENT.getOrDefault(execution, false),
        PLAN_SOCIAL.getOrDefault(execution, false), IDENTIFY_RISK.getOrDefault(execution, false),
        DECIDED_BY.get(execution));
    SUPPORT_INDUSTRY.set(execution, paths.industry());
    SUPPORT_EMPLOYMENT.set(execution, paths.employment());
    SUPPORT_SOCIAL.set(execution, paths.social());
  }
}
