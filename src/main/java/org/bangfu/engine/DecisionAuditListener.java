package org.bangfu.engine;

import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import java.util.List;
import java.util.Set;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casefile.Decisions;
import org.bangfu.shared.ModelProperties;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Runs on the completion of every user task (added by {@link DecisionAuditParseListener}), whether completed in
 * Tasklist, through the engine REST API or the application's API:
 * <ul>
 *   <li>only the user who claimed a task may complete it, and only once every co-signer (加签) has signed;</li>
 *   <li>what was submitted must follow the rules of the step's form ({@link FormSubmissionCheck});</li>
 *   <li>the decision named by the task's {@code decisionVariable} property must be one of its
 *       {@code decisionValues}, with a reason where {@code reasonRequiredFor} says so;</li>
 *   <li>the decision is appended to the case's audit in the same transaction as the completion.</li>
 * </ul>
 */
@Component
public class DecisionAuditListener implements TaskListener {

  public static final String DECISION_VARIABLE = "decisionVariable";
  public static final String REASON_VARIABLE = "reasonVariable";
  public static final String DECISION_VALUES = "decisionValues";
  public static final String REASON_REQUIRED_FOR = "reasonRequiredFor";
  public static final String REQUIRE_CHECKED = "requireChecked";

  /** Decisions that end the case as 不予纳入. */
  static final Set<String> REJECTIONS = Set.of("REJECT", "EXCLUDED");

  private static final Var<String> REJECT_REASON = Var.string("rejectReason");
  private static final Var<String> REJECTED_BY = Var.string("rejectedBy");
  private static final Var<String> REJECTED_STEP = Var.string("rejectedStep");

  private final CaseFileService caseFiles;

  public DecisionAuditListener(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  /**
   * The completion policy of a user task, in the order a cadre would want to hear it: who may complete, whether the
   * co-signers have signed, whether the form sent only its own fields, whether the decision is one the step offers,
   * with its reason and authorisation where the model asks for them; then the decision is recorded.
   */
  @Override
  public void notify(DelegateTask task) {
    String actor = actor(task);
    requireCoSignersSigned(task);
    FormSubmissionCheck.check(task);
    Decision decision = decision(task);
    requireReasonWhereAsked(task, decision);
    requireAuthorisationWhereAsked(task, decision);
    record(task, decision, actor);
  }

  /** A step's decision and its reason as the form gave them. */
  record Decision(String variable, String value, List<String> allowed, String reasonVariable, String reason) {
  }

  /**
   * 加签: every co-signer's 会签 sub-task is finished before the step may be completed. Read through the engine's task
   * manager in the completion's own command: every sub-task, whatever the completing user may see, by the index on
   * PARENT_TASK_ID_, without the task query's dynamic SQL and authorization joins (3 % of a completion's CPU).
   */
  private static void requireCoSignersSigned(DelegateTask task) {
    List<String> coSigners = Context.getCommandContext().getTaskManager().findTasksByParentTaskId(task.getId())
        .stream().map(org.camunda.bpm.engine.task.Task::getAssignee).toList();
    if (!coSigners.isEmpty()) {
      throw new InvalidDecisionException("coSigners", "加签人员 "
          + UserNames.inCommand(task.getProcessEngineServices().getIdentityService(), coSigners)
          + " 尚未签署意见，暂不能办结“" + task.getName() + "”");
    }
  }

  /** The decision given in the step's decision variable, one of the values the model offers. */
  private static Decision decision(DelegateTask task) {
    String decisionVariable = property(task, DECISION_VARIABLE);
    if (decisionVariable == null) {
      throw new IllegalStateException("user task " + task.getTaskDefinitionKey() + " has no decisionVariable");
    }
    Object decisionValue = task.getVariable(decisionVariable);
    String decision = decisionValue == null ? null : decisionValue.toString();
    List<String> allowed = list(property(task, DECISION_VALUES));
    if (decision == null || decision.isBlank()) {
      throw new InvalidDecisionException(decisionVariable,
          "请填写“" + task.getName() + "”的办理意见（" + decisionVariable + "）");
    }
    if (!allowed.isEmpty() && !allowed.contains(decision)) {
      throw new InvalidDecisionException(decisionVariable,
          "办理意见“" + decision + "”无效，应为 " + String.join("、", allowed.stream().map(DecisionAuditListener::label)
              .toList()));
    }
    String reasonVariable = property(task, REASON_VARIABLE);
    Object reasonValue = reasonVariable == null ? null : task.getVariable(reasonVariable);
    // forms submit an untouched text area as "": no reason given
    String reason = reasonValue == null || reasonValue.toString().isBlank() ? null : reasonValue.toString().trim();
    return new Decision(decisionVariable, decision, allowed, reasonVariable, reason);
  }

  /** reasonRequiredFor: a rejection or return says why. */
  private static void requireReasonWhereAsked(DelegateTask task, Decision decision) {
    if (list(property(task, REASON_REQUIRED_FOR)).contains(decision.value()) && decision.reason() == null) {
      throw new InvalidDecisionException(decision.reasonVariable(), "选择“" + label(decision.value()) + "”时必须填写理由");
    }
  }

  /** requireChecked: the first (positive) decision needs the household's signed authorisation. */
  private static void requireAuthorisationWhereAsked(DelegateTask task, Decision decision) {
    String requireChecked = property(task, REQUIRE_CHECKED);
    if (requireChecked != null && !decision.allowed().isEmpty() && decision.allowed().get(0).equals(decision.value())
        && !Boolean.TRUE.equals(task.getVariable(requireChecked))) {
      throw new InvalidDecisionException(requireChecked, "请先取得农户签字的授权书（" + requireChecked + "）");
    }
  }

  /** The case's audit row, who decided, and on a rejection why, by whom and at which step. */
  private void record(DelegateTask task, Decision decision, String actor) {
    Long caseId = CASE_ID.get(task);
    // tasks of a case go to its audit; periodic screening records its lists' outcomes itself
    if (caseId != null) {
      caseFiles.audit(caseId, task.getTaskDefinitionKey(), task.getName(), decision.value(), decision.reason(), actor,
          task.getId());
    }
    DECIDED_BY.set(task.getExecution(), actor);
    if (REJECTIONS.contains(decision.value())) {
      REJECT_REASON.set(task.getExecution(), decision.reason());
      REJECTED_BY.set(task.getExecution(), actor);
      REJECTED_STEP.set(task.getExecution(), task.getName());
    }
  }

  /** Only the claimant completes a claimed task; the system completes as SYSTEM. */
  private static String actor(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    String user = authentication == null ? null : authentication.getUserId();
    String assignee = task.getAssignee();
    if (user != null && assignee != null && !assignee.equals(user)) {
      throw new AuthorizationException("该任务已由 "
          + UserNames.inCommand(task.getProcessEngineServices().getIdentityService(), List.of(assignee))
          + " 认领，只能由认领人办理");
    }
    if (user != null) {
      return user;
    }
    return assignee != null ? assignee : CaseFileService.SYSTEM;
  }

  private static String label(String decision) {
    return Decisions.label(decision);
  }

  static String property(DelegateTask task, String name) {
    return ModelProperties.of((UserTask) task.getBpmnModelElementInstance(), name);
  }

  private static List<String> list(String commaSeparated) {
    return ModelProperties.list(commaSeparated);
  }

}
