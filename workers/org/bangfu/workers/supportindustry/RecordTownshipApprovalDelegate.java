package org.bangfu.workers.supportindustry;

import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.supportindustry.ProjectReviewProcess.*;

import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordTownshipApproval: the township's review of the adjustment, in the ledger. */
@Component
public class RecordTownshipApprovalDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public RecordTownshipApprovalDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    projects.recordApproval(REVIEW_ID.get(execution), "乡镇", TOWNSHIP_ADJUSTMENT_DECISION.get(execution),
        TOWNSHIP_ADJUSTMENT_REASON.get(execution), DECIDED_BY.get(execution));
  }
}
