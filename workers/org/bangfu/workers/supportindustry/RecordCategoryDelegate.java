package org.bangfu.workers.supportindustry;

import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.supportindustry.ProjectReviewProcess.*;

import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordCategory: the county's class becomes the project's, with its reason, in the asset ledger. */
@Component
public class RecordCategoryDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public RecordCategoryDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    projects.recordDecision(REVIEW_ID.get(execution), PROJECT_CATEGORY.get(execution),
        CATEGORY_REASON.get(execution), DECIDED_BY.get(execution));
  }
}
