package org.bangfu.admin;

import java.util.List;
import org.bangfu.admin.RegionProvisioning.RegionRequest;
import org.bangfu.admin.RegionProvisioning.Result;
import org.bangfu.region.Region;
import org.bangfu.region.RegionMapper;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.ForbiddenException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators load the regions of their deployment; the routing groups come with them. */
@RestController
@RequestMapping("/api/admin/regions")
public class RegionAdminController {

  private final RegionProvisioning provisioning;
  private final RegionMapper regions;
  private final CurrentUser currentUser;

  public RegionAdminController(RegionProvisioning provisioning, RegionMapper regions, CurrentUser currentUser) {
    this.provisioning = provisioning;
    this.regions = regions;
    this.currentUser = currentUser;
  }

  @PostMapping
  public Result register(@RequestBody List<RegionRequest> requests) {
    requireAdmin();
    return provisioning.register(requests);
  }

  @GetMapping
  public List<Region> list() {
    requireAdmin();
    return regions.findAll();
  }

  private void requireAdmin() {
    if (!currentUser.get().isAdmin()) {
      throw new ForbiddenException("只有系统管理员可以维护区划");
    }
  }
}
