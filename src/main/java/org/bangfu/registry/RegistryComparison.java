package org.bangfu.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdApi.MemberRequest;
import org.bangfu.household.HouseholdChange;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.HouseholdService.Registered;
import org.bangfu.household.IdNumber;
import org.bangfu.region.Region;
import org.bangfu.region.RegionService;
import org.bangfu.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Compares households of a registry file with the registry (it reads, never writes): each is new, changed (and what
 * would change, in the change log's words), the same, or refused (and why). A chunk of households is compared with
 * five statements whatever its size: the 户编号 known, who holds the file's ID numbers, those households with their
 * members, and which of them have an open case.
 */
@Component
class RegistryComparison {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HouseholdService households;
  private final CaseFileService caseFiles;
  private final RegionService regions;

  RegistryComparison(HouseholdService households, CaseFileService caseFiles, RegionService regions) {
    this.households = households;
    this.caseFiles = caseFiles;
    this.regions = regions;
  }

  /** The county's registered villages (a household elsewhere is refused). */
  Set<String> villages(String county) {
    return regions.villages().stream().map(Region::code).filter(code -> code.startsWith(county))
        .collect(Collectors.toSet());
  }

  /**
   * An ID number the file gives more than once, for the whole file: row number → why that row is refused (the first
   * row with the number is not; every later one is).
   */
  static Map<Integer, String> duplicates(Map<String, List<RegistryFile.Row>> file) {
    Map<String, String> seen = new HashMap<>();
    Map<Integer, String> refused = new HashMap<>();
    file.forEach((number, rows) -> rows.forEach(row -> {
      String other = row.idNumber().isEmpty() ? null : seen.putIfAbsent(row.idNumber(), number);
      if (other != null) {
        refused.put(row.rowNo(), "第 " + row.rowNo() + " 行：证件号码 " + IdNumber.mask(row.idNumber())
            + " 在文件中出现两次（户编号 " + other + (other.equals(number) ? "" : "、" + number) + "）");
      }
    }));
    return refused;
  }

  /** The chunk's households compared, in the file's order; the items have no load yet. */
  List<RegistryItem> compare(List<Map.Entry<String, List<RegistryFile.Row>>> chunk, Set<String> villages,
      Map<Integer, String> duplicates, String actor) {
    Map<String, Long> known = households.byRegistryNumbers(chunk.stream().map(Map.Entry::getKey).toList());
    Map<String, Long> holders = households.holders(chunk.stream().flatMap(e -> e.getValue().stream())
        .map(RegistryFile.Row::idNumber).filter(IdNumber::isValid).collect(Collectors.toSet()));
    Set<Long> ids = new HashSet<>(known.values());
    ids.addAll(holders.values());
    Map<Long, Registered> registered = households.registered(ids);
    Set<Long> open = caseFiles.withOpenCase(ids);
    Lookups lookups = new Lookups(villages, duplicates, known, holders, registered, open);
    List<RegistryItem> items = new ArrayList<>(chunk.size());
    for (Map.Entry<String, List<RegistryFile.Row>> household : chunk) {
      items.add(item(household.getKey(), household.getValue(), lookups, actor));
    }
    return items;
  }

  private record Lookups(Set<String> villages, Map<Integer, String> duplicates, Map<String, Long> known,
      Map<String, Long> holders, Map<Long, Registered> registered, Set<Long> open) {
  }

  private RegistryItem item(String number, List<RegistryFile.Row> rows, Lookups lookups, String actor) {
    List<String> errors = new ArrayList<>();
    RegistryFile.Row first = rows.get(0);
    if (number.isEmpty() || number.length() > 30) {
      errors.add("第 " + first.rowNo() + " 行：户编号为空或超过30位");
    }
    String village = first.village();
    if (rows.stream().anyMatch(r -> !r.village().equals(village))) {
      errors.add("同一户编号的成员在不同的村");
    }
    if (!lookups.villages().contains(village)) {
      errors.add("第 " + first.rowNo() + " 行：行政区划代码 " + village + " 不是本县已登记的村");
    }
    List<MemberRequest> members = new ArrayList<>();
    for (RegistryFile.Row row : rows) {
      String relation = RegistryFile.relation(row.relation());
      String labour = RegistryFile.labour(row.labour());
      if (relation == null) {
        errors.add("第 " + row.rowNo() + " 行：与户主关系“" + row.relation() + "”无法识别");
      }
      if (labour == null) {
        errors.add("第 " + row.rowNo() + " 行：劳动技能“" + row.labour() + "”无法识别");
      }
      IdNumber.problem(row.idNumber()).ifPresent(p -> errors.add("第 " + row.rowNo() + " 行：" + p));
      if (lookups.duplicates().containsKey(row.rowNo())) {
        errors.add(lookups.duplicates().get(row.rowNo()));
      }
      if (row.name().isEmpty()) {
        errors.add("第 " + row.rowNo() + " 行：姓名为空");
      }
      members.add(new MemberRequest(row.name(), row.idNumber(), relation, labour));
    }
    List<RegistryFile.Row> heads = rows.stream().filter(r -> "HEAD".equals(RegistryFile.relation(r.relation())))
        .toList();
    if (heads.size() != 1) {
      errors.add("户编号 " + number + " 应有且只有一位户主，文件中有 " + heads.size() + " 位");
    }
    if (!errors.isEmpty()) {
      return error(number, village, first.name(), errors);
    }
    String headName = heads.get(0).name();
    String kind = RegistryFile.kind(first.kind());
    Boolean relocated = first.relocated().equals("是");
    Long id = lookups.known().get(number);
    boolean linking = false;
    if (id == null) {
      // registered here before the registry was loaded: the household of the 户主's ID number, if it has no number
      Long registered = lookups.holders().get(heads.get(0).idNumber());
      if (registered != null) {
        Household existing = lookups.registered().get(registered).household();
        if (existing.getRegistryNumber() != null) {
          return error(number, village, headName, List.of("户主的证件号码已登记在户编号 " + existing.getRegistryNumber()
              + " 下"));
        }
        id = registered;
        linking = true;
      }
    }
    try {
      if (id == null) {
        HouseholdRequest request = new HouseholdRequest(headName, village, kind, null, members, null, null, relocated);
        households.check(request, null, lookups.holders());
        return new RegistryItem(null, null, number, "NEW", null, headName, village, false,
            members.size() + " 人，" + ("FORMERLY_POOR".equals(kind) ? "脱贫户" : "一般农户"), payload(request), "PENDING");
      }
      Registered current = lookups.registered().get(id);
      Household existing = current.household();
      if (!existing.getVillageCode().equals(village)) {
        return error(number, village, headName, List.of("该户在本系统中登记在另一个村（" + existing.getVillageCode()
            + "），迁移请走迁移流程"));
      }
      HouseholdRequest request = new HouseholdRequest(headName, village, kind, existing.getAddress(), members, null,
          existing.getVersion(), relocated);
      households.check(request, id, lookups.holders());
      List<HouseholdChange> changes = households.wouldChange(current, request, actor);
      List<String> lines = new ArrayList<>();
      if (linking) {
        lines.add("户编号：— → " + number);
      }
      changes.forEach(c -> lines.add(c.field() + "：" + (c.oldValue() == null ? "—" : c.oldValue()) + " → "
          + (c.newValue() == null ? "—" : c.newValue())));
      if (lines.isEmpty()) {
        return new RegistryItem(null, null, number, "SAME", id, headName, village, false, null, null, "PENDING");
      }
      return new RegistryItem(null, null, number, "CHANGED", id, headName, village, lookups.open().contains(id),
          String.join("\n", lines), payload(request), "PENDING");
    } catch (InvalidInputException e) {
      return error(number, village, headName, e.errors().stream().map(InvalidInputException.FieldError::message)
          .toList());
    }
  }

  private static RegistryItem error(String number, String village, String name, List<String> errors) {
    return new RegistryItem(null, null, number.isEmpty() ? "（空）" : number.substring(0, Math.min(30, number.length())),
        "ERROR", null, name, village.length() > 12 ? village.substring(0, 12) : village, false,
        String.join("\n", errors), null, "PENDING");
  }

  private static String payload(HouseholdRequest request) {
    try {
      return JSON.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HouseholdRequest parse(String payload) {
    try {
      return JSON.readValue(payload, HouseholdRequest.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
