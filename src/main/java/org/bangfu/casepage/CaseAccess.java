package org.bangfu.casepage;

import org.bangfu.casefile.CaseFile;
import org.bangfu.measure.MeasureService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may read a case's page: whoever may see its village ({@link RegionAccess}), and a department's handlers of the
 * county when the case has a measure of their department (the 医保 handler paying a 医疗救助 sees whose case it is).
 */
@Component
public class CaseAccess {

  private final RegionAccess regions;
  private final MeasureService measures;

  public CaseAccess(RegionAccess regions, MeasureService measures) {
    this.regions = regions;
    this.measures = measures;
  }

  public boolean canRead(BangfuUser user, CaseFile caseFile) {
    if (regions.canSee(user, caseFile.getVillageCode())) {
      return true;
    }
    if (!regions.isDepartmentOf(user, caseFile.getVillageCode())) {
      return false;
    }
    return measures.forCase(caseFile.getId()).stream().anyMatch(m -> user.inGroup(
        CandidateGroups.department(m.getDepartment(), caseFile.getCountyCode())));
  }

  /**
   * Whether the user works on the case, not only watches it: its village, township or county, or a department with a
   * measure in it — not the supervisors, not the system administrator (nobody acts for another level).
   */
  public boolean worksOn(BangfuUser user, CaseFile caseFile) {
    org.bangfu.region.RegionCode code = new org.bangfu.region.RegionCode(caseFile.getVillageCode());
    if (user.inGroup(CandidateGroups.village(caseFile.getVillageCode()))
        || user.inGroup(CandidateGroups.township(code.township()))
        || user.inGroup(CandidateGroups.county(code.county()))) {
      return true;
    }
    return measures.forCase(caseFile.getId()).stream().anyMatch(m -> user.inGroup(
        CandidateGroups.department(m.getDepartment(), caseFile.getCountyCode())));
  }

  /** Answers "not found" for a case the user may not read: not even its existence leaks. */
  public void requireReadable(BangfuUser user, CaseFile caseFile) {
    if (!canRead(user, caseFile)) {
      throw new NotFoundException("案件不存在，或不在您的辖区内");
    }
  }
}
