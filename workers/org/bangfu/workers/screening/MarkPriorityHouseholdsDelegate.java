package org.bangfu.workers.screening;

import static org.bangfu.screening.PeriodicScreening.RUN_ID;

import org.bangfu.screening.PeriodicScreeningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_MarkPriorityHouseholds: the Q4 income survey lists the 增收重点帮扶对象 per village. */
@Component
public class MarkPriorityHouseholdsDelegate implements JavaDelegate {

  private final PeriodicScreeningService screening;

  public MarkPriorityHouseholdsDelegate(PeriodicScreeningService screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    screening.markPriority(RUN_ID.get(execution));
  }
}
