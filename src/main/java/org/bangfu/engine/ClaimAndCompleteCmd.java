package org.bangfu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bangfu.casefile.StepLabels;
import org.bangfu.shared.CaseVariables;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A user's completion of their own task in one request and one transaction (办理: what Tasklist does in three —
 * find the task, claim it, complete it). The task is named by its id, or as the user's task of a step of a case. It
 * is checked as the engine REST gate checks a claim and a completion ({@link EngineRestGate}): offered to the user
 * (an administrator too acts only on tasks offered to them), not claimed by a colleague, not a 会签 sub-task, only the
 * fields the step's form lets the user edit, with values its fields accept. Then it is claimed if free and completed
 * with the user's engine authentication, so the engine checks its own authorizations, and the completion's listeners
 * ({@link DecisionAuditListener}: the claimant only, co-signers signed, the form's rules, the decision and its audit)
 * run as on every completion.
 *
 * <p>An instance of the engine's {@link CompleteTaskCmd}: {@link UserErrorInterceptor} treats it as a completion (a
 * task gone or completed at the same moment answers 409; a race lost to another step of the case is run again).
 * Anything refused throws before the first write, and the engine rolls the whole command back.
 */
public class ClaimAndCompleteCmd extends CompleteTaskCmd {

  /**
   * Who completes, and whether they may see a village's cases (for a task not offered to them: "not yours" inside
   * their region, "not found" outside it, so that nothing of another region leaks).
   */
  public record Completer(String userId, List<String> groups, boolean admin, Predicate<String> seesVillage) {
  }

  private final Completer completer;
  private final String businessKey;
  private final String step;
  /** The village of the case named by its business key. */
  private final String caseVillage;
  private String stepName;
  /** Whether this execution claimed the task (a retry runs the whole command again). */
  private boolean claimedHere;

  private ClaimAndCompleteCmd(String taskId, String businessKey, String caseVillage, String step,
      Map<String, Object> fields, Completer completer) {
    super(taskId, fields);
    this.businessKey = businessKey;
    this.caseVillage = caseVillage;
    this.step = step;
    this.completer = completer;
  }

  /** The task with this id. */
  public static ClaimAndCompleteCmd task(String taskId, Map<String, Object> fields, Completer completer) {
    return new ClaimAndCompleteCmd(taskId, null, null, null, fields, completer);
  }

  /**
   * The user's open task at this step of the case with this business key (its process, or a process it called);
   * the case's village says whether a refusal is "not yours" or "not found".
   */
  public static ClaimAndCompleteCmd step(String businessKey, String villageCode, String step, Map<String, Object> fields,
      Completer completer) {
    return new ClaimAndCompleteCmd(null, businessKey, villageCode, step, fields, completer);
  }

  /**
   * Runs the command in a transaction of its own, as the completer: the engine checks its authorizations on the
   * claim and the completion, and logs the operations as the user's.
   */
  public ClaimAndCompleteCmd runOn(ProcessEngine engine) {
    SystemQueries.asUser(engine.getIdentityService(), completer.userId(), completer.groups(),
        () -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(this));
    return this;
  }

  /** The completed task's id (after execution). */
  public String taskId() {
    return taskId;
  }

  /** The completed task's step as the user knows it (after execution). */
  public String stepName() {
    return stepName;
  }

