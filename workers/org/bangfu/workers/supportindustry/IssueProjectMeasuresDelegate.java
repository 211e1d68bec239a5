package org.bangfu.workers.supportindustry;

import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.supportindustry.ProjectReviewProcess.REVIEW_ID;

import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_IssueProjectMeasures: the class's measures go to their departments; a project to be adjusted sends the
 * households it benefits into identification (因产业项目失败).
 */
@Component
public class IssueProjectMeasuresDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public IssueProjectMeasuresDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    projects.issueMeasures(REVIEW_ID.get(execution), DECIDED_BY.get(execution));
  }
}
