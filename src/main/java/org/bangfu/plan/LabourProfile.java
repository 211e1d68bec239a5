package org.bangfu.plan;

import java.math.BigDecimal;
import java.util.List;
import org.bangfu.household.IncomeTest;
import org.bangfu.household.LabourCapacity;
import org.bangfu.household.Member;

/** What the measure recommendation looks at: labour capacity of the members and the weight of rigid spending. */
public record LabourProfile(String householdKind, String provinceCode, int members, int fullLabour,
    int weakOrHalfLabour, double rigidSpendingShare) {

  public static LabourProfile of(String householdKind, String provinceCode, List<Member> members,
      IncomeTest income) {
    int full = (int) members.stream().filter(m -> LabourCapacity.FULL.name().equals(m.getLabourCapacity())).count();
    int weakOrHalf = (int) members.stream().filter(m -> LabourCapacity.WEAK.name().equals(m.getLabourCapacity())
        || LabourCapacity.HALF.name().equals(m.getLabourCapacity())).count();
    return new LabourProfile(householdKind, provinceCode, members.size(), full, weakOrHalf,
        share(income.rigidSpending(), income.netIncome()));
  }

  /** Rigid spending as a share of net income; all of it when there is no income but spending. */
  static double share(BigDecimal rigidSpending, BigDecimal netIncome) {
    if (rigidSpending.signum() <= 0) {
      return 0;
    }
    if (netIncome.signum() <= 0) {
      return 1;
    }
    return rigidSpending.doubleValue() / netIncome.doubleValue();
  }

  public double labourShare() {
    return members == 0 ? 0 : (double) (fullLabour + weakOrHalfLabour) / members;
  }
}