  @Override
  public VariableMap execute(CommandContext context) {
    List<String> typed = unsupportedTypes(variables);
    if (!typed.isEmpty()) {
      throw CompletionRefusal.badFields(TaskSubmission.UNSUPPORTED_TYPES + String.join("、", typed));
    }
    TaskEntity task = businessKey == null ? byId(context) : atStep(context);
    TaskSubmission.Facts facts = TaskSubmission.of(task);
    String me = completer.userId();
    if (facts.assignee() != null && !me.equals(facts.assignee())) {
      throw CompletionRefusal.of(409, "该任务已由 " + UserNames.inCommand(context.getProcessEngineConfiguration()
          .getIdentityService(), List.of(facts.assignee())) + " 认领，只能由认领人办理");
    }
    if (facts.isCoSign()) {
      throw CompletionRefusal.of(403, TaskSubmission.CO_SIGN_REFUSAL);
    }
    String refused = facts.fieldRefusal(variables);
    if (refused != null) {
      throw CompletionRefusal.badFields(refused);
    }
    taskId = task.getId();
    stepName = task.getName();
    claimedHere = task.getAssignee() == null;
    if (claimedHere) {
      new ClaimTaskCmd(taskId, me).execute(context);
    }
    try {
      return super.execute(context);
    } catch (ProcessEngineException e) {
      // the completion's listener refusing what was entered (no decision, no reason, a required field): the user's
      // mistake, answered 400 with its words and the field it is about, which this API names (ListenerRefusalInterceptor
      // keeps such refusals out of the engine's ERROR log on every path; the application's other pages show the
      // words alone, so the field is named here and not by the shared exception handler)
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidDecisionException invalid) {
          Object field = invalid.getDetail();
          throw new CompletionRefusal(400, field == null ? null : field.toString(), invalid.getMessage());
        }
      }
      throw e;
    }
  }

  /**
   * The engine's check of the completion: the same as the claim's ({@code checkTaskWork} on the task, by every
   * command checker), so after a claim in this command — which passed it, and only added the assignee's grant — it
   * is not asked of the database a second time. A task the user had claimed before is checked as usual.
   */
  @Override
  protected void checkCompleteTask(TaskEntity task, CommandContext context) {
    if (!claimedHere) {
      super.checkCompleteTask(task, context);
    }
  }

  /** The open task with the command's id, if it is offered to the user. */
  private TaskEntity byId(CommandContext context) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      // done a moment ago (a double click, a colleague was faster) — or never anyone's: the same words for both
      throw CompletionRefusal.of(409, "任务不存在或已经办结（可能已由他人办理），请刷新待办列表");
    }
    if (!offered(task)) {
      throw notOffered(CaseVariables.VILLAGE_CODE.get(task));
    }
    return task;
  }

  /**
   * The one open task at the step offered to the user and not held by a colleague — or why there is none: not
   * offered at all, held by a colleague (named), the case not at the step, or several of the user's own.
   */
  private TaskEntity atStep(CommandContext context) {
    // by the business key's index, then each of the case's instances' tasks by theirs: a task query's plan would
    // scan every open task of the step in the county
    ProcessInstanceQueryImpl instances = new ProcessInstanceQueryImpl();
    instances.processInstanceBusinessKey(businessKey);
    List<TaskEntity> open = new ArrayList<>();
    for (ProcessInstance instance : context.runWithoutAuthorization(() -> instances.executeList(context, null))) {
      for (TaskEntity task : context.getTaskManager().findTasksByProcessInstanceId(instance.getId())) {
        if (step.equals(task.getTaskDefinitionKey()) && !task.isSuspended()) {
          open.add(task);
        }
      }
    }
    List<TaskEntity> offered = new ArrayList<>();
    for (TaskEntity task : open) {
      if (offered(task)) {
        offered.add(task);
      }
    }
    if (offered.isEmpty()) {
      if (!open.isEmpty()) {
        throw notOffered(caseVillage);
      }
      if (!completer.seesVillage().test(caseVillage)) {
        throw CompletionRefusal.of(404, "案件不存在，或不在您的辖区内");
      }
      String name = StepLabels.find(step);
      if (name == null) {
        throw new CompletionRefusal(400, "step", "环节编号有误：流程模型中没有编号为 " + step + " 的环节");
      }
      throw CompletionRefusal.of(409, "该案件当前没有待办理的“" + name + "”环节（可能已由他人办理，或尚未到达该环节），请刷新后重试");
    }
    List<TaskEntity> mine = offered.stream()
        .filter(t -> t.getAssignee() == null || completer.userId().equals(t.getAssignee())).toList();
    if (mine.size() > 1) {
      throw CompletionRefusal.of(409, "您在该案件的“" + mine.get(0).getName() + "”环节有 " + mine.size()
          + " 项待办，请按任务逐项办理（任务编号：" + String.join("、", mine.stream().map(TaskEntity::getId).toList()) + "）");
    }
    // held by a colleague: the check after this names them
    return mine.isEmpty() ? offered.get(0) : mine.get(0);
  }

  private boolean offered(TaskEntity task) {
    return TaskSubmission.offered(task, completer.userId(), completer.groups()::contains);
  }

  private CompletionRefusal notOffered(String village) {
    if (village == null || !completer.seesVillage().test(village)) {
      return CompletionRefusal.of(404, "任务不存在，或不在您的辖区内");
    }
    return CompletionRefusal.of(403, completer.admin() ? "管理员不能代替审批人员办理任务" : "您没有办理此任务的权限");
  }

  /** The names of values a form never sends: objects, lists, numbers beyond a long. */
  private static List<String> unsupportedTypes(Map<String, Object> fields) {
    List<String> names = new ArrayList<>();
    if (fields != null) {
      fields.forEach((name, value) -> {
        if (!(value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
            || value instanceof Long || value instanceof Double)) {
          names.add(name);
        }
      });
    }
    return names;
  }
}
