package org.bangfu.workers.measure;

import static org.bangfu.measure.MeasureImplementation.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.followup.FollowUpService;
import org.bangfu.lifecycle.AssistanceCase;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordVisit: the visit and the month's observed income are kept; a new risk ends the implementation for a
 * plan revision, a proposed exit for the exit review.
 */
@Component
public class RecordVisitDelegate implements JavaDelegate {

  private final FollowUpService followUps;

  public RecordVisitDelegate(FollowUpService followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = VISIT_OUTCOME.get(execution);
    followUps.record(CASE_ID.get(execution), VISIT_PERIOD.get(execution), VISIT_NET_INCOME.get(execution),
        VISIT_RIGID_SPENDING.get(execution), new FollowUpService.Kinds(VISIT_BUSINESS_INCOME.get(execution),
            VISIT_WAGE_INCOME.get(execution), VISIT_PROPERTY_INCOME.get(execution),
            VISIT_TRANSFER_INCOME.get(execution)), VISIT_CHANGES.get(execution), outcome, DECIDED_BY.get(execution));
    if (FollowUpService.NEW_RISK.equals(outcome)) {
      AssistanceCase.IMPLEMENTATION_OUTCOME.set(execution, "NEW_RISK");
      AssistanceCase.PLAN_REVISION_REASON.set(execution, "回访发现新的风险：" + VISIT_CHANGES.get(execution));
    } else if (AssistanceCase.NATURAL_EXIT.equals(outcome)) {
      AssistanceCase.IMPLEMENTATION_OUTCOME.set(execution, AssistanceCase.NATURAL_EXIT);
      AssistanceCase.NATURAL_EXIT_REASON.set(execution, VISIT_CHANGES.get(execution));
    } else if (FollowUpService.PROPOSE_EXIT.equals(outcome)) {
      AssistanceCase.IMPLEMENTATION_OUTCOME.set(execution, "EXIT_PROPOSED");
    }
    // the next visit's form starts blank
    for (Var<?> field : java.util.List.of(VISIT_PERIOD, VISIT_NET_INCOME, VISIT_RIGID_SPENDING,
        VISIT_BUSINESS_INCOME, VISIT_WAGE_INCOME, VISIT_PROPERTY_INCOME, VISIT_TRANSFER_INCOME, VISIT_CHANGES,
        org.bangfu.shared.CaseVariables.REASSESS_REASON)) {
      execution.setVariable(field.name(), null);
    }
  }
}
