package org.bangfu.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.process.ModelProperties;
import org.bangfu.process.Var;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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

  /** How a decision reads to a cadre, for messages. */
  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("ACCEPT", "受理"), Map.entry("CONFIRM", "确认"), Map.entry("PASS", "通过"),
      Map.entry("APPROVE", "同意"), Map.entry("CLEAR", "未发现排除情形"), Map.entry("RETURN", "退回"),
      Map.entry("REJECT", "不予纳入/不通过"), Map.entry("EXCLUDED", "命中排除情形"), Map.entry("DECLINE", "按常规程序"),
      Map.entry("DELIVERED", "已落实"), Map.entry("NOT_DELIVERED", "无法落实"), Map.entry("SUBMIT", "提交"),
      Map.entry("NOT_YET", "暂不具备"), Map.entry("NOT_PASS", "不通过"), Map.entry("CONTINUE", "继续"),
      Map.entry("NEW_RISK", "发现新的风险"), Map.entry("PROPOSE_EXIT", "建议风险消除"),
      Map.entry("REVIEW_EXIT", "重新评估风险消除"));

  private static final Var<Long> CASE_ID = Var.longVar("caseId");
  private static final Var<String> DECIDED_BY = Var.string("decidedBy");
  private static final Var<String> REJECT_REASON = Var.string("rejectReason");
  private static final Var<String> REJECTED_BY = Var.string("rejectedBy");
  private static final Var<String> REJECTED_STEP = Var.string("rejectedStep");

  private final CaseFileService caseFiles;

  public DecisionAuditListener(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = actor(task);
    List<String> coSigners = task.getProcessEngineServices().getTaskService().getSubTasks(task.getId()).stream()
        .map(org.camunda.bpm.engine.task.Task::getAssignee).toList();
    if (!coSigners.isEmpty()) {
      throw new InvalidDecisionException("coSigners",
          "加签人员 " + String.join("、", coSigners) + " 尚未签署意见，暂不能办结“" + task.getName() + "”");
    }
    FormSubmissionCheck.check(task);
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
    if (list(property(task, REASON_REQUIRED_FOR)).contains(decision) && reason == null) {
      throw new InvalidDecisionException(reasonVariable, "选择“" + label(decision) + "”时必须填写理由");
    }
    String requireChecked = property(task, REQUIRE_CHECKED);
    if (requireChecked != null && !allowed.isEmpty() && allowed.get(0).equals(decision)
        && !Boolean.TRUE.equals(task.getVariable(requireChecked))) {
      throw new InvalidDecisionException(requireChecked, "请先取得农户签字的授权书（" + requireChecked + "）");
    }

    Long caseId = CASE_ID.get(task);
    // tasks of a case go to its audit; periodic screening records its lists' outcomes itself
    if (caseId != null) {
      caseFiles.audit(caseId, task.getTaskDefinitionKey(), task.getName(), decision, reason, actor, task.getId());
    }
    DECIDED_BY.set(task.getExecution(), actor);
    if (REJECTIONS.contains(decision)) {
      REJECT_REASON.set(task.getExecution(), reason);
      REJECTED_BY.set(task.getExecution(), actor);
      REJECTED_STEP.set(task.getExecution(), task.getName());
    }
  }

  private static String actor(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    String user = authentication == null ? null : authentication.getUserId();
    String assignee = task.getAssignee();
    if (user != null && assignee != null && !assignee.equals(user)) {
      throw new AuthorizationException("该任务已由 " + assignee + " 认领，只能由认领人办理");
    }
    if (user != null) {
      return user;
    }
    return assignee != null ? assignee : CaseFileService.SYSTEM;
  }

  private static String label(String decision) {
    return LABELS.getOrDefault(decision, decision);
  }

  static String property(DelegateTask task, String name) {
    return ModelProperties.of((UserTask) task.getBpmnModelElementInstance(), name);
  }

  private static List<String> list(String commaSeparated) {
    return ModelProperties.list(commaSeparated);
  }

}
