package org.bangfu.workers.identification;

import static org.bangfu.identification.RiskIdentification.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;

import org.bangfu.identification.IdentificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_PublishNotice: the village notice starts; its period is the timer that follows. */
@Component
public class PublishNoticeDelegate implements JavaDelegate {

  private final IdentificationService identification;

  public PublishNoticeDelegate(IdentificationService identification) {
    this.identification = identification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    identification.noticePublished(CASE_ID.get(execution), NOTICE_DURATION.get(execution));
  }
}
