package org.bangfu.lifecycle;

import static org.bangfu.shared.CaseVariables.REASSESS_REASON;

import java.util.Date;
import java.util.List;
import org.bangfu.measure.MeasureImplementation;
import org.bangfu.shared.EngineClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A department's flagged event about a household whose case is already monitored or tracked (docs/domain.md §6): the
 * village cadre re-assesses now. The case's next 入户回访 (monitored) or 持续跟踪核查 (tracked) is brought forward to
 * now, or, when that task is open already, it is told why; either way the task shows the event. The cadre's answer
 * (continue, a new risk that revises the plan, a proposal to exit) takes the case's usual routes.
 */
@Service
public class Reassessment {

  private static final List<String> TIMERS = List.of(MeasureImplementation.VISIT_DUE, AssistanceCase.YEARLY_CHECK_DUE);
  private static final List<String> TASKS = List.of(MeasureImplementation.FOLLOW_UP_VISIT,
      AssistanceCase.YEARLY_TRACKING_CHECK);

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;

  public Reassessment(RuntimeService runtimeService, ManagementService managementService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
  }

  /**
   * Asks the case's cadre to re-assess because of {@code why}; answers what was done, in a cadre's words, or null
   * when the case waits at no visit or tracking check (it is being identified, planned or reviewed for exit: the
   * people at those steps see the event in the case file).
   */
  public String requestFor(String businessKey, String why) {
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .active().list()) {
      Task open = taskService.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKeyIn(TASKS.toArray(String[]::new)).singleResult();
      if (open != null) {
        runtimeService.setVariable(instance.getId(), REASSESS_REASON.name(), why);
        return "已提示正在办理的“" + open.getName() + "”重新研判";
      }
      for (String activity : TIMERS) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
            .activityId(activity).singleResult();
        if (timer != null) {
          runtimeService.setVariable(instance.getId(), REASSESS_REASON.name(), why);
          managementService.setJobDuedate(timer.getId(), Date.from(EngineClock.now()
              .atZone(java.time.ZoneId.systemDefault()).toInstant()));
          return MeasureImplementation.VISIT_DUE.equals(activity) ? "已提前安排入户回访，请村干部重新研判"
              : "已提前安排持续跟踪核查，请村干部重新研判";
        }
      }
    }
    return null;
  }
}
