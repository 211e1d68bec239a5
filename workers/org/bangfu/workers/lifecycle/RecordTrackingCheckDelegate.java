package org.bangfu.workers.lifecycle;

import static org.bangfu.lifecycle.AssistanceCase.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordTrackingCheck: the yearly check of a tracked household (its decision is in the case audit); a new
 * risk found there is the reason of the plan revision that follows.
 */
@Component
public class RecordTrackingCheckDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    if ("NEW_RISK".equals(TRACKING_DECISION.get(execution))) {
      PLAN_REVISION_REASON.set(execution, "年度核查发现新的风险：" + TRACKING_FINDINGS.get(execution));
    }
    if (NATURAL_EXIT.equals(TRACKING_DECISION.get(execution))) {
      NATURAL_EXIT_REASON.set(execution, TRACKING_FINDINGS.get(execution));
    }
    // a department's event that brought the check forward has been answered
    org.bangfu.shared.CaseVariables.REASSESS_REASON.set(execution, null);
  }
}
