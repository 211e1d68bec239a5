package org.bangfu.lifecycle;

import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casefile.CaseStatus;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.web.ConflictException;
import org.bangfu.web.ForbiddenException;
import org.bangfu.web.InvalidInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens to a case after its exit: the 风险消除 mark rolled back by the county that set it. */
@Service
public class LifecycleService {

  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;
  private final RegionAccess access;

  public LifecycleService(CaseFileService caseFiles, RuntimeService runtimeService, RegionAccess access) {
    this.caseFiles = caseFiles;
    this.runtimeService = runtimeService;
    this.access = access;
  }

  /**
   * Rolls back a 风险消除 mark (for example when it was set on wrong figures): the case is monitored again and
   * resumes at its measures, with its plan, measures and history as they were. Only the county's approvers may.
   */
  @Transactional
  public CaseFile rollBackElimination(Long caseId, String reason, BangfuUser user) {
    CaseFile caseFile = caseFiles.find(caseId);
    access.requireVisible(user, caseFile.getVillageCode(), "案件");
    if (!user.inGroup(CandidateGroups.county(caseFile.getCountyCode()))) {
      throw new ForbiddenException("只有县级审定人员可以撤销风险消除标注");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw InvalidInputException.of("reason", "请填写撤销风险消除标注的理由（不超过500字）");
    }
    if (!caseFiles.changeStatus(caseId, CaseStatus.ELIMINATED, CaseStatus.MONITORED)) {
      throw new ConflictException("该案件当前不是“风险已消除”状态，不能撤销标注");
    }
    caseFiles.audit(caseId, "Event_RiskEliminated", "撤销风险消除标注", "ROLLED_BACK", reason.trim(), user.id(),
        null);
    VariableMap variables = AssistanceCase.caseVariables(caseFile);
    AssistanceCase.RESUME_AT.put(variables, AssistanceCase.RESUME_AT_MEASURES);
    String instanceId = runtimeService.startProcessInstanceByKey(AssistanceCase.KEY, caseFile.getBusinessKey(),
        variables).getId();
    caseFiles.attachProcess(caseFile, instanceId);
    return caseFiles.find(caseId);
  }
}
