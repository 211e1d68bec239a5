package org.bangfu.household;

import java.math.BigDecimal;

/**
 * A month's household net income (纯收入) and eligible out-of-pocket rigid spending (合规自付支出); its four kinds
 * (经营性、工资性、财产性、转移性净收入, summing to the net income) when the month was recorded by kind, else null.
 */
public class IncomeRecord {
  private Long id;
  private Long householdId;
  private String period;
  private BigDecimal netIncome;
  private BigDecimal rigidSpending;
  private String note;
  private BigDecimal businessIncome;
  private BigDecimal wageIncome;
  private BigDecimal propertyIncome;
  private BigDecimal transferIncome;

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
  public BigDecimal getBusinessIncome() { return businessIncome; }
  public void setBusinessIncome(BigDecimal businessIncome) { this.businessIncome = businessIncome; }
  public BigDecimal getWageIncome() { return wageIncome; }
  public void setWageIncome(BigDecimal wageIncome) { this.wageIncome = wageIncome; }
  public BigDecimal getPropertyIncome() { return propertyIncome; }
  public void setPropertyIncome(BigDecimal propertyIncome) { this.propertyIncome = propertyIncome; }
  public BigDecimal getTransferIncome() { return transferIncome; }
  public void setTransferIncome(BigDecimal transferIncome) { this.transferIncome = transferIncome; }

  /** Whether the month was recorded by its four kinds. */
  public boolean hasKinds() {
    return businessIncome != null && wageIncome != null && propertyIncome != null && transferIncome != null;
  }
}
