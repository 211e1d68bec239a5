package org.bangfu.casepage;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casepage.CaseApi.CaseDiagram;
import org.bangfu.casepage.CaseApi.CaseHit;
import org.bangfu.casepage.CaseApi.CaseSummary;
import org.bangfu.casepage.CaseApi.CaseView;
import org.bangfu.casepage.CaseApi.ObjectionRequest;
import org.bangfu.casepage.CaseApi.RollbackRequest;
import org.bangfu.casepage.CaseApi.SignalRequest;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.engine.SystemQueries;
import org.bangfu.lifecycle.CaseOpening;
import org.bangfu.lifecycle.LifecycleService;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case page's API: a case's view ({@link CaseViews}) for those who may see it, the region's case list, and the
 * case-wide commands a user sends from the page (open, objection, rollback), answered with the view. The case page
 * reads from every capability and nothing depends on it.
 */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

  private final CaseOpening opening;
  private final LifecycleService lifecycle;
  private final CaseFileService caseFiles;
  private final CaseViews views;
  private final CurrentUser currentUser;
  private final RegionAccess access;
  private final CaseAccess caseAccess;
  private final CaseSearch search;
  private final TaskService taskService;
  private final IdentityService identityService;

  public CaseController(CaseOpening opening, LifecycleService lifecycle, CaseFileService caseFiles, CaseViews views,
      CurrentUser currentUser, RegionAccess access, CaseAccess caseAccess, CaseSearch search, TaskService taskService,
      IdentityService identityService) {
    this.caseAccess = caseAccess;
    this.search = search;
    this.taskService = taskService;
    this.identityService = identityService;
    this.opening = opening;
    this.lifecycle = lifecycle;
    this.caseFiles = caseFiles;
    this.views = views;
    this.currentUser = currentUser;
    this.access = access;
  }

  @PostMapping
  public ResponseEntity<CaseView> open(@RequestBody SignalRequest request) {
    CaseFile caseFile = opening.open(request == null ? null : request.toCommand(), currentUser.get());
    return ResponseEntity.created(URI.create("/api/cases/" + caseFile.getId())).body(views.of(caseFile.getId()));
  }

  @GetMapping("/{id}")
  public CaseView get(@PathVariable Long id) {
    caseAccess.requireReadable(currentUser.get(), caseFiles.find(id));
    return views.of(id);
  }

  @GetMapping("/{id}/diagram")
  public CaseDiagram diagram(@PathVariable Long id) {
    caseAccess.requireReadable(currentUser.get(), caseFiles.find(id));
    return views.diagram(id);
  }

  /** 查找案件: exact case number, 户主 name or ID number, over the cases the user may read (recorded). */
  @GetMapping("/search")
  public List<CaseHit> search(@RequestParam(required = false) String q) {
    return search.search(q, currentUser.get());
  }

  /** 我发起的: the cases the user opened, newest first. */
  @GetMapping("/mine")
  public List<CaseHit> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    InvalidInputException.requireValidPage(page, size);
    BangfuUser user = currentUser.get();
    return caseFiles.openedBy(user.id(), page, size).stream().filter(c -> caseAccess.canRead(user, c))
        .map(search::hit).toList();
  }

  /** The case a task is about, for the link from Tasklist's task to the case page. */
  @GetMapping("/of-task/{taskId}")
  public CaseHit ofTask(@PathVariable String taskId) {
    Object caseId = SystemQueries.run(identityService, () -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      return task == null ? null : taskService.getVariable(taskId, CaseVariables.CASE_ID.name());
    });
    if (!(caseId instanceof Number number)) {
      throw new NotFoundException("该任务不属于任何案件，或任务已经办结");
    }
    CaseFile caseFile = caseFiles.find(number.longValue());
    caseAccess.requireReadable(currentUser.get(), caseFile);
    return search.hit(caseFile);
  }

  @GetMapping
  public List<CaseSummary> list(@RequestParam String region, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    access.requireRegionScope(currentUser.get(), region);
    if (status != null && Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw InvalidInputException.of("status", "案件状态应为 IDENTIFYING、MONITORED、TRACKING、ELIMINATED 或 REJECTED");
    }
    InvalidInputException.requireValidPage(page, size);
    return caseFiles.list(region, status, page, size).stream()
        .map(c -> new CaseSummary(c.getId(), c.getBusinessKey(), c.getHouseholdId(), c.getVillageCode(),
            c.getStatus(), c.getHouseholdType(), c.getSignalDate(), c.getDeadline()))
        .toList();
  }

  /** 撤销风险消除标注: the county approver rolls back an exit; the case resumes at its measures. */
  @PostMapping("/{id}/elimination-rollback")
  public CaseView rollBackElimination(@PathVariable Long id, @RequestBody RollbackRequest request) {
    lifecycle.rollBackElimination(id, request == null ? null : request.reason(), currentUser.get());
    return views.of(id);
  }

  @PostMapping("/{id}/objections")
  public ResponseEntity<Map<String, String>> objection(@PathVariable Long id, @RequestBody ObjectionRequest request) {
    lifecycle.raiseObjection(id, request == null ? null : request.content(), currentUser.get());
    return ResponseEntity.accepted().body(Map.of("message", "异议已登记，案件退回村级重新评议"));
  }
}
