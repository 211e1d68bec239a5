package org.bangfu.workers.supportindustry;

import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.supportindustry.ProjectReviewProcess.MEASURE_ID;
import static org.bangfu.supportindustry.ProjectReviewProcess.MEASURE_OUTCOME;
import static org.bangfu.supportindustry.ProjectReviewProcess.MEASURE_RESULT;

import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordProjectMeasure: what the department did, in the measure and the project's ledger. */
@Component
public class RecordProjectMeasureDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public RecordProjectMeasureDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    projects.recordMeasure(MEASURE_ID.get(execution), MEASURE_OUTCOME.get(execution), MEASURE_RESULT.get(execution),
        DECIDED_BY.get(execution));
  }
}
