package org.bangfu.security;

import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see what: a village cadre their village, a township reviewer the villages of their township, the county
 * and its supervisors the whole county. Anything outside is answered as "not found", so that no data about another
 * region leaks, not even its existence.
 */
@Component
public class RegionAccess {

  public boolean canSee(BangfuUser user, String villageCode) {
    if (user.isAdmin()) {
      return true;
    }
    RegionCode code = new RegionCode(villageCode);
    return user.inGroup(CandidateGroups.village(villageCode))
        || user.inGroup(CandidateGroups.township(code.township()))
        || user.inGroup(CandidateGroups.county(code.county()))
        || user.inGroup(CandidateGroups.supervisor(code.county()));
  }

  /**
   * Whether the user may see everything under a region prefix: a county (6 digits), a township (9) or a village
   * (12). A township reviewer may list their township or one of its villages, not the county.
   */
  public boolean canSeeRegion(BangfuUser user, String prefix) {
    if (user.isAdmin()) {
      return true;
    }
    String county = prefix.substring(0, 6);
    if (user.inGroup(CandidateGroups.county(county)) || user.inGroup(CandidateGroups.supervisor(county))) {
      return true;
    }
    if (prefix.length() >= 9 && user.inGroup(CandidateGroups.township(prefix.substring(0, 9)))) {
      return true;
    }
    return prefix.length() == 12 && user.inGroup(CandidateGroups.village(prefix));
  }

  /**
   * For lists: the region prefix must be a county, township or village code the user may see; anything else is
   * answered as a bad request or as not found.
   */
  public void requireRegionScope(BangfuUser user, String region) {
    requireRegionCode(region);
    if (!canSeeRegion(user, region)) {
      throw new NotFoundException("该区域不在您的辖区内");
    }
  }

  /** A region's code as lists take it: a county's (6 digits), a township's (9) or a village's (12). */
  public static void requireRegionCode(String region) {
    if (region == null || !region.matches("\\d{6}|\\d{9}|\\d{12}")) {
      throw org.bangfu.shared.InvalidInputException.of("region", "区划代码应为6位（县）、9位（乡镇）或12位（村）数字");
    }
  }

  /** A department handler works on the measures of their department in their county. */
  public boolean isDepartmentOf(BangfuUser user, String villageCode) {
    String county = new RegionCode(villageCode).county();
    return user.groups().stream()
        .anyMatch(g -> g.startsWith(CandidateGroups.DEPARTMENT) && g.endsWith("-" + county));
  }

  public void requireVisible(BangfuUser user, String villageCode, String what) {
    if (!canSee(user, villageCode)) {
      throw new NotFoundException(what + "不存在，或不在您的辖区内");
    }
  }
}
