package org.bangfu.workers.supportindustry;

import static org.bangfu.supportindustry.ProjectReviewProcess.*;

import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_PublishAdjustmentNotice: the approved adjustment is noticed for the county's configured days. */
@Component
public class PublishAdjustmentNoticeDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public PublishAdjustmentNoticeDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ADJUSTMENT_NOTICE.set(execution, projects.publishNotice(REVIEW_ID.get(execution),
        ADJUSTMENT_OUTCOME.get(execution), ADJUSTMENT_PLAN.get(execution)));
  }
}
