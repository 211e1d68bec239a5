package org.bangfu.workers.supportindustry;

import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.supportindustry.ProjectReviewProcess.*;

import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordDeliberation: the villagers' meeting, checked (two thirds of its members present, a change agreed by
 * a majority of those present) and in the ledger.
 */
@Component
public class RecordDeliberationDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public RecordDeliberationDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    projects.recordDeliberation(REVIEW_ID.get(execution), ADJUSTMENT_OUTCOME.get(execution),
        ADJUSTMENT_PLAN.get(execution), DELIBERATION_DATE.get(execution), DELIBERATION_MEMBERS.get(execution),
        DELIBERATION_ATTENDEES.get(execution),
        DELIBERATION_AGREED.get(execution), DECIDED_BY.get(execution));
  }
}
