package org.bangfu.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * the engine checks the user's right to the task itself when the request goes on.
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

  private TaskSubmission() {
  }

  /** The facts of an open task; null when there is none with that id. */
  public static Facts of(ProcessEngineConfigurationImpl engine, String taskId) {
    return engine.getCommandExecutorTxRequired().execute((Command<Facts>) context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      Set<String> users = new HashSet<>();
      Set<String> groups = new HashSet<>();
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
    });
  }
}
