package org.bangfu.lifecycle;

import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.measure.MeasureService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.exit.ExitReview;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a running or closed case as a whole: an objection during a public notice, the 风险消除 mark
 * rolled back by the county that set it, and 风险自然消除.
 */
@Service
public class LifecycleService {

  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;
  private final RegionAccess access;
  private final MeasureService measures;

  public LifecycleService(CaseFileService caseFiles, RuntimeService runtimeService, RegionAccess access,
      MeasureService measures) {
    this.measures = measures;
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

  /**
   * 风险自然消除: every member has died or the household's registration was cancelled (户销), as the village cadre
   * found on a visit or a tracking check. The case closes by that route: marked eliminated with the reason and who
   * found it, open measures stopped; its data is kept like any case's.
   */
  @Transactional
  public void naturalExit(Long caseId, String reason, String foundBy) {
    String text = "风险自然消除：" + (reason == null ? "" : reason.trim());
    caseFiles.markEliminated(caseId);
    measures.cancelOpen(caseId, text);
    caseFiles.auditStep(caseId, AssistanceCase.RECORD_NATURAL_EXIT, AssistanceCase.NATURAL_EXIT, text,
        foundBy == null ? CaseFileService.SYSTEM : foundBy, null);
  }

  /**
   * An objection raised during a public notice (of the inclusion or of the exit) sends the case back to the village
   * democratic review.
   */
  @Transactional
  public void raiseObjection(Long caseId, String content, BangfuUser user) {
    CaseFile caseFile = caseFiles.find(caseId);
    access.requireVisible(user, caseFile.getVillageCode(), "案件");
    if (content == null || content.isBlank() || content.length() > 1000) {
      throw InvalidInputException.of("content", "请填写异议内容（不超过1000字）");
    }
    // the notice waits in a called instance (identification or exit review) with the case's business key
    for (String[] notice : List.of(
        new String[] {RiskIdentification.MESSAGE_OBJECTION, RiskIdentification.OBJECTION_TEXT.name()},
        new String[] {ExitReview.MESSAGE_OBJECTION, ExitReview.OBJECTION_TEXT.name()})) {
      Execution waiting = runtimeService.createExecutionQuery()
          .processInstanceBusinessKey(caseFile.getBusinessKey())
          .messageEventSubscriptionName(notice[0]).singleResult();
      if (waiting != null) {
        runtimeService.createMessageCorrelation(notice[0])
            .processInstanceId(waiting.getProcessInstanceId())
            .setVariables(Map.of(notice[1], content.trim()))
            .correlate();
        caseFiles.audit(caseId, "Event_ObjectionRaised", "公示期间有异议", "OBJECTION", content.trim(), user.id(),
            null);
        return;
      }
    }
    throw new ConflictException("该案件当前不在公示期，不能登记公示异议");
  }
}
