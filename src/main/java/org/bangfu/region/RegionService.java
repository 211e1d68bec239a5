package org.bangfu.region;

import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class RegionService {

  private final RegionMapper regions;

  public RegionService(RegionMapper regions) {
    this.regions = regions;
  }

  /** The village with this code, if the code is well formed and registered as a village. */
  public Optional<Region> findVillage(String code) {
    if (!RegionCode.isWellFormed(code)) {
      return Optional.empty();
    }
    Region region = regions.findByCode(code);
    return region != null && "VILLAGE".equals(region.level()) ? Optional.of(region) : Optional.empty();
  }

  public Optional<Region> find(String code) {
    return Optional.ofNullable(regions.findByCode(code));
  }

  /** Every registered county (supervision runs per county). */
  public java.util.List<Region> counties() {
    return regions.findAll().stream().filter(r -> "COUNTY".equals(r.level())).toList();
  }

  /** Every registered village, by code. */
  public java.util.List<Region> villages() {
    return regions.findAll().stream().filter(r -> "VILLAGE".equals(r.level()))
        .sorted(java.util.Comparator.comparing(Region::code)).toList();
  }

  /** The region's name, or its code when it is not registered. */
  public String name(String code) {
    Region region = regions.findByCode(code);
    return region == null ? code : region.name();
  }

  /** 乡镇 and 村 by name ("和平镇东风村"), as a task or a message names where a case is; a code that is not registered
   * as it is. */
  public String place(String villageCode) {
    Region village = regions.findByCode(villageCode);
    if (village == null) {
      return villageCode;
    }
    Region township = village.parentCode() == null ? null : regions.findByCode(village.parentCode());
    return (township == null ? "" : township.name()) + village.name();
  }
}
