package org.bangfu.workers.plan;

import static org.bangfu.plan.HouseholdPlan.PLAN_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.plan.PlanService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_ApprovePlan: the county approved; this version is the plan in force, the previous one is kept. */
@Component
public class ApprovePlanDelegate implements JavaDelegate {

  private final PlanService plans;

  public ApprovePlanDelegate(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    plans.approve(PLAN_ID.get(execution), DECIDED_BY.get(execution));
  }
}
