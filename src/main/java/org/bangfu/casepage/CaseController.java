package org.bangfu.casepage;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casepage.CaseApi.CaseSummary;
import org.bangfu.casepage.CaseApi.CaseView;
import org.bangfu.casepage.CaseApi.ObjectionRequest;
import org.bangfu.casepage.CaseApi.RollbackRequest;
import org.bangfu.casepage.CaseApi.SignalRequest;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.lifecycle.CaseOpening;
import org.bangfu.lifecycle.LifecycleService;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.InvalidInputException;
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

  public CaseController(CaseOpening opening, LifecycleService lifecycle, CaseFileService caseFiles, CaseViews views,
      CurrentUser currentUser, RegionAccess access) {
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
    BangfuUser user = currentUser.get();
    CaseFile caseFile = caseFiles.find(id);
    access.requireVisible(user, caseFile.getVillageCode(), "案件");
    return views.of(id);
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
