package org.bangfu.approval;

import java.util.Map;
import org.bangfu.security.CurrentUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 办理 in one request (HTTP Basic, like every write of the application API): the fields of the step's form, claimed
 * if free and completed at once. For clients that know the case and the step (a village's app, a department's
 * system) — Tasklist's find, claim and complete in one request, with the same checks.
 */
@RestController
public class TaskCompletionController {

  /** The step's form fields by name: text, numbers, yes/no (a form's values, never objects or lists). */
  public record CompleteRequest(Map<String, Object> fields) {
  }

  private final TaskCompletion completion;
  private final CurrentUser currentUser;

  public TaskCompletionController(TaskCompletion completion, CurrentUser currentUser) {
    this.completion = completion;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/tasks/{taskId}/complete")
  public Map<String, String> completeTask(@PathVariable String taskId, @RequestBody(required = false)
      CompleteRequest request) {
    return answer(completion.completeTask(taskId, fields(request), currentUser.get()));
  }

  /** The user's task at this step of the case (its id in the process model, e.g. Activity_TownshipReview). */
  @PostMapping("/api/cases/{caseId}/steps/{step}/complete")
  public Map<String, String> completeStep(@PathVariable long caseId, @PathVariable String step,
      @RequestBody(required = false) CompleteRequest request) {
    return answer(completion.completeStep(caseId, step, fields(request), currentUser.get()));
  }

  private static Map<String, Object> fields(CompleteRequest request) {
    return request == null || request.fields() == null ? Map.of() : request.fields();
  }

  private static Map<String, String> answer(TaskCompletion.Completed completed) {
    return Map.of("message", "已办结“" + completed.stepName() + "”", "taskId", completed.taskId());
  }
}
