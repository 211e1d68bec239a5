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

  public record IncomeRequest(String period, BigDecimal netIncome, BigDecimal rigidSpending, String note) {
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

  public record IncomeView(String period, BigDecimal netIncome, BigDecimal rigidSpending, String note) {
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
