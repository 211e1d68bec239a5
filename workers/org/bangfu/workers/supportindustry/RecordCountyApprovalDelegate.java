package org.bangfu.workers.supportindustry;

import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.supportindustry.ProjectReviewProcess.*;

import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordCountyApproval: the county's approval of the adjustment, in the ledger. */
@Component
public class RecordCountyApprovalDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public RecordCountyApprovalDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    projects.recordApproval(REVIEW_ID.get(execution), "县级", COUNTY_ADJUSTMENT_DECISION.get(execution),
        COUNTY_ADJUSTMENT_REASON.get(execution), DECIDED_BY.get(execution));
  }
}
