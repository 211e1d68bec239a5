package org.bangfu.workers.incomesupport;

import static org.bangfu.incomesupport.IncomeSupport.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.incomesupport.IncomeSupportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordSocialSecurityReview: 民政局's review (低保, 特困, other aid, or not eligible) goes into the ledger. */
@Component
public class RecordSocialSecurityReviewDelegate implements JavaDelegate {

  private final IncomeSupportService incomeSupport;

  public RecordSocialSecurityReviewDelegate(IncomeSupportService incomeSupport) {
    this.incomeSupport = incomeSupport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incomeSupport.recordSocial(INCOME_SUPPORT_ID.get(execution), SOCIAL_OUTCOME.get(execution),
        SOCIAL_NOTE.get(execution), DECIDED_BY.get(execution));
  }
}
