package org.bangfu.household;

import java.math.BigDecimal;

/** A month's household net income (纯收入) and eligible out-of-pocket rigid spending (合规自付支出). */
public class IncomeRecord {
  private Long id;
  private Long householdId;
  private String period;
  private BigDecimal netIncome;
  private BigDecimal rigidSpending;
  private String note;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getHouseholdId() { return householdId; }
  public void setHouseholdId(Long householdId) { this.householdId = householdId; }
  public String getPeriod() { return period; }
  public void setPeriod(String period) { this.period = period; }
  public BigDecimal getNetIncome() { return netIncome; }
  public void setNetIncome(BigDecimal netIncome) { this.netIncome = netIncome; }
  public BigDecimal getRigidSpending() { return rigidSpending; }
  public void setRigidSpending(BigDecimal rigidSpending) { this.rigidSpending = rigidSpending; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
