package org.bangfu.approval;

import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.ClaimAndCompleteCmd;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Service;

/**
 * 办理 in one request: the user's task — by its id, or as their task at a step of a case — claimed if free and
 * completed in one transaction ({@link ClaimAndCompleteCmd}), with the same checks as Tasklist's claim and
 * completion through the engine REST API. Not in a transaction of its own: the engine's command is the transaction,
 * so a completion that lost a race with another step of the case is run again as a Tasklist completion is.
 */
@Service
public class TaskCompletion {

  /** The completed task and its step's name. */
  public record Completed(String taskId, String stepName) {
  }

  private final ProcessEngine engine;
  private final CaseFileService caseFiles;
  private final RegionAccess access;

  public TaskCompletion(ProcessEngine engine, CaseFileService caseFiles, RegionAccess access) {
    this.engine = engine;
    this.caseFiles = caseFiles;
    this.access = access;
  }

  public Completed completeTask(String taskId, Map<String, Object> fields, BangfuUser user) {
    return run(ClaimAndCompleteCmd.task(taskId, fields, completer(user)));
  }

  public Completed completeStep(long caseId, String step, Map<String, Object> fields, BangfuUser user) {
    if (step == null || !step.matches("[A-Za-z][A-Za-z0-9_-]{0,99}")) {
      throw InvalidInputException.of("step", "环节编号有误：应为流程模型中用户任务的编号（如 Activity_TownshipReview）");
    }
    CaseFile caseFile = caseFiles.find(caseId);
    return run(ClaimAndCompleteCmd.step(caseFile.getBusinessKey(), caseFile.getVillageCode(), step, fields,
        completer(user)));
  }

  private ClaimAndCompleteCmd.Completer completer(BangfuUser user) {
    return new ClaimAndCompleteCmd.Completer(user.id(), user.groups(), user.isAdmin(),
        village -> access.canSee(user, village));
  }

  private Completed run(ClaimAndCompleteCmd command) {
    command.runOn(engine);
    return new Completed(command.taskId(), command.stepName());
  }
}
