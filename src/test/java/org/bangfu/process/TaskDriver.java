package org.bangfu.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Works tasks in process tests the way Tasklist does: claim, then complete as the claiming user. */
public final class TaskDriver {

  private final ProcessEngine engine;

  public TaskDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  public void decide(String user, Task task, Map<String, Object> variables) {
    if (task == null) {
      throw new AssertionError("no open task to complete");
    }
    engine.getTaskService().claim(task.getId(), user);
    engine.getIdentityService().setAuthentication(user, List.of());
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The open task at this activity in any instance with this business key (the case and its called processes). */
  public Task taskAt(String businessKey, String activity) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(activity).singleResult();
  }

  public List<Task> tasks(String businessKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).list();
  }

  /** Executes the single timer job of the case's instances. */
  public void fireTimer(String businessKey) {
    List<Job> jobs = engine.getManagementService().createJobQuery().timers().list().stream()
        .filter(j -> businessKey.equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
        .toList();
    if (jobs.size() != 1) {
      throw new AssertionError("expected one timer for " + businessKey + ", found " + jobs.size());
    }
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }

  public Job timer(String businessKey) {
    return engine.getManagementService().createJobQuery().timers().list().stream()
        .filter(j -> businessKey.equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
        .findFirst().orElse(null);
  }
}
