package org.bangfu.workers.plan;

import static org.bangfu.shared.CaseVariables.CASE_ID;

import org.bangfu.lifecycle.AssistanceCase;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.plan.PlanService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_PrepareDraftPlan: a draft version of the plan, recommended by the DMN (first plan) or copied from the plan
 * it revises, put into the form's fields for the village cadre.
 */
@Component
public class PrepareDraftPlanDelegate implements JavaDelegate {

  private final PlanService plans;

  public PrepareDraftPlanDelegate(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanService.Draft draft = plans.prepareDraft(CASE_ID.get(execution),
        AssistanceCase.PLAN_REVISION_REASON.get(execution));
    execution.setVariables(PlanService.formVariables(draft));
    HouseholdPlan.SUMMARY.set(execution, PlanService.summary(draft.plan()));
  }
}
