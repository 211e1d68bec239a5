package org.bangfu.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What a user may submit with a task: exactly the fields of the deployed Camunda Form the step uses that the form
 * lets them edit (not {@code disabled}, not {@code readonly}); a read-only field only with its current value (a form
 * sends it back unchanged). Variables that route, reference or record a decision are never form fields (the lint
 * refuses such forms), so no completion can write them. Read in one engine command, without authorization checks:
 * the engine checks the user's right to the task itself when the request goes on. The engine REST API's gate
 * ({@link EngineRestGate}) and 办理 in one request ({@link ClaimAndCompleteCmd}) rule with the same facts.
 */
public final class TaskSubmission {

  /**
   * The task as the request gate needs it.
   *
   * @param editable fields the user may submit
   * @param readOnly read-only fields with their current values (may be sent back unchanged)
   * @param candidateGroups groups offered the task, {@code candidateUsers} users offered it
   * @param form the step's deployed form, or null
   */
  public record Facts(String taskId, String assignee, String parentTaskId, boolean hasForm, Set<String> editable,
      Map<String, Object> readOnly, Set<String> candidateUsers, Set<String> candidateGroups, JsonNode form) {

    public boolean isCoSign() {
      return parentTaskId != null;
    }

    /** Whether the task is offered to the user: their own, or theirs to claim as a candidate or group member. */
    public boolean offeredTo(String userId, Predicate<String> memberOf) {
      return offered(userId, assignee, candidateUsers, candidateGroups, memberOf);
    }

    /**
     * Why a completion with these fields is refused before anything is written (HTTP 400), or null: a name the form
     * does not let the user write, or a value its fields would refuse (length, pattern, number, option).
     */
    public String fieldRefusal(Map<String, Object> submitted) {
      List<String> refused = refused(submitted);
      if (!refused.isEmpty()) {
        return "只能提交本环节表单中可填写的内容，以下字段不能提交：" + String.join("、", refused)
            + "（案件的区划、类型、收入和决定由系统步骤填写）";
      }
      try {
        FormSubmissionCheck.checkValues(form, submitted);
      } catch (InvalidDecisionException e) {
        return e.getMessage();
      }
      return null;
    }

    /** The submitted names the form does not let the user write (in the order given). */
    public List<String> refused(Map<String, Object> submitted) {
      List<String> refused = new ArrayList<>();
      submitted.forEach((name, value) -> {
        if (editable.contains(name)) {
          return;
        }
        if (readOnly.containsKey(name) && same(readOnly.get(name), value)) {
          return;
        }
        refused.add(name);
      });
      return refused;
    }

    private static boolean same(Object current, Object sent) {
      if (current == null || sent == null) {
        return current == sent;
      }
      if (current instanceof Number a && sent instanceof Number b) {
        return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
      }
      return current.toString().equals(sent.toString());
    }
  }

  /** A 会签 sub-task is signed with an opinion, never completed as a step. */
  public static final String CO_SIGN_REFUSAL = "会签任务请在“审批操作”中选择同意或不同意并签署意见后提交";

  /** Values of another type than a form sends (objects, lists, files…), before the names of the fields. */
  public static final String UNSUPPORTED_TYPES = "表单只能提交文字、数字、是否和日期，以下字段的类型不能提交：";

  private TaskSubmission() {
  }

  /** The facts of an open task; null when there is none with that id. */
  public static Facts of(ProcessEngineConfigurationImpl engine, String taskId) {
    return engine.getCommandExecutorTxRequired().execute((Command<Facts>) context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      return task == null ? null : of(task);
    });
  }

  /** Whether the task is offered to the user (its identity links only, without reading its form). */
  static boolean offered(TaskEntity task, String userId, Predicate<String> memberOf) {
    Set<String> users = new HashSet<>();
    Set<String> groups = new HashSet<>();
    candidates(task, users, groups);
    return offered(userId, task.getAssignee(), users, groups, memberOf);
  }

  private static boolean offered(String userId, String assignee, Set<String> users, Set<String> groups,
      Predicate<String> memberOf) {
    return userId.equals(assignee) || users.contains(userId) || groups.stream().anyMatch(memberOf);
  }

  /** The users and groups a task is offered to as a candidate. */
  private static void candidates(TaskEntity task, Set<String> users, Set<String> groups) {
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
  }

  /** The facts of a task read in the caller's engine command. */
  static Facts of(TaskEntity task) {
    Set<String> users = new HashSet<>();
    Set<String> groups = new HashSet<>();
    candidates(task, users, groups);
    JsonNode form = task.getProcessDefinitionId() == null ? null : FormSubmissionCheck.deployedForm(task);
    Set<String> editable = new HashSet<>();
    Map<String, Object> readOnly = new HashMap<>();
    if (form != null) {
      List<JsonNode> fields = new ArrayList<>();
      FormSubmissionCheck.collect(form.path("components"), fields);
      for (JsonNode field : fields) {
        String key = field.path("key").asText();
        if (field.path("disabled").asBoolean(false)) {
          continue; // shown only, never submitted by the form
        }
        if (field.path("readonly").asBoolean(false)) {
          readOnly.put(key, task.getVariable(key));
        } else {
          editable.add(key);
        }
      }
    }
    return new Facts(task.getId(), task.getAssignee(), task.getParentTaskId(), form != null, Set.copyOf(editable),
        readOnly, Set.copyOf(users), Set.copyOf(groups), form);
  }
}
