package org.bangfu.screening;

import java.time.LocalDateTime;
import java.util.List;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.ForbiddenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Periodic runs for operators (system administrators): the runs made so far, and this period's run started by hand
 * when the quarterly or yearly timer could not fire (the server was down on the 1st) — once per period, with who
 * asked in the run's record. The timer's own schedule is not touched.
 */
@RestController
@RequestMapping("/api/periodic-runs")
public class PeriodicRunController {

  public record RunView(Long id, String kind, String kindLabel, String runKey, String incomeFrom, String incomeTo,
      int households, int flagged, String processInstanceId, LocalDateTime startedAt, String requestedBy,
      String status) {

    static RunView of(ScreeningMapper.Run run) {
      return new RunView(run.id(), run.kind(), PeriodicScreeningService.kindLabel(run.kind()), run.runKey(),
          run.incomeFrom(), run.incomeTo(), run.households(), run.flagged(), run.processInstanceId(), run.startedAt(),
          run.requestedBy() == null ? "定时启动" : run.requestedBy(), run.status());
    }
  }

  public record StartRequest(String kind) {
  }

  private final PeriodicScreeningService periodic;
  private final CurrentUser currentUser;

  public PeriodicRunController(PeriodicScreeningService periodic, CurrentUser currentUser) {
    this.periodic = periodic;
    this.currentUser = currentUser;
  }

  @GetMapping
  public List<RunView> list() {
    operator();
    return periodic.runs().stream().map(RunView::of).toList();
  }

  /** Starts this period's run (本季度的季度预警, or 本年度的集中排查) unless it has been made. */
  @PostMapping
  public ResponseEntity<RunView> start(@RequestBody(required = false) StartRequest request) {
    BangfuUser user = operator();
    String kind = request == null ? null : request.kind();
    return ResponseEntity.status(HttpStatus.CREATED).body(RunView.of(periodic.startByHand(kind, user.id())));
  }

  private BangfuUser operator() {
    BangfuUser user = currentUser.get();
    if (!user.isAdmin()) {
      throw new ForbiddenException("定期监测只能由系统管理员手动启动");
    }
    return user;
  }
}
