package org.bangfu.workers.exit;

import static org.bangfu.exit.ExitReview.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;

import org.bangfu.exit.ExitService;
import org.bangfu.lifecycle.AssistanceCase;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordNotYet: the exit is not yet possible (the DMN, the village, the township or the county said so);
 * the case returns to its measures, with a plan revision when the reviewer asked for one.
 */
@Component
public class RecordNotYetDelegate implements JavaDelegate {

  private final ExitService exits;

  public RecordNotYetDelegate(ExitService exits) {
    this.exits = exits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = reason(execution);
    boolean revisePlan = Boolean.TRUE.equals(AssistanceCase.EXIT_REVISE_PLAN.get(execution));
    exits.notYet(CASE_ID.get(execution), reason, revisePlan);
    AssistanceCase.EXIT_OUTCOME.set(execution, ExitService.NOT_YET);
    AssistanceCase.EXIT_REVISE_PLAN.set(execution, revisePlan);
    if (revisePlan) {
      AssistanceCase.PLAN_REVISION_REASON.set(execution, "风险消除审核意见：" + reason);
    }
  }

  /** The reason of the step that said "not yet": only one step can, as any "not yet" ends the review. */
  static String reason(DelegateExecution execution) {
    if ("RETURN".equals(COUNTY_DECISION.get(execution))) {
      return COUNTY_REASON.get(execution);
    }
    if ("RETURN".equals(TOWNSHIP_DECISION.get(execution))) {
      return TOWNSHIP_REASON.get(execution);
    }
    if ("NOT_PASS".equals(REVIEW_DECISION.get(execution))) {
      return REVIEW_REASON.get(execution);
    }
    if ("NOT_YET".equals(VERIFY_DECISION.get(execution))) {
      return VERIFY_REASON.get(execution);
    }
    return ASSESSMENT_REASON.get(execution);
  }
}
