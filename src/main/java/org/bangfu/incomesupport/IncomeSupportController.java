package org.bangfu.incomesupport;

import java.math.BigDecimal;
import java.util.List;
import org.bangfu.casefile.Decisions;
import org.bangfu.region.RegionService;
import org.bangfu.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 增收重点帮扶对象 ledger (台账) of a region and year: villages, townships and the county read their own rows;
 * the county's 农业农村局, 人社局 and 民政局 the rows of their path. Read only: the rows are written by the steps.
 */
@RestController
@RequestMapping("/api/income-support")
public class IncomeSupportController {

  /** A ledger row as the page shows it: places and outcomes in words, the income's change since the survey. */
  public record RowView(Long id, int surveyYear, Long householdId, String headName, String villageCode,
      String place, String status, String statusLabel, BigDecimal perCapitaIncome, BigDecimal previousIncome,
      BigDecimal nextYearIncome, String analysis, boolean labourShort, String causes, String plan,
      String pairedCadre, String paths, String instructor, String industryMeasures, String employment,
      String employmentNote, String socialSecurity, String socialNote, Long caseId) {
  }

  public record PageView(List<RowView> rows, int total, List<Integer> years) {
  }

  private final IncomeSupportService service;
  private final RegionService regions;
  private final CurrentUser currentUser;

  public IncomeSupportController(IncomeSupportService service, RegionService regions, CurrentUser currentUser) {
    this.service = service;
    this.regions = regions;
    this.currentUser = currentUser;
  }

  @GetMapping
  public PageView ledger(@RequestParam String region, @RequestParam(required = false) Integer year,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    List<Integer> years = service.years(currentUser.get(), region);
    int shown = year != null ? year : years.isEmpty() ? org.bangfu.shared.EngineClock.today().getYear() : years.get(0);
    IncomeSupportService.Page rows = service.ledger(currentUser.get(), shown, region, page, size);
    java.util.Map<String, String> places = new java.util.HashMap<>();
    return new PageView(rows.rows().stream().map(r -> view(r, places.computeIfAbsent(r.villageCode(),
        regions::place))).toList(), rows.total(), years);
  }

  @GetMapping("/{id}")
  public RowView row(@PathVariable long id) {
    LedgerRow row = service.get(currentUser.get(), id);
    return view(row, regions.place(row.villageCode()));
  }

  private static RowView view(LedgerRow r, String place) {
    return new RowView(r.id(), r.surveyYear(), r.householdId(), r.headName(), r.villageCode(), place, r.status(),
        switch (r.status()) {
          case LedgerRow.LISTED -> "待制定计划";
          case LedgerRow.PLANNED -> "落实中";
          default -> "已落实";
        }, r.perCapitaIncome(), r.previousIncome(), r.nextYearIncome(), r.analysis(), r.labourShort(), r.causes(),
        r.plan(), r.pairedCadre(), r.plan() == null ? null : IncomeSupportBriefs.paths(r), r.instructor(),
        r.industryMeasures(), r.employmentOutcome() == null ? null : Decisions.label(r.employmentOutcome()),
        r.employmentNote(), r.socialOutcome() == null ? null : Decisions.label(r.socialOutcome()), r.socialNote(),
        r.caseId());
  }
}
