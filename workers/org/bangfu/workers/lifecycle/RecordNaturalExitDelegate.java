package org.bangfu.workers.lifecycle;

import static org.bangfu.lifecycle.AssistanceCase.NATURAL_EXIT_REASON;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.lifecycle.LifecycleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordNaturalExit: 风险自然消除 — the village cadre found on a visit or a tracking check that every member
 * has died or the household's registration was cancelled; the case closes by that route.
 */
@Component
public class RecordNaturalExitDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;

  public RecordNaturalExitDelegate(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.naturalExit(CASE_ID.get(execution), NATURAL_EXIT_REASON.get(execution), DECIDED_BY.get(execution));
  }
}
