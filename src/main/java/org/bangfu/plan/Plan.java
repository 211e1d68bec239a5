package org.bangfu.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** One version of a household's plan (一户一策). A revision is a new version; approved versions are kept. */
public class Plan {
  public static final String DRAFT = "DRAFT";
  public static final String APPROVED = "APPROVED";
  public static final String SUPERSEDED = "SUPERSEDED";

  private Long id;
  private Long caseId;
  private int planVersion;
  private String status;
  private String revisionReason;
  private BigDecimal incomeTarget;
  private LocalDate reviewDate;
  private String note;
  private boolean householdConfirmed;
  private String draftedBy;
  private LocalDateTime draftedAt;
  private String approvedBy;
  private LocalDateTime approvedAt;
  private LocalDateTime createdAt;
  private List<PlanMeasure> measures = new ArrayList<>();

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getCaseId() { return caseId; }
  public void setCaseId(Long caseId) { this.caseId = caseId; }
  public int getPlanVersion() { return planVersion; }
  public void setPlanVersion(int planVersion) { this.planVersion = planVersion; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getRevisionReason() { return revisionReason; }
  public void setRevisionReason(String revisionReason) { this.revisionReason = revisionReason; }
  public BigDecimal getIncomeTarget() { return incomeTarget; }
  public void setIncomeTarget(BigDecimal incomeTarget) { this.incomeTarget = incomeTarget; }
  public LocalDate getReviewDate() { return reviewDate; }
  public void setReviewDate(LocalDate reviewDate) { this.reviewDate = reviewDate; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public boolean isHouseholdConfirmed() { return householdConfirmed; }
  public void setHouseholdConfirmed(boolean householdConfirmed) { this.householdConfirmed = householdConfirmed; }
  public String getDraftedBy() { return draftedBy; }
  public void setDraftedBy(String draftedBy) { this.draftedBy = draftedBy; }
  public LocalDateTime getDraftedAt() { return draftedAt; }
  public void setDraftedAt(LocalDateTime draftedAt) { this.draftedAt = draftedAt; }
  public String getApprovedBy() { return approvedBy; }
  public void setApprovedBy(String approvedBy) { this.approvedBy = approvedBy; }
  public LocalDateTime getApprovedAt() { return approvedAt; }
  public void setApprovedAt(LocalDateTime approvedAt) { this.approvedAt = approvedAt; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
  public List<PlanMeasure> getMeasures() { return measures; }
  public void setMeasures(List<PlanMeasure> measures) { this.measures = measures; }
}
