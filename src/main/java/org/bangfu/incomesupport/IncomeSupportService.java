package org.bangfu.incomesupport;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.catalogue.RiskType;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IncomeItems;
import org.bangfu.lifecycle.CaseOpening;
import org.bangfu.lifecycle.OpenCase;
import org.bangfu.screening.PeriodicScreeningService;
import org.bangfu.screening.ScreeningMapper.Flag;
import org.bangfu.screening.ScreeningMapper.Run;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.EngineUsers;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The 增收重点帮扶对象 of a survey year, household by household (seed 001 §26–§30): each listed household gets a ledger
 * row and its own IncomeSupportProcess; the steps of that process record here what was found, planned and done; the
 * next year's survey records how the income went. The ledger is read by region like the cases.
 */
@Service
public class IncomeSupportService {

  private static final Logger LOG = LoggerFactory.getLogger(IncomeSupportService.class);
  static final String PRIORITY = "PRIORITY";

  private final IncomeSupportMapper ledger;
  private final PeriodicScreeningService screening;
  private final HouseholdService households;
  private final CaseOpening opening;
  private final EngineUsers users;
  private final RegionAccess access;
  private final RuntimeService runtime;
  private final IncomeItems incomeItems;

  public IncomeSupportService(IncomeSupportMapper ledger, PeriodicScreeningService screening,
      HouseholdService households, CaseOpening opening, EngineUsers users, RegionAccess access,
      RuntimeService runtime, IncomeItems incomeItems) {
    this.incomeItems = incomeItems;
    this.ledger = ledger;
    this.screening = screening;
    this.households = households;
    this.opening = opening;
    this.users = users;
    this.access = access;
    this.runtime = runtime;
  }

  /**
   * The village's households the survey listed: each gets its ledger row and its process, once (a household in the
   * year's ledger already is not listed again). Returns how many were started.
   */
  public int startForVillage(Long runId, String villageCode) {
    Run run = screening.run(runId);
    if (run == null) {
      return 0;
    }
    int year = surveyYear(run);
    int started = 0;
    for (Flag flag : screening.list(runId, PRIORITY, villageCode)) {
      if (ledger.insertListed(year, runId, flag.householdId(), flag.villageCode(), flag.perCapitaIncome(),
          flag.reasons(), EngineClock.now()) == 0) {
        continue;
      }
      LedgerRow row = ledger.findByYear(year, flag.householdId());
      Map<String, Object> variables = new HashMap<>();
      variables.put(IncomeSupport.INCOME_SUPPORT_ID.name(), row.id());
      variables.put(CaseVariables.HOUSEHOLD_ID.name(), row.householdId());
      variables.put(CaseVariables.VILLAGE_CODE.name(), row.villageCode());
      variables.put(CaseVariables.TOWNSHIP_CODE.name(), row.villageCode().substring(0, 9));
      variables.put(CaseVariables.COUNTY_CODE.name(), row.countyCode());
      ProcessInstance instance = runtime.startProcessInstanceByKey(IncomeSupport.KEY, businessKey(year, row),
          variables);
      ledger.setProcess(row.id(), instance.getId());
      started++;
    }
    LOG.info("income support {}: {} households of village {} started", year, started, villageCode);
    return started;
  }

  /** ZS-2026-000123: the survey year and the ledger row. */
  static String businessKey(int year, LedgerRow row) {
    return "ZS-" + year + "-" + String.format("%06d", row.id());
  }

  /** The year a run surveyed: 2026 for 2026-Q4. */
  static int surveyYear(Run run) {
    return Integer.parseInt(run.runKey().substring(0, 4));
  }

  /**
   * Why the household's income is low or falling, from its records of the 24 months up to the survey's last month;
   * kept on its row.
   */
  public IncomeAnalysis analyse(long id) {
    LedgerRow row = row(id);
    Run run = screening.run(row.runId());
    YearMonth to = YearMonth.parse(run.incomeTo());
    IncomeAnalysis analysis = IncomeAnalysis.of(households.members(row.householdId()),
        households.incomesBetween(row.householdId(), to.minusMonths(23), to),
        incomeItems.of(row.householdId(), to.minusMonths(11), to), to);
    String text = "收入调查：" + row.analysis().lines().findFirst().orElse("") + "\n" + analysis.text()
        + suggestions(analysis);
    ledger.recordAnalysis(id, analysis.perCapita(), analysis.previousPerCapita(), text, analysis.labourShort(),
        EngineClock.now());
    return analysis;
  }

  private static String suggestions(IncomeAnalysis analysis) {
    List<String> paths = new java.util.ArrayList<>();
    if (analysis.suggestIndustry()) {
      paths.add("产业帮扶（有经营性收入）");
    }
    if (analysis.suggestEmployment()) {
      paths.add("就业帮扶（有劳动力，工资性收入没有或下降）");
    }
    if (analysis.labourShort()) {
      paths.add("兜底保障审核（必选）");
    }
    return paths.isEmpty() ? "" : "\n建议的帮扶路径：" + String.join("；", paths);
  }

  /** The paths a plan sets off: the plan's choices, and 民政's review always for a household short of labour. */
  public record Paths(boolean industry, boolean employment, boolean social) {
  }

