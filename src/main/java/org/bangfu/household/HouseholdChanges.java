package org.bangfu.household;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bangfu.shared.EngineClock;

/**
 * What changed between a household as it was and as it is saved, in the registry's words, for the change log: 户主,
 * 户类型, 易地搬迁, 住址, and per member (by ID number) added, removed, or a changed name, relation or labour capacity.
 * ID numbers appear masked only.
 */
final class HouseholdChanges {

  private HouseholdChanges() {
  }

  static List<HouseholdChange> between(Household before, List<Member> membersBefore, Household after,
      List<Member> membersAfter, String actor) {
    List<HouseholdChange> changes = new ArrayList<>();
    Recorder record = (field, was, is) -> {
      if (!Objects.equals(was, is)) {
        changes.add(new HouseholdChange(null, after.getId(), after.getVillageCode(), after.getHeadName(), field,
            cut(was), cut(is), actor, EngineClock.now()));
      }
    };
    record.change("户主姓名", before.getHeadName(), after.getHeadName());
    record.change("户类型", HouseholdKind.valueOf(before.getKind()).label(), HouseholdKind.valueOf(after.getKind()).label());
    record.change("易地搬迁", before.isRelocated() ? "是" : "否", after.isRelocated() ? "是" : "否");
    record.change("住址", blankToNull(before.getAddress()), blankToNull(after.getAddress()));
    Map<String, Member> was = byIdNumber(membersBefore);
    Map<String, Member> is = byIdNumber(membersAfter);
    for (Map.Entry<String, Member> m : was.entrySet()) {
      Member now = is.get(m.getKey());
      if (now == null) {
        record.change("家庭成员", describe(m.getValue()), null);
      } else {
        String who = "成员 " + IdNumber.mask(m.getKey());
        record.change(who + " 姓名", m.getValue().getName(), now.getName());
        record.change(who + " 与户主关系", Relation.valueOf(m.getValue().getRelation()).label(),
            Relation.valueOf(now.getRelation()).label());
        record.change(who + " 劳动能力", LabourCapacity.valueOf(m.getValue().getLabourCapacity()).label(),
            LabourCapacity.valueOf(now.getLabourCapacity()).label());
      }
    }
    is.forEach((idNumber, m) -> {
      if (!was.containsKey(idNumber)) {
        record.change("家庭成员", null, describe(m));
      }
    });
    return changes;
  }

  /** The facts the log compares, copied. */
  static Household copy(Household h) {
    Household copy = new Household();
    copy.setId(h.getId());
    copy.setVillageCode(h.getVillageCode());
    copy.setHeadName(h.getHeadName());
    copy.setKind(h.getKind());
    copy.setRelocated(h.isRelocated());
    copy.setAddress(h.getAddress());
    return copy;
  }

  /** The registration of a household, as one line of the log. */
  static HouseholdChange registered(Household household, List<Member> members, String actor) {
    return new HouseholdChange(null, household.getId(), household.getVillageCode(), household.getHeadName(), "登记农户",
        null, cut(household.getHeadName() + "户，" + members.size() + " 人，"
            + HouseholdKind.valueOf(household.getKind()).label()), actor, EngineClock.now());
  }

  private interface Recorder {
    void change(String field, String was, String is);
  }

  static String describe(Member m) {
    return m.getName() + "（" + Relation.valueOf(m.getRelation()).label() + "，"
        + LabourCapacity.valueOf(m.getLabourCapacity()).label() + "，" + IdNumber.mask(m.getIdNumber()) + "）";
  }

  private static Map<String, Member> byIdNumber(List<Member> members) {
    Map<String, Member> map = new LinkedHashMap<>();
    members.forEach(m -> map.put(m.getIdNumber(), m));
    return map;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String cut(String value) {
    return value == null || value.length() <= 500 ? value : value.substring(0, 499) + "…";
  }
}
