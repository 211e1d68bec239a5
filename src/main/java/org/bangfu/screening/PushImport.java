package org.bangfu.screening;

import java.time.LocalDateTime;

/** One uploaded push file and its progress (bf_import); rowsDone is the committed checkpoint. */
public class PushImport {

  public enum Status {
    RUNNING("导入中"), DONE("已完成"), FAILED("失败");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private Long id;
  private String department;
  private String dataset;
  private String countyCode;
  private String fileName;
  private String fileFormat;
  private String fileSha256;
  private String storedPath;
  private String status;
  private int totalRows;
  private int rowsDone;
  private int rowsFlagged;
  private int casesOpened;
  private int signalsAttached;
  private int rowsDuplicate;
  private int rowsError;
  private String failure;
  private String startedBy;
  private LocalDateTime startedAt;
  private LocalDateTime finishedAt;
  private long busyMillis;
  private String lockOwner;
  private LocalDateTime lockedUntil;
  private LocalDateTime fileDeletedAt;

  public LocalDateTime getFileDeletedAt() {
    return fileDeletedAt;
  }

  public void setFileDeletedAt(LocalDateTime fileDeletedAt) {
    this.fileDeletedAt = fileDeletedAt;
  }

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getDataset() { return dataset; }
  public void setDataset(String dataset) { this.dataset = dataset; }
  public String getDepartment() { return department; }
  public void setDepartment(String department) { this.department = department; }
  public String getCountyCode() { return countyCode; }
  public void setCountyCode(String countyCode) { this.countyCode = countyCode; }
  public String getFileName() { return fileName; }
  public void setFileName(String fileName) { this.fileName = fileName; }
  public String getFileFormat() { return fileFormat; }
  public void setFileFormat(String fileFormat) { this.fileFormat = fileFormat; }
  public String getFileSha256() { return fileSha256; }
  public void setFileSha256(String fileSha256) { this.fileSha256 = fileSha256; }
  public String getStoredPath() { return storedPath; }
  public void setStoredPath(String storedPath) { this.storedPath = storedPath; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public int getTotalRows() { return totalRows; }
  public void setTotalRows(int totalRows) { this.totalRows = totalRows; }
  public int getRowsDone() { return rowsDone; }
  public void setRowsDone(int rowsDone) { this.rowsDone = rowsDone; }
  public int getRowsFlagged() { return rowsFlagged; }
  public void setRowsFlagged(int rowsFlagged) { this.rowsFlagged = rowsFlagged; }
  public int getCasesOpened() { return casesOpened; }
  public void setCasesOpened(int casesOpened) { this.casesOpened = casesOpened; }
  public int getSignalsAttached() { return signalsAttached; }
  public void setSignalsAttached(int signalsAttached) { this.signalsAttached = signalsAttached; }
  public int getRowsDuplicate() { return rowsDuplicate; }
  public void setRowsDuplicate(int rowsDuplicate) { this.rowsDuplicate = rowsDuplicate; }
  public int getRowsError() { return rowsError; }
  public void setRowsError(int rowsError) { this.rowsError = rowsError; }
  public String getFailure() { return failure; }
  public void setFailure(String failure) { this.failure = failure; }
  public String getStartedBy() { return startedBy; }
  public void setStartedBy(String startedBy) { this.startedBy = startedBy; }
  public LocalDateTime getStartedAt() { return startedAt; }
  public void setStartedAt(LocalDateTime startedAt) { this.startedAt = startedAt; }
  public LocalDateTime getFinishedAt() { return finishedAt; }
  public void setFinishedAt(LocalDateTime finishedAt) { this.finishedAt = finishedAt; }
  public long getBusyMillis() { return busyMillis; }
  public void setBusyMillis(long busyMillis) { this.busyMillis = busyMillis; }
  public String getLockOwner() { return lockOwner; }
  public void setLockOwner(String lockOwner) { this.lockOwner = lockOwner; }
  public LocalDateTime getLockedUntil() { return lockedUntil; }
  public void setLockedUntil(LocalDateTime lockedUntil) { this.lockedUntil = lockedUntil; }
}
