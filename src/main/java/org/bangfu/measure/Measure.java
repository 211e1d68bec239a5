package org.bangfu.measure;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public class Measure {
  private Long id;
  private Long caseId;
  private String measureCode;
  private String department;
  private boolean urgent;
  private String status;
  private BigDecimal amount;
  private String result;
  private String evidence;
  private String deliveredBy;
  private LocalDateTime deliveredAt;
  private String processInstanceId;
  private LocalDateTime createdAt;
  private Long planId;
  private java.time.LocalDate dueDate;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getCaseId() { return caseId; }
  public void setCaseId(Long caseId) { this.caseId = caseId; }
  public String getMeasureCode() { return measureCode; }
  public void setMeasureCode(String measureCode) { this.measureCode = measureCode; }
  public String getDepartment() { return department; }
  public void setDepartment(String department) { this.department = department; }
  public boolean isUrgent() { return urgent; }
  public void setUrgent(boolean urgent) { this.urgent = urgent; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public BigDecimal getAmount() { return amount; }
  public void setAmount(BigDecimal amount) { this.amount = amount; }
  public String getResult() { return result; }
  public void setResult(String result) { this.result = result; }
  public String getEvidence() { return evidence; }
  public void setEvidence(String evidence) { this.evidence = evidence; }
  public String getDeliveredBy() { return deliveredBy; }
  public void setDeliveredBy(String deliveredBy) { this.deliveredBy = deliveredBy; }
  public LocalDateTime getDeliveredAt() { return deliveredAt; }
  public void setDeliveredAt(LocalDateTime deliveredAt) { this.deliveredAt = deliveredAt; }
  public String getProcessInstanceId() { return processInstanceId; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
  /** The plan version that issued the measure; null for a green-channel measure. */
  public Long getPlanId() { return planId; }
  public void setPlanId(Long planId) { this.planId = planId; }
  public java.time.LocalDate getDueDate() { return dueDate; }
  public void setDueDate(java.time.LocalDate dueDate) { this.dueDate = dueDate; }
}
