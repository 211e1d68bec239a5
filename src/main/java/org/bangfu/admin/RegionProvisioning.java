package org.bangfu.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.RegionMapper;
import org.bangfu.security.AccessProvisioning;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers regions and creates the groups their tasks are routed to, with the grants those groups need: a village
 * group per village, a township group per township, and per county the county, supervisor and department groups.
 * Registering a region that exists already changes nothing, so a county's list can be loaded again.
 */
@Service
public class RegionProvisioning {

  public record RegionRequest(String code, String name, String level) {
  }

  public record Result(List<String> created, List<String> existing, List<String> groups) {
  }

  private final RegionMapper regions;
  private final AccessProvisioning access;

  public RegionProvisioning(RegionMapper regions, AccessProvisioning access) {
    this.regions = regions;
    this.access = access;
  }

  @Transactional
  public Result register(List<RegionRequest> requests) {
    if (requests == null || requests.isEmpty()) {
      throw InvalidInputException.of("regions", "请提交至少一个区划");
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, RegionLevel> batch = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      validate(errors, "regions[" + i + "].", requests.get(i), batch);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<String> created = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (RegionRequest request : requests) {
      RegionLevel level = RegionLevel.valueOf(request.level());
      if (regions.findByCode(request.code()) != null) {
        existing.add(request.code());
        continue;
      }
      String parent = level.parent() == null ? null : request.code().substring(0, level.parent().codeLength());
      regions.insert(new Region(request.code(), request.name().trim(), level.name(), parent));
      created.add(request.code());
      groups.addAll(createGroups(request.code(), request.name().trim(), level));
    }
    return new Result(created, existing, groups);
  }

  private List<String> createGroups(String code, String name, RegionLevel level) {
    List<String> groups = new ArrayList<>();
    switch (level) {
      case VILLAGE -> groups.add(access.ensureWorkGroup(CandidateGroups.village(code), name + "村委会"));
      case TOWNSHIP -> groups.add(access.ensureWorkGroup(CandidateGroups.township(code), name + "人民政府"));
      case COUNTY -> {
        groups.add(access.ensureWorkGroup(CandidateGroups.county(code), name + "乡村振兴部门"));
        groups.add(access.ensureWorkGroup(CandidateGroups.supervisor(code), name + "督导组"));
        groups.add(access.ensureWorkGroup(CandidateGroups.countyAdmin(code), name + "系统管理员"));
        for (Department department : Department.values()) {
          groups.add(access.ensureWorkGroup(CandidateGroups.department(department.name(), code),
              name + department.label()));
        }
      }
      default -> {
        // provinces and cities have no tasks of their own
      }
    }
    return groups;
  }

  private void validate(List<FieldError> errors, String prefix, RegionRequest request,
      Map<String, RegionLevel> batch) {
    if (request == null) {
      errors.add(new FieldError(prefix.substring(0, prefix.length() - 1), "区划信息为空"));
      return;
    }
    RegionLevel level;
    try {
      level = RegionLevel.valueOf(request.level());
    } catch (IllegalArgumentException | NullPointerException e) {
      errors.add(new FieldError(prefix + "level", "级别应为 PROVINCE、CITY、COUNTY、TOWNSHIP 或 VILLAGE"));
      return;
    }
    String code = request.code();
    if (code == null || !code.matches("\\d{" + level.codeLength() + "}")) {
      errors.add(new FieldError(prefix + "code", level.name() + " 级区划代码应为 " + level.codeLength() + " 位数字"));
      return;
    }
    if (request.name() == null || request.name().isBlank() || request.name().length() > 64) {
      errors.add(new FieldError(prefix + "name", "请填写区划名称（不超过64字）"));
    }
    if (batch.put(code, level) != null) {
      errors.add(new FieldError(prefix + "code", "区划代码 " + code + " 重复提交"));
    }
    RegionLevel parentLevel = level.parent();
    if (parentLevel != null) {
      String parent = code.substring(0, parentLevel.codeLength());
      boolean known = parentLevel.equals(batch.get(parent)) || regions.findByCode(parent) != null;
      if (!known) {
        errors.add(new FieldError(prefix + "code", "上级区划 " + parent + " 尚未登记，请先登记上级或一并提交"));
      }
    }
  }
}
