package org.bangfu.workers.exit;

import static org.bangfu.exit.ExitReview.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;

import org.bangfu.exit.ExitService.Assessment;
import org.bangfu.exit.ExitService.HomeFindings;
import org.bangfu.exit.ExitService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_AssessExit: the exit conditions decided by the DMN from the registry and the home verification. */
@Component
public class AssessExitDelegate implements JavaDelegate {

  private final ExitService exits;

  public AssessExitDelegate(ExitService exits) {
    this.exits = exits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assessment assessment = exits.assess(CASE_ID.get(execution), new HomeFindings(
        Boolean.TRUE.equals(RIGID_SPENDING_CONTROLLABLE.get(execution)),
        Boolean.TRUE.equals(BASIC_NEEDS_SECURED.get(execution)),
        Boolean.TRUE.equals(DRINKING_WATER_SECURED.get(execution)),
        Boolean.TRUE.equals(ON_SAFETY_NET.get(execution))));
    ASSESSMENT.set(execution, assessment.outcome());
    ASSESSMENT_REASON.set(execution, assessment.reason());
  }
}
