package org.bangfu.approval;

import java.util.Map;
import org.bangfu.security.CurrentUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 转办, 委派 and 催办 on a task (HTTP Basic, like every write of the application API). */
@RestController
@RequestMapping("/api/tasks/{taskId}")
public class TaskOperationsController {

  public record TransferRequest(String toUser, String reason) {
  }

  public record UrgeRequest(String message) {
  }

  private final TaskOperations operations;
  private final CurrentUser currentUser;

  public TaskOperationsController(TaskOperations operations, CurrentUser currentUser) {
    this.operations = operations;
    this.currentUser = currentUser;
  }

  @PostMapping("/transfer")
  public Map<String, String> transfer(@PathVariable String taskId, @RequestBody TransferRequest request) {
    operations.transfer(taskId, request == null ? null : request.toUser(), request == null ? null : request.reason(),
        currentUser.get());
    return Map.of("message", "已转办给 " + request.toUser());
  }

  @PostMapping("/delegate")
  public Map<String, String> delegate(@PathVariable String taskId, @RequestBody TransferRequest request) {
    operations.delegate(taskId, request == null ? null : request.toUser(), request == null ? null : request.reason(),
        currentUser.get());
    return Map.of("message", "已委派给 " + request.toUser() + "，办回后由您审核办结");
  }

  @PostMapping("/urge")
  public Map<String, Object> urge(@PathVariable String taskId, @RequestBody UrgeRequest request) {
    int mails = operations.urge(taskId, request == null ? null : request.message(), currentUser.get());
    return Map.of("message", "已催办", "mails", mails);
  }
}
