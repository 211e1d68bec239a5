package org.bangfu.household;

public class Member {
  private Long id;
  private Long householdId;
  private String name;
  private String idNumber;
  private String relation;
  private String labourCapacity;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getHouseholdId() { return householdId; }
  public void setHouseholdId(Long householdId) { this.householdId = householdId; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getIdNumber() { return idNumber; }
  public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
  public String getRelation() { return relation; }
  public void setRelation(String relation) { this.relation = relation; }
  public String getLabourCapacity() { return labourCapacity; }
  public void setLabourCapacity(String labourCapacity) { this.labourCapacity = labourCapacity; }

  @Override
  public String toString() {
    return "Member[" + id + ", " + name + ", " + IdNumber.mask(idNumber) + ", " + relation + ", " + labourCapacity + "]";
  }
}
