package org.bangfu.workers.plan;

import static org.bangfu.plan.HouseholdPlan.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import java.util.EnumMap;
import java.util.Map;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.plan.Plan;
import org.bangfu.plan.PlanService.MeasureLine;
import org.bangfu.plan.PlanService.PlanForm;
import org.bangfu.plan.PlanService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_SavePlan: the cadre's plan is checked and saved as the draft version; a wrong entry refuses the whole
 * completion (the task stays open). The reviewers' earlier decisions are cleared so each review starts blank.
 */
@Component
public class SavePlanDelegate implements JavaDelegate {

  private final PlanService plans;

  public SavePlanDelegate(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<MeasureCode, MeasureLine> measures = new EnumMap<>(MeasureCode.class);
    for (MeasureCode code : MeasureCode.values()) {
      if (Boolean.TRUE.equals(chosen(code).get(execution))) {
        measures.put(code, new MeasureLine(department(code).get(execution), amount(code).get(execution), dueDate(code).get(execution),
            responsible(code).get(execution)));
      }
    }
    Plan plan = plans.saveDraft(new PlanForm(PLAN_ID.get(execution), measures, INCOME_TARGET.get(execution),
        REVIEW_DATE.get(execution), NOTE.get(execution), Boolean.TRUE.equals(HOUSEHOLD_CONFIRMED.get(execution)),
        DECIDED_BY.get(execution)));
    SUMMARY.set(execution, PlanService.summary(plan));
    for (Var<String> decision : java.util.List.of(TOWNSHIP_DECISION, TOWNSHIP_REASON, COUNTY_DECISION,
        COUNTY_REASON)) {
      decision.set(execution, null);
    }
  }
}
