package org.bangfu.workers.exit;

import static org.bangfu.exit.ExitReview.ASSESSMENT_REASON;
import static org.bangfu.exit.ExitReview.TRACKING_CONFIRM_REASON;
import static org.bangfu.shared.CaseVariables.CASE_ID;

import org.bangfu.exit.ExitService;
import org.bangfu.lifecycle.AssistanceCase;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordTracking: a no-labour household under the safety net is tracked, not marked eliminated — once the
 * township confirmed the rules' hint; the audit names who did and why.
 */
@Component
public class RecordTrackingDelegate implements JavaDelegate {

  private final ExitService exits;

  public RecordTrackingDelegate(ExitService exits) {
    this.exits = exits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    exits.track(CASE_ID.get(execution), ASSESSMENT_REASON.get(execution) + "；乡镇确认："
        + TRACKING_CONFIRM_REASON.get(execution), org.bangfu.shared.CaseVariables.DECIDED_BY.get(execution));
    AssistanceCase.EXIT_OUTCOME.set(execution, ExitService.TRACKING);
  }
}
