package org.bangfu.household;

import java.math.BigDecimal;
import java.util.List;

/** Request and response bodies of the household registry API. */
public final class HouseholdApi {

  private HouseholdApi() {
  }

  /** @param relocated 易地扶贫搬迁户 (absent: no) */
  public record HouseholdRequest(String headName, String villageCode, String kind, String address,
      List<MemberRequest> members, List<IncomeRequest> incomes, Integer version, Boolean relocated) {
  }

  public record MemberRequest(String name, String idNumber, String relation, String labourCapacity) {
    @Override
    public String toString() {
      return "MemberRequest[" + name + ", " + IdNumber.mask(idNumber) + "]";
    }
  }

  /**
   * A month's income: its net income (纯收入), or its four kinds (经营性、工资性、财产性、转移性净收入), whose sum is the
   * net income (given both, they must agree), and its eligible out-of-pocket rigid spending.
   */
  public record IncomeRequest(String period, BigDecimal netIncome, BigDecimal rigidSpending, String note,
      BigDecimal businessIncome, BigDecimal wageIncome, BigDecimal propertyIncome, BigDecimal transferIncome) {

    /** A month entered as one figure (no breakdown by kind). */
    public IncomeRequest(String period, BigDecimal netIncome, BigDecimal rigidSpending, String note) {
      this(period, netIncome, rigidSpending, note, null, null, null, null);
    }

    /** Whether any of the four kinds is given. */
    public boolean hasKinds() {
      return businessIncome != null || wageIncome != null || propertyIncome != null || transferIncome != null;
    }

    /** The net income as given, or the sum of the four kinds when only they are given (all four, validated). */
    public BigDecimal resolvedNetIncome() {
      if (netIncome != null || !hasKinds() || businessIncome == null || wageIncome == null || propertyIncome == null
          || transferIncome == null) {
        return netIncome;
      }
      return businessIncome.add(wageIncome).add(propertyIncome).add(transferIncome);
    }
  }

  /**
   * @param idNumber masked (region prefix and last four characters): the full number only through
   *     {@code POST /api/households/{id}/id-number-reveal}, with a reason that is recorded
   */
  public record MemberView(Long id, String name, String idNumber, String relation, String relationLabel,
      String labourCapacity, String labourCapacityLabel) {
  }

  /** 查看完整身份证号: whose number and why (required, recorded with the user and the time). */
  public record IdNumberRevealRequest(Long memberId, String reason) {
  }

  /** One member's full ID number, as answered to a reveal. */
  public record IdNumberReveal(Long householdId, Long memberId, String name, String idNumber) {
    @Override
    public String toString() {
      return "IdNumberReveal[" + householdId + ", " + memberId + ", " + IdNumber.mask(idNumber) + "]";
    }
  }

  /** A month's income; its four kinds null when the month was recorded as one figure. */
  public record IncomeView(String period, BigDecimal netIncome, BigDecimal rigidSpending, String note,
      BigDecimal businessIncome, BigDecimal wageIncome, BigDecimal propertyIncome, BigDecimal transferIncome) {

    public static IncomeView of(IncomeRecord r) {
      return new IncomeView(r.getPeriod(), r.getNetIncome(), r.getRigidSpending(), r.getNote(), r.getBusinessIncome(),
          r.getWageIncome(), r.getPropertyIncome(), r.getTransferIncome());
    }
  }

  public record HouseholdView(Long id, String headName, String villageCode, String villageName, String kind,
      String kindLabel, boolean relocated, String address, List<MemberView> members, List<IncomeView> incomes, int version) {
  }

  public record HouseholdSummary(Long id, String headName, String headIdNumber, String villageCode, String kind,
      int memberCount) {
  }

  public record Page<T>(List<T> items, int total, int page, int size) {
  }
}
