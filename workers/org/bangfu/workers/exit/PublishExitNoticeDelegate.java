package org.bangfu.workers.exit;

import static org.bangfu.exit.ExitReview.NOTICE_DURATION;
import static org.bangfu.shared.CaseVariables.CASE_ID;

import org.bangfu.exit.ExitService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_PublishExitNotice: the exit is publicly noticed in the village for at least five days. */
@Component
public class PublishExitNoticeDelegate implements JavaDelegate {

  private final ExitService exits;

  public PublishExitNoticeDelegate(ExitService exits) {
    this.exits = exits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    exits.noticePublished(CASE_ID.get(execution), NOTICE_DURATION.get(execution));
  }
}
