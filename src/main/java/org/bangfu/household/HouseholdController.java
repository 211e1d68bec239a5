package org.bangfu.household;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdApi.HouseholdSummary;
import org.bangfu.household.HouseholdApi.HouseholdView;
import org.bangfu.household.HouseholdApi.IdNumberReveal;
import org.bangfu.household.HouseholdApi.IdNumberRevealRequest;
import org.bangfu.household.HouseholdApi.IncomeRequest;
import org.bangfu.household.HouseholdApi.Page;
import org.bangfu.region.RegionService;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/households")
public class HouseholdController {

  private final HouseholdService households;
  private final CurrentUser currentUser;
  private final RegionAccess access;
  private final RegionService regions;
  private final IdNumberReveals reveals;
  private final org.bangfu.security.PersonNames names;

  public HouseholdController(HouseholdService households, CurrentUser currentUser, RegionAccess access,
      RegionService regions, IdNumberReveals reveals, org.bangfu.security.PersonNames names) {
    this.names = names;
    this.regions = regions;
    this.reveals = reveals;
    this.households = households;
    this.currentUser = currentUser;
    this.access = access;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> create(@RequestBody HouseholdRequest request) {
    BangfuUser user = currentUser.get();
    // an unknown village is reported by the validation; a known one outside the user's region here
    if (request != null && regions.findVillage(request.villageCode()).isPresent()
        && !access.canSee(user, request.villageCode())) {
      throw InvalidInputException.of("villageCode", "只能登记本辖区内的农户");
    }
    Long id = households.create(request, user.id());
    return ResponseEntity.created(URI.create("/api/households/" + id)).body(Map.of("id", id));
  }

  /** The household, ID numbers masked. */
  @GetMapping("/{id}")
  public HouseholdView get(@PathVariable Long id) {
    requireVisible(id);
    return households.view(id);
  }

  @PutMapping("/{id}")
  public HouseholdView update(@PathVariable Long id, @RequestBody HouseholdRequest request) {
    requireVisible(id);
    households.update(id, request, currentUser.get().id());
    return households.view(id);
  }

  @PostMapping("/{id}/incomes")
  public HouseholdView addIncomes(@PathVariable Long id, @RequestBody List<IncomeRequest> incomes) {
    requireVisible(id);
    households.addIncomes(id, incomes);
    return households.view(id);
  }

  /**
   * 查看完整身份证号: one member's full ID number, for a user who may read the household (refused as its GET is), with
   * a reason; who, when, why and whose number are recorded before the answer.
   */
  @PostMapping("/{id}/id-number-reveal")
  public IdNumberReveal revealIdNumber(@PathVariable Long id,
      @RequestBody(required = false) IdNumberRevealRequest request) {
    requireVisible(id);
    return reveals.reveal(id, request, currentUser.get().id());
  }

  /** Households of a region the caller may see (6-, 9- or 12-digit code), by 户主's name if given, ID numbers masked. */
  @GetMapping
  public Page<HouseholdSummary> list(@RequestParam String region, @RequestParam(required = false) String name,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    access.requireRegionScope(currentUser.get(), region);
    InvalidInputException.requireValidPage(page, size);
    if (name != null && name.length() > 20) {
      throw InvalidInputException.of("name", "户主姓名不超过20字");
    }
    return households.list(region, name, page, size);
  }

  /** A changed fact as the change log shows it: who by name. */
  public record ChangeView(Long id, Long householdId, String villageCode, String headName, String field,
      String oldValue, String newValue, String changedBy, String changedByName, java.time.LocalDateTime changedAt) {
  }

  /** 变更记录: who changed what in the households of a region the caller may see, newest first. */
  @GetMapping("/changes")
  public Page<ChangeView> changes(@RequestParam String region, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    access.requireRegionScope(currentUser.get(), region);
    InvalidInputException.requireValidPage(page, size);
    Page<HouseholdChange> changes = households.changes(region, page, size);
    return new Page<>(changes.items().stream().map(this::view).toList(), changes.total(), page, size);
  }

  @GetMapping("/{id}/changes")
  public List<ChangeView> changesOf(@PathVariable Long id) {
    requireVisible(id);
    return households.changesOf(id).stream().map(this::view).toList();
  }

  private ChangeView view(HouseholdChange c) {
    return new ChangeView(c.id(), c.householdId(), c.villageCode(), c.headName(), c.field(), c.oldValue(),
        c.newValue(), c.changedBy(), "system".equals(c.changedBy()) ? "系统" : names.of(c.changedBy()), c.changedAt());
  }

  private void requireVisible(Long id) {
    access.requireVisible(currentUser.get(), households.find(id).getVillageCode(), "农户");
  }
}
