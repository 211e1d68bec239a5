package org.bangfu.region;

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

  public static String department(String department, String countyCode) {
    return DEPARTMENT + department + "-" + countyCode;
  }
}
