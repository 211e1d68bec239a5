package org.bangfu.region;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Group ids derived from region codes. Tasks are routed to these groups, users are members of them, and the
 * engine's authorizations are granted to them, so that nobody sees a case outside their region.
 */
public final class CandidateGroups {

  public static final String VILLAGE = "village-";
  public static final String TOWNSHIP = "township-";
  public static final String COUNTY = "county-";
  public static final String SUPERVISOR = "supervisor-";
  public static final String DEPARTMENT = "dept-";
  public static final String ADMIN = "camunda-admin";
  /**
   * A county's own administrators (县级系统管理员): they keep the county's settings (its message robots) — not the
   * engine's users and authorizations, which stay the system administrator's.
   */
  public static final String COUNTY_ADMIN = "admin-";
  /** Process owners: change models and rules, run what-ifs over the registry. */
  public static final String PROCESS_OWNERS = "process-owners";

  private CandidateGroups() {
  }

  public static String village(String villageCode) {
    return VILLAGE + villageCode;
  }

  public static String township(String townshipCode) {
    return TOWNSHIP + townshipCode;
  }

  public static String county(String countyCode) {
    return COUNTY + countyCode;
  }

  public static String supervisor(String countyCode) {
    return SUPERVISOR + countyCode;
  }

  public static String countyAdmin(String countyCode) {
    return COUNTY_ADMIN + countyCode;
  }

  public static String department(String department, String countyCode) {
    return DEPARTMENT + department + "-" + countyCode;
  }

  /** The candidate groups among a task's identity links (its routing), in their order. */
  public static List<String> of(Collection<? extends IdentityLink> links) {
    return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** The region code a group is for: its trailing 6, 9 or 12 digits; null for a group of no region. */
  public static String regionCode(String group) {
    String code = group.substring(group.lastIndexOf('-') + 1);
    return code.matches("\\d{6}|\\d{9}|\\d{12}") ? code : null;
  }

  /** The county a group belongs to (the first 6 digits of its region code); null for a group of no region. */
  public static String countyOf(String group) {
    String code = regionCode(group);
    return code == null ? null : code.substring(0, 6);
  }

  /** The department code of a {@code dept-<DEPT>-<county>} group; null for any other group. */
  public static String departmentOf(String group) {
    return group.startsWith(DEPARTMENT) && regionCode(group) != null
        ? group.substring(DEPARTMENT.length(), group.lastIndexOf('-')) : null;
  }
}
