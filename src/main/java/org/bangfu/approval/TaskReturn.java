package org.bangfu.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bangfu.approval.ApprovalMapper.TaskReturnRecord;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.ModelProperties;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退回: the holder of a step sends the case back to an earlier step the model allows for that step (its
 * {@code returnTargets} property: process owners configure it, the lint checks it), with a reason code and a comment.
 * The step's task is cancelled and the earlier step started again (process instance modification); the returned-to
 * tasks show why ({@code returnNote}), and when the case comes back to the returning step its task shows what changed
 * in the meantime ({@code changesSinceReturn}, see {@link ResubmissionListener}).
 */
@Service
public class TaskReturn {

  public static final String RETURN_TARGETS = "returnTargets";
  public static final String RETURN_NOTE = org.bangfu.shared.CaseVariables.RETURN_NOTE.name();
  public static final String CHANGES_SINCE_RETURN = "changesSinceReturn";

  /** The task-local variables the forms show: why a step was returned to, what changed since a return. */
  public static final List<Var<?>> ALL = List.of(Var.string(RETURN_NOTE), Var.string(CHANGES_SINCE_RETURN));

  /** Variables that are bookkeeping, not facts a cadre changes. */
  static final Set<String> NOT_COMPARED = Set.of(RETURN_NOTE, CHANGES_SINCE_RETURN, "decidedBy", "rejectReason",
      "rejectedBy", "rejectedStep");

  /** A step one may return to. */
  public record Target(String activityId, String name) {
  }

  public record Returned(String returnedTo, List<String> newTaskIds) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApprovalTasks tasks;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ApprovalMapper mapper;

  public TaskReturn(ApprovalTasks tasks, TaskService taskService, RuntimeService runtimeService,
      ApprovalMapper mapper) {
    this.tasks = tasks;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.mapper = mapper;
  }

  /** The steps this task may be returned to (none when the model allows no return here). */
  public List<Target> targets(String taskId, BangfuUser user) {
    Task task = tasks.visibleTask(taskId, user);
    return targets(task);
  }

  /** The steps a task the caller has checked may be returned to. */
  public List<Target> targets(Task task) {
    List<Target> targets = new ArrayList<>();
    for (String id : ModelProperties.list(tasks.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        RETURN_TARGETS))) {
      FlowElement element = tasks.element(task.getProcessDefinitionId(), id);
      if (element instanceof FlowNode) {
        targets.add(new Target(id, element.getName()));
      }
    }
    return targets;
  }

  @Transactional
  public Returned returnTask(String taskId, String target, String reasonCode, String comment, BangfuUser user) {
    Task task = tasks.visibleTask(taskId, user);
    tasks.requireHolder(task, user, "退回");
    List<Target> allowed = targets(task);
    if (allowed.isEmpty()) {
      throw InvalidInputException.of("target", "“" + task.getName() + "”环节不能退回");
    }
    Target to = allowed.stream().filter(t -> t.activityId().equals(target)).findFirst()
        .orElseThrow(() -> InvalidInputException.of("target", "只能退回到："
            + allowed.stream().map(Target::name).collect(Collectors.joining("、"))));
    ReturnReason reason = ReturnReason.of(reasonCode);
    if (comment == null || comment.isBlank() || comment.length() > 1000) {
      throw InvalidInputException.of("comment", "请写明退回的具体原因和需要补正的内容（不超过1000字）");
    }
    String pid = task.getProcessInstanceId();
    String note = user.id() + " 于 " + EngineClock.now().toLocalDate() + " 从“" + task.getName() + "”退回（"
        + reason.label() + "）：" + comment.trim();
    mapper.insertReturn(new TaskReturnRecord(null, tasks.caseId(pid), pid, task.getTaskDefinitionKey(),
        task.getName(), to.activityId(), to.name(), reason.name(), comment.trim(), user.id(), EngineClock.now(),
        snapshot(pid), null, null));
    tasks.audit(pid, task.getTaskDefinitionKey(), task.getName(), "RETURN",
        "退回至“" + to.name() + "”（" + reason.label() + "）：" + comment.trim(), user.id(), task.getId());

    Set<String> before = openTaskIds(pid);
    ActivityInstance current = ApprovalTasks.activityInstance(runtimeService.getActivityInstance(pid), task);
    runtimeService.createProcessInstanceModification(pid)
        .cancelActivityInstance(current.getId())
        .startBeforeActivity(to.activityId(), current.getParentActivityInstanceId())
        .execute();
    List<String> created = new ArrayList<>();
    for (Task t : taskService.createTaskQuery().processInstanceId(pid).list()) {
      if (!before.contains(t.getId())) {
        taskService.setVariableLocal(t.getId(), RETURN_NOTE, note);
        created.add(t.getId());
      }
    }
    return new Returned(to.name(), created);
  }

  /** The returns of a case's process instance, oldest first. */
  public List<TaskReturnRecord> returns(String processInstanceId) {
    return mapper.returnsOfInstance(processInstanceId);
  }

  private Set<String> openTaskIds(String pid) {
    return taskService.createTaskQuery().processInstanceId(pid).list().stream().map(Task::getId)
        .collect(Collectors.toSet());
  }

  /** The instance's variables as text (facts only), for comparing on resubmission. */
  String snapshot(String processInstanceId) {
    try {
      return JSON.writeValueAsString(comparable(runtimeService.getVariables(processInstanceId)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> comparable(Map<String, Object> variables) {
    Map<String, String> values = new TreeMap<>();
    variables.forEach((name, value) -> {
      if (NOT_COMPARED.contains(name)) {
        return;
      }
      if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
        values.put(name, value == null ? "" : value.toString());
      } else if (value instanceof Date date) {
        values.put(name, date.toInstant().toString());
      } else if (value instanceof java.util.Collection<?> || value instanceof Map<?, ?>) {
        values.put(name, value.toString());
      }
    });
    return values;
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> parse(String snapshot) {
    try {
      return JSON.readValue(snapshot, LinkedHashMap.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
