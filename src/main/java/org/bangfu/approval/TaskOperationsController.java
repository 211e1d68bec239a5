package org.bangfu.approval;

import java.util.List;
import java.util.Map;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.bangfu.security.PersonNames;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approver operations on a task (HTTP Basic, like every write of the application API): 转办, 委派, 催办, 退回,
 * 撤回, 加签 and its signing, 抄送.
 */
@RestController
@RequestMapping("/api/tasks/{taskId}")
public class TaskOperationsController {

  public record TransferRequest(String toUser, String reason) {
  }

  public record UrgeRequest(String message) {
  }

  public record ReturnRequest(String target, String reasonCode, String comment) {
  }

  public record CoSignerRequest(String coSigner, String reason) {
  }

  public record SignRequest(String opinion, String comment) {
  }

  public record CopyRequest(List<String> recipients, String note) {
  }

  private final TaskOperations operations;
  private final TaskReturn returns;
  private final TaskWithdrawal withdrawals;
  private final CoSigning coSigning;
  private final CarbonCopies copies;
  private final ApprovalTasks tasks;
  private final CurrentUser currentUser;
  private final Recipients recipients;
  private final PersonNames names;

  public TaskOperationsController(TaskOperations operations, TaskReturn returns, TaskWithdrawal withdrawals,
      CoSigning coSigning, CarbonCopies copies, ApprovalTasks tasks, CurrentUser currentUser,
      Recipients recipients, PersonNames names) {
    this.recipients = recipients;
    this.names = names;
    this.tasks = tasks;
    this.operations = operations;
    this.returns = returns;
    this.withdrawals = withdrawals;
    this.coSigning = coSigning;
    this.copies = copies;
    this.currentUser = currentUser;
  }

  /**
   * What the user may do with this task, for Tasklist's 审批操作 tab: the return targets and reason codes, whether
   * the step allows 加签 and who has not signed yet — or, on a co-sign task, that an opinion is asked.
   */
  @GetMapping("/operations")
  public Map<String, Object> operations(@PathVariable String taskId) {
    BangfuUser user = currentUser.get();
    java.util.Optional<String> asked = coSigning.request(taskId, user);
    if (asked.isPresent()) {
      return Map.of("coSignTask", true, "description", asked.get());
    }
    Task task = tasks.visibleTask(taskId, user);
    return Map.of("coSignTask", false, "holder", tasks.holds(task, user), "targets", returns.targets(task),
        "reasons", ReturnReason.choices(), "coSign", coSigning.allowed(task),
        "pendingCoSigners", names.of(coSigning.pending(taskId)).values(), "colleagues", recipients.colleagues(task, user),
        "viewers", recipients.viewers(task, user));
  }

  /** The steps this task may be returned to (configured per step in the model) and the reason codes. */
  @GetMapping("/return-targets")
  public Map<String, Object> returnTargets(@PathVariable String taskId) {
    return Map.of("targets", returns.targets(taskId, currentUser.get()), "reasons", ReturnReason.choices());
  }

  @PostMapping("/return")
  public Map<String, Object> returnTask(@PathVariable String taskId, @RequestBody ReturnRequest request) {
    TaskReturn.Returned returned = returns.returnTask(taskId, request.target(), request.reasonCode(),
        request.comment(), currentUser.get());
    return Map.of("message", "已退回至“" + returned.returnedTo() + "”", "taskIds", returned.newTaskIds());
  }

  /** 撤回: the id is the submitter's completed task. */
  @PostMapping("/withdraw")
  public Map<String, String> withdraw(@PathVariable String taskId) {
    TaskWithdrawal.Withdrawn withdrawn = withdrawals.withdraw(taskId, currentUser.get());
    return Map.of("message", "已撤回“" + withdrawn.step() + "”，可修改后重新提交", "taskId", withdrawn.taskId());
  }

  @PostMapping("/co-signers")
  public Map<String, String> addCoSigner(@PathVariable String taskId, @RequestBody CoSignerRequest request) {
    String subTask = coSigning.add(taskId, request.coSigner(), request.reason(), currentUser.get());
    return Map.of("message", "已加签 " + request.coSigner() + "，待其签署意见后才能办结", "taskId", subTask);
  }

  /** The co-signer's opinion; the id is their co-sign task. */
  @PostMapping("/co-sign")
  public Map<String, String> coSign(@PathVariable String taskId, @RequestBody SignRequest request) {
    coSigning.sign(taskId, request.opinion(), request.comment(), currentUser.get());
    return Map.of("message", "已签署意见");
  }

  @PostMapping("/cc")
  public Map<String, Object> carbonCopy(@PathVariable String taskId, @RequestBody CopyRequest request) {
    int sent = copies.send(taskId, request.recipients(), request.note(), currentUser.get());
    return Map.of("message", "已抄送", "copies", sent);
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
    int told = operations.urge(taskId, request == null ? null : request.message(), currentUser.get());
    return Map.of("message", "已催办 " + told + " 人", "told", told);
  }
}
