package org.bangfu.workers.measure;

import static org.bangfu.shared.CaseVariables.CASE_ID;

import org.bangfu.measure.MeasureService;
import org.bangfu.plan.Plan;
import org.bangfu.plan.PlanService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_IssueMeasures: the approved plan's measures become open measures of their departments; measures a
 * revised plan dropped are cancelled. One delivery branch then runs per open measure.
 */
@Component
public class IssueMeasuresDelegate implements JavaDelegate {

  private final PlanService plans;
  private final MeasureService measures;

  public IssueMeasuresDelegate(PlanService plans, MeasureService measures) {
    this.plans = plans;
    this.measures = measures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long caseId = CASE_ID.get(execution);
    Plan plan = plans.approvedPlan(caseId);
    if (plan == null) {
      throw new IllegalStateException("case " + caseId + " has no approved plan");
    }
    measures.issuePlanMeasures(caseId, plan);
  }
}
