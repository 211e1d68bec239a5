package org.bangfu.household;

import java.time.LocalDateTime;

public class Household {
  private Long id;
  private String headName;
  private String villageCode;
  private String kind;
  /** 易地扶贫搬迁户: relocated out of poverty (a group watched more closely). */
  private boolean relocated;
  private String address;
  /** 户编号: the household's number in the national monitoring system, once its registry was loaded. */
  private String registryNumber;
  private LocalDateTime createdAt;
  private LocalDateTime updatedAt;
  private int version;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getHeadName() { return headName; }
  public void setHeadName(String headName) { this.headName = headName; }
  public String getVillageCode() { return villageCode; }
  public void setVillageCode(String villageCode) { this.villageCode = villageCode; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public boolean isRelocated() { return relocated; }
  public void setRelocated(boolean relocated) { this.relocated = relocated; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
  public String getRegistryNumber() { return registryNumber; }
  public void setRegistryNumber(String registryNumber) { this.registryNumber = registryNumber; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
  public LocalDateTime getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
  public int getVersion() { return version; }
  public void setVersion(int version) { this.version = version; }
}
