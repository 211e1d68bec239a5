package org.bangfu.workers.identification;

import static org.bangfu.identification.RiskIdentification.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.identification.IdentificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_StartUrgentMeasures: green channel, the urgent measures start as department tasks at once. */
@Component
public class StartUrgentMeasuresDelegate implements JavaDelegate {

  private final IdentificationService identification;

  public StartUrgentMeasuresDelegate(IdentificationService identification) {
    this.identification = identification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    identification.startUrgentMeasures(CASE_ID.get(execution), URGENT_MEASURES.get(execution),
        DECIDED_BY.get(execution));
    GREEN_CHANNEL_STARTED.set(execution, true);
  }
}
