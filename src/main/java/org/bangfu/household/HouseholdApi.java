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

  public record MemberView(Long id, String name, String idNumber, String relation, String relationLabel,
      String labourCapacity, String labourCapacityLabel) {
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
