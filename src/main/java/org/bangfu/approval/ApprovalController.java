package org.bangfu.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bangfu.approval.ApprovalMapper.CarbonCopy;
import org.bangfu.approval.ApprovalMapper.StandingDelegation;
import org.bangfu.security.CurrentUser;
import org.bangfu.security.PersonNames;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 已办, batch approval, the copies sent to me (抄送我的) and standing delegations (代理). */
@RestController
@RequestMapping("/api")
public class ApprovalController {

  public record BatchRequest(String step, String village, List<BatchApproval.Decision> decisions) {
  }

  public record DelegationRequest(String absentUser, String standIn, LocalDate firstDay, LocalDate lastDay,
      String reason) {
  }

  private final BatchApproval batch;
  private final CarbonCopies copies;
  private final StandingDelegations delegations;
  private final TaskWithdrawal withdrawals;
  private final CurrentUser currentUser;
  private final CaseTitles titles;
  private final PersonNames names;

  public ApprovalController(BatchApproval batch, CarbonCopies copies, StandingDelegations delegations,
      TaskWithdrawal withdrawals, CurrentUser currentUser, CaseTitles titles, PersonNames names) {
    this.titles = titles;
    this.names = names;
    this.withdrawals = withdrawals;
    this.batch = batch;
    this.copies = copies;
    this.delegations = delegations;
    this.currentUser = currentUser;
  }

  /** 已办: my completed tasks (those of a withdrawable step can be withdrawn while the next step is untouched). */
  @GetMapping("/done")
  public List<DoneLine> done() {
    List<TaskWithdrawal.Done> done = withdrawals.done(currentUser.get());
    var cases = titles.byBusinessKey(done.stream().map(TaskWithdrawal.Done::businessKey).toList());
    return done.stream().map(d -> {
      var title = cases.get(d.businessKey());
      return new DoneLine(d.taskId(), d.step(), d.name(), d.processInstanceId(), d.businessKey(), d.completedAt(),
          d.withdrawable(), title == null ? null : title.caseId(), title == null ? "" : title.headName());
    }).toList();
  }

  /** A line of 已办: the task, and whose case it was (户主, the case's page). */
  public record DoneLine(String taskId, String step, String name, String processInstanceId, String businessKey,
      java.util.Date completedAt, boolean withdrawable, Long caseId, String headName) {
  }

  /** A line of 抄送我的: the copy, with the 户主 and the sender's name. */
  public record CopyLine(Long id, Long caseId, String taskId, String stepName, String recipient, String note,
      String sentBy, java.time.LocalDateTime sentAt, java.time.LocalDateTime readAt, String businessKey,
      String headName, String sentByName) {
  }

  /** One village's households waiting at a step that allows batch approval. */
  @GetMapping("/batch")
  public BatchApproval.Listing batch(@RequestParam String step, @RequestParam String village) {
    return batch.list(step, village, currentUser.get());
  }

  /** A decision per household, all in one action (all or nothing). */
  @PostMapping("/batch")
  public BatchApproval.Result decide(@RequestBody BatchRequest request) {
    return batch.decide(request.step(), request.village(), request.decisions(), currentUser.get());
  }

  @GetMapping("/cc")
  public List<CopyLine> copies() {
    List<CarbonCopy> mine = copies.mine(currentUser.get());
    var cases = titles.byCaseId(mine.stream().map(CarbonCopy::caseId).filter(java.util.Objects::nonNull).toList());
    var senders = names.of(mine.stream().map(CarbonCopy::sentBy).toList());
    return mine.stream().map(c -> {
      var title = cases.get(c.caseId());
      return new CopyLine(c.id(), c.caseId(), c.taskId(), c.stepName(), c.recipient(), c.note(), c.sentBy(),
          c.sentAt(), c.readAt(), title == null ? "" : title.businessKey(), title == null ? "" : title.headName(),
          senders.getOrDefault(c.sentBy(), c.sentBy()));
    }).toList();
  }

  @PostMapping("/cc/{id}/read")
  public CarbonCopy read(@PathVariable Long id) {
    return copies.read(id, currentUser.get());
  }

  @GetMapping("/delegations")
  public List<StandingDelegation> delegations() {
    return delegations.of(currentUser.get());
  }

  @PostMapping("/delegations")
  public StandingDelegation delegate(@RequestBody DelegationRequest request) {
    return delegations.create(request.absentUser(), request.standIn(), request.firstDay(), request.lastDay(),
        request.reason(), currentUser.get());
  }

  @DeleteMapping("/delegations/{id}")
  public Map<String, String> cancel(@PathVariable Long id) {
    delegations.cancel(id, currentUser.get());
    return Map.of("message", "已取消代理");
  }
}
