package org.bangfu.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A measure of a plan version: what, which department, who is responsible, how much, by when. */
public class PlanMeasure {
  private Long id;
  private Long planId;
  private String measureCode;
  private String department;
  private String responsiblePerson;
  private LocalDate startDate;
  private BigDecimal amount;
  private LocalDate dueDate;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getPlanId() { return planId; }
  public void setPlanId(Long planId) { this.planId = planId; }
  public String getMeasureCode() { return measureCode; }
  public void setMeasureCode(String measureCode) { this.measureCode = measureCode; }
  public String getDepartment() { return department; }
  public void setDepartment(String department) { this.department = department; }
  public String getResponsiblePerson() { return responsiblePerson; }
  public void setResponsiblePerson(String responsiblePerson) { this.responsiblePerson = responsiblePerson; }
  public LocalDate getStartDate() { return startDate; }
  public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
  public BigDecimal getAmount() { return amount; }
  public void setAmount(BigDecimal amount) { this.amount = amount; }
  public LocalDate getDueDate() { return dueDate; }
  public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
}