  /**
   * The village's plan (§26, §30): causes, plan and paired cadre are required by the form; at least one path, or a
   * plan that says why none is needed, is the cadre's to write. A household with a risk of falling back is sent into
   * identification here (unless it has a case open).
   */
  public Paths recordPlan(long id, String causes, String plan, String pairedCadre, boolean industry,
      boolean employment, boolean social, boolean identifyRisk, String actor) {
    LedgerRow row = row(id);
    requireText(IncomeSupport.INCOME_CAUSES.name(), "收入低或下降的原因", causes);
    requireText(IncomeSupport.INCOME_SUPPORT_PLAN.name(), "增收帮扶计划", plan);
    requireText(IncomeSupport.PAIRED_CADRE.name(), "结对帮扶干部", pairedCadre);
    boolean socialReview = social || row.labourShort();
    Long caseId = null;
    if (identifyRisk) {
      try {
        CaseFile opened = opening.open(OpenCase.cadreScreening(row.householdId(), List.of(RiskType.OTHER.name())),
            users.of(actor));
        caseId = opened.getId();
      } catch (InvalidInputException | org.bangfu.shared.ConflictException e) {
        throw new InvalidDecisionException(IncomeSupport.IDENTIFY_RISK.name(), "不能纳入监测识别：" + e.getMessage());
      }
    }
    ledger.recordPlan(id, causes.trim(), plan.trim(), pairedCadre.trim(), industry, employment, socialReview, actor,
        caseId, EngineClock.now());
    return new Paths(industry, employment, socialReview);
  }

  public void recordInstructor(long id, String instructor, String measures, String actor) {
    row(id);
    requireText(IncomeSupport.INSTRUCTOR.name(), "技术指导员", instructor);
    requireText(IncomeSupport.INDUSTRY_MEASURES.name(), "产业帮扶措施", measures);
    ledger.recordInstructor(id, instructor.trim(), measures == null ? null : measures.trim(), actor,
        EngineClock.now());
  }

  public void recordEmployment(long id, String outcome, String note, String actor) {
    row(id);
    requireText(IncomeSupport.EMPLOYMENT_NOTE.name(), "就业帮扶情况", note);
    ledger.recordEmployment(id, outcome, note == null ? null : note.trim(), actor, EngineClock.now());
  }

  public void recordSocial(long id, String outcome, String note, String actor) {
    row(id);
    requireText(IncomeSupport.SOCIAL_NOTE.name(), "审核意见", note);
    ledger.recordSocial(id, outcome, note == null ? null : note.trim(), actor, EngineClock.now());
  }

  public void recordSupported(long id) {
    ledger.markSupported(id, EngineClock.now());
  }

  /** The next survey compares: last year's rows get the income of the 12 months up to this run's last month. */
  public int compareWithLastYear(Long runId) {
    Run run = screening.run(runId);
    if (run == null) {
      return 0;
    }
    return compare(surveyYear(run) - 1, YearMonth.parse(run.incomeTo()));
  }

  /** A year's rows get the per-head income of the 12 months up to {@code to}, where all were recorded. */
  int compare(int year, YearMonth to) {
    int rows = ledger.recordNextYear(year, to.minusMonths(11).toString(), to.toString());
    LOG.info("income support {}: {} rows compared with the 12 months to {}", year, rows, to);
    return rows;
  }

  // --- reading the ledger

  /** One page of a region's ledger for a year, as the user may see it. */
  public Page ledger(BangfuUser user, int year, String region, int page, int size) {
    InvalidInputException.requireValidPage(page, size);
    String path = departmentPath(user, region);
    if (path == null) {
      access.requireRegionScope(user, region);
    }
    return new Page(ledger.inRegion(year, region, path, page * size, size), ledger.countInRegion(year, region, path));
  }

  /** A page of the ledger and how many rows the region has. */
  public record Page(List<LedgerRow> rows, int total) {
  }

  public List<Integer> years(BangfuUser user, String region) {
    if (departmentPath(user, region) == null) {
      access.requireRegionScope(user, region);
    }
    return ledger.years(region);
  }

  /** One row, where the user may see it. */
  public LedgerRow get(BangfuUser user, long id) {
    LedgerRow row = ledger.find(id);
    if (row == null || !canSee(user, row)) {
      throw new NotFoundException("台账记录不存在，或不在您的辖区内");
    }
    return row;
  }

  private boolean canSee(BangfuUser user, LedgerRow row) {
    if (access.canSee(user, row.villageCode())) {
      return true;
    }
    String path = departmentPath(user, row.countyCode());
    return "INDUSTRY".equals(path) && Boolean.TRUE.equals(row.supportIndustry())
        || "EMPLOYMENT".equals(path) && Boolean.TRUE.equals(row.supportEmployment())
        || "SOCIAL".equals(path) && Boolean.TRUE.equals(row.supportSocial());
  }

  /**
   * The path a department user of the region's county works on (农业农村局 industry, 人社局 employment, 民政局 social
   * security): they read the rows of their path only; null for everyone else.
   */
  private static String departmentPath(BangfuUser user, String region) {
    RegionAccess.requireRegionCode(region);
    String county = region.substring(0, 6);
    for (Map.Entry<String, String> d : Map.of("AGRI", "INDUSTRY", "HRSS", "EMPLOYMENT", "CIVIL", "SOCIAL")
        .entrySet()) {
      if (user.inGroup(org.bangfu.region.CandidateGroups.department(d.getKey(), county))) {
        return d.getValue();
      }
    }
    return null;
  }

  /** A form's required text that is only spaces is no text: the ledger keeps what a person wrote. */
  private static void requireText(String field, String label, String value) {
    if (value == null || value.strip().isEmpty()) {
      throw new InvalidDecisionException(field, "请填写“" + label + "”");
    }
  }

  private LedgerRow row(long id) {
    LedgerRow row = ledger.find(id);
    if (row == null) {
      throw new IllegalStateException("income support row " + id + " does not exist");
    }
    return row;
  }
}
