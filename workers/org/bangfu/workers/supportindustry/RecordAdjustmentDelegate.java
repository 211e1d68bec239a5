package org.bangfu.workers.supportindustry;

import static org.bangfu.supportindustry.ProjectReviewProcess.*;

import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordAdjustment: after the notice, the project is adjusted or retired; its record stays. */
@Component
public class RecordAdjustmentDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public RecordAdjustmentDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    projects.recordAdjustment(REVIEW_ID.get(execution), ADJUSTMENT_OUTCOME.get(execution),
        ADJUSTMENT_PLAN.get(execution));
  }
}
