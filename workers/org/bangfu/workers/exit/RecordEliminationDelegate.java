package org.bangfu.workers.exit;

import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.exit.ExitService;
import org.bangfu.lifecycle.AssistanceCase;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordElimination: the county approved; the case is marked 风险消除. */
@Component
public class RecordEliminationDelegate implements JavaDelegate {

  private final ExitService exits;

  public RecordEliminationDelegate(ExitService exits) {
    this.exits = exits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    exits.eliminate(CASE_ID.get(execution), DECIDED_BY.get(execution));
    AssistanceCase.EXIT_OUTCOME.set(execution, ExitService.ELIMINATED);
  }
}
