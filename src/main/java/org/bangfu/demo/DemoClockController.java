package org.bangfu.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.ForbiddenException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only (bangfu.demo.enabled): lets the administrator end a case's waiting period now (the 5-day notice, the
 * month until the next visit, the year of tracking), so the whole lifecycle can be tried in one sitting. The timeline
 * records that the wait was cut short. Absent from any other profile.
 */
@RestController
@ConditionalOnProperty(name = "bangfu.demo.enabled", havingValue = "true")
public class DemoClockController {

  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final CurrentUser currentUser;

  public DemoClockController(CaseFileService caseFiles, RuntimeService runtimeService,
      ManagementService managementService, CurrentUser currentUser) {
    this.caseFiles = caseFiles;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/demo/cases/{id}/end-waiting")
  public Map<String, Object> endWaiting(@PathVariable Long id) {
    BangfuUser user = currentUser.get();
    if (!user.isAdmin()) {
      throw new ForbiddenException("只有管理员可以在演示环境中提前结束等待期");
    }
    CaseFile caseFile = caseFiles.find(id);
    List<Job> timers = new ArrayList<>();
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseFile.getBusinessKey()).list()
        .forEach(i -> timers.addAll(managementService.createJobQuery().processInstanceId(i.getId()).timers().list()));
    if (timers.isEmpty()) {
      throw new ConflictException("该案件当前没有等待中的期限");
    }
    for (Job timer : timers) {
      caseFiles.audit(id, "Demo_EndWaiting", "演示：提前结束等待期", "DEMO",
          "原定 " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
              timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault())) + " 到期", user.id(), null);
      managementService.executeJob(timer.getId());
    }
    return Map.of("message", "已提前结束 " + timers.size() + " 个等待期（仅演示环境）");
  }
}
