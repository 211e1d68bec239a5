package org.bangfu.supportindustry;

import java.util.List;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.RiskType;
import org.bangfu.lifecycle.CaseOpening;
import org.bangfu.lifecycle.OpenCase;
import org.bangfu.lifecycle.Reassessment;
import org.bangfu.security.BangfuUser;
import org.bangfu.region.CandidateGroups;
import org.springframework.stereotype.Component;

/**
 * A failing support project's households (§6a): each goes into identification with the risk 因产业项目失败, as a
 * department's signal of the county's 农业农村局; a household with a case open gets the signal in its case and its
 * cadre is asked to re-assess, as a department push does.
 */
@Component
class ProjectSignals {

  static final String STEP = "Activity_IssueProjectMeasures";

  private final CaseOpening opening;
  private final CaseFileService caseFiles;
  private final Reassessment reassessment;

  ProjectSignals(CaseOpening opening, CaseFileService caseFiles, Reassessment reassessment) {
    this.opening = opening;
    this.caseFiles = caseFiles;
    this.reassessment = reassessment;
  }

  /** Signals each household; returns how many cases were opened. */
  int signalHouseholds(SupportProject project, List<SupportProjectMapper.HouseholdLink> links, String why,
      String actor) {
    // the county's decision opens the cases: the step acts with the county's reach (the decider's own groups are a
    // department's, which opens cases only from its pushed rows), in the decider's name
    BangfuUser user = new BangfuUser(actor, List.of(CandidateGroups.county(project.countyCode())));
    String detail = "帮扶产业项目“" + project.name() + "”（项目库编号 " + project.projectNo() + "）确定为调整一批："
        + (why == null ? "" : why);
    String cut = detail.length() > 500 ? detail.substring(0, 500) : detail;
    int opened = 0;
    for (SupportProjectMapper.HouseholdLink link : links) {
      CaseFile open = openCase(link.householdId());
      if (open == null) {
        opening.open(OpenCase.departmentPush(link.householdId(), RiskType.INDUSTRY_FAILURE.name(),
            new OpenCase.DepartmentSignal("AGRI", "PROJECT_ADJUSTED", cut, null), null, null), user);
        opened++;
        continue;
      }
      caseFiles.recordSignal(open.getId(), "AGRI", "PROJECT_ADJUSTED", cut, null, null);
      String asked = CaseStatus.IDENTIFYING.name().equals(open.getStatus()) ? null
          : reassessment.requestFor(open.getBusinessKey(), "农业农村局：" + cut);
      caseFiles.audit(open.getId(), STEP, "帮扶产业项目调整", "SIGNAL", cut + (asked == null ? "" : "；" + asked),
          actor, null);
    }
    return opened;
  }

  private CaseFile openCase(Long householdId) {
    for (CaseStatus status : List.of(CaseStatus.IDENTIFYING, CaseStatus.MONITORED, CaseStatus.TRACKING)) {
      CaseFile found = caseFiles.latestForHousehold(householdId, status);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
