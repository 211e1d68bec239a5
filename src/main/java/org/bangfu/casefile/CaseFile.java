package org.bangfu.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One case (监测帮扶案件): one household from the first risk signal to the decision. */
public class CaseFile {
  private Long id;
  private String businessKey;
  private Long householdId;
  private String villageCode;
  private String townshipCode;
  private String countyCode;
  private String channel;
  private String status;
  private String riskTypes;
  private boolean greenChannel;
  private String householdType;
  private BigDecimal perCapitaIncome;
  private BigDecimal adjustedIncome;
  private BigDecimal incomeThreshold;
  private LocalDate signalDate;
  private LocalDate deadline;
  private String decidedBy;
  private LocalDateTime decidedAt;
  private String decisionReason;
  private String processInstanceId;
  private String openedBy;
  private LocalDateTime openedAt;
  private int version;
  private Long previousCaseId;
  private LocalDate monitoringSince;
  private LocalDateTime closedAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getBusinessKey() { return businessKey; }
  public void setBusinessKey(String businessKey) { this.businessKey = businessKey; }
  public Long getHouseholdId() { return householdId; }
  public void setHouseholdId(Long householdId) { this.householdId = householdId; }
  public String getVillageCode() { return villageCode; }
  public void setVillageCode(String villageCode) { this.villageCode = villageCode; }
  public String getTownshipCode() { return townshipCode; }
  public void setTownshipCode(String townshipCode) { this.townshipCode = townshipCode; }
  public String getCountyCode() { return countyCode; }
  public void setCountyCode(String countyCode) { this.countyCode = countyCode; }
  public String getChannel() { return channel; }
  public void setChannel(String channel) { this.channel = channel; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getRiskTypes() { return riskTypes; }
  public void setRiskTypes(String riskTypes) { this.riskTypes = riskTypes; }
  public boolean isGreenChannel() { return greenChannel; }
  public void setGreenChannel(boolean greenChannel) { this.greenChannel = greenChannel; }
  public String getHouseholdType() { return householdType; }
  public void setHouseholdType(String householdType) { this.householdType = householdType; }
  public BigDecimal getPerCapitaIncome() { return perCapitaIncome; }
  public void setPerCapitaIncome(BigDecimal perCapitaIncome) { this.perCapitaIncome = perCapitaIncome; }
  public BigDecimal getAdjustedIncome() { return adjustedIncome; }
  public void setAdjustedIncome(BigDecimal adjustedIncome) { this.adjustedIncome = adjustedIncome; }
  public BigDecimal getIncomeThreshold() { return incomeThreshold; }
  public void setIncomeThreshold(BigDecimal incomeThreshold) { this.incomeThreshold = incomeThreshold; }
  public LocalDate getSignalDate() { return signalDate; }
  public void setSignalDate(LocalDate signalDate) { this.signalDate = signalDate; }
  public LocalDate getDeadline() { return deadline; }
  public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
  public String getDecidedBy() { return decidedBy; }
  public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
  public LocalDateTime getDecidedAt() { return decidedAt; }
  public void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
  public String getDecisionReason() { return decisionReason; }
  public void setDecisionReason(String decisionReason) { this.decisionReason = decisionReason; }
  public String getProcessInstanceId() { return processInstanceId; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  public String getOpenedBy() { return openedBy; }
  public void setOpenedBy(String openedBy) { this.openedBy = openedBy; }
  public LocalDateTime getOpenedAt() { return openedAt; }
  public void setOpenedAt(LocalDateTime openedAt) { this.openedAt = openedAt; }
  public int getVersion() { return version; }
  public void setVersion(int version) { this.version = version; }
  /** The earlier, eliminated case of the same household when this one is a relapse (风险再标注). */
  public Long getPreviousCaseId() { return previousCaseId; }
  public void setPreviousCaseId(Long previousCaseId) { this.previousCaseId = previousCaseId; }
  /** The day the county included the household in monitoring; the exit's six months count from here. */
  public LocalDate getMonitoringSince() { return monitoringSince; }
  public void setMonitoringSince(LocalDate monitoringSince) { this.monitoringSince = monitoringSince; }
  public LocalDateTime getClosedAt() { return closedAt; }
  public void setClosedAt(LocalDateTime closedAt) { this.closedAt = closedAt; }
}
