package org.bangfu.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.bangfu.casefile.CaseFile;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.RiskType;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.household.HouseholdKind;
import org.bangfu.household.IncomeTest;
import org.bangfu.household.MonitoringThreshold;
import org.bangfu.lifecycle.CaseOpening;
import org.bangfu.lifecycle.OpenCase;
import org.bangfu.region.RegionCode;
import org.bangfu.screening.ScreeningMapper.Flag;
import org.bangfu.screening.ScreeningMapper.HouseholdFigures;
import org.bangfu.screening.ScreeningMapper.Run;
import org.bangfu.security.EngineUsers;
import org.bangfu.shared.EngineClock;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Periodic monitoring (docs/domain.md §6; 《广西增收三年行动方案》§33): the work of PeriodicScreeningProcess's steps. A run is made once
 * per quarter or year (its key is unique), so a timer that fires again or a step that is retried lists nobody twice.
 * The figures are one grouped query over the registry; the rules are the DMN tables of
 * processes/PeriodicMonitoring.dmn, evaluated in bulk without a history row per household.
 */
@Service("periodicScreening")
public class PeriodicScreeningService {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PeriodicScreeningService.class);

  public static final String QUARTERLY = "QUARTERLY";
  public static final String YEARLY = "YEARLY";
  public static final String WARNING = "WARNING";
  public static final String PRIORITY = "PRIORITY";
  public static final String SCREENING = "SCREENING";

  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";

  private final ScreeningMapper screening;
  private final RuleTables tables;
  private final CaseOpening opening;
  private final EngineUsers users;
  private final org.camunda.bpm.engine.RuntimeService runtime;
  private final HistoryService history;
  /** A township's list, a run's row: committed on their own, apart from the engine's transaction of the step. */
  private final TransactionTemplate apart;

  public PeriodicScreeningService(ScreeningMapper screening, RuleTables tables, CaseOpening opening,
      EngineUsers users, org.camunda.bpm.engine.RuntimeService runtime, HistoryService history,
      PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.screening = screening;
    this.tables = tables;
    this.opening = opening;
    this.users = users;
    this.history = history;
    this.apart = new TransactionTemplate(transactions);
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The quarter that ended before the engine's today: on 2027-01-01 it is 2026-Q4. */
  public static String quarterJustEnded(LocalDate today) {
    LocalDate lastDay = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3).minusDays(1);
    return lastDay.getYear() + "-Q" + ((lastDay.getMonthValue() - 1) / 3 + 1);
  }

  /** The last income month a quarter's run evaluates (2026-Q4 → 2026-12). */
  static YearMonth lastMonth(String quarter) {
    int year = Integer.parseInt(quarter.substring(0, 4));
    int q = quarter.charAt(6) - '0';
    return YearMonth.of(year, q * 3);
  }

  /**
   * The quarterly warnings: every household the DMN flags (low or falling income, workers without a job or with
   * less than 6 months' work) is put on its township's list; returns the run's id, or null when another instance
   * made this quarter's lists already (the timer fired twice): nobody is asked twice.
   */
  public Long evaluateQuarter(String processInstanceId, String requestedBy) {
    String runKey = quarterJustEnded(EngineClock.today());
    YearMonth to = lastMonth(runKey);
    Run run = claim(runKey, QUARTERLY, to, processInstanceId, requestedBy);
    if (run == null) {
      return null;
    }
    RuleTables.Table rules = tables.latest(PeriodicScreening.DECISION_WARNING);
    RuleTables.Table schemes = tables.latest(PeriodicScreening.DECISION_SCHEME);
    // whether a city's scheme applies, asked once per city (the run's year is one)
    Map<String, Boolean> schemeApplies = new HashMap<>();
    listByTownship(run, WARNING, to, Flag::townshipCode, h -> {
      Map<String, Object> variables = new HashMap<>(where(h, to));
      boolean complete = incomeTest(h).complete();
      variables.put("householdKind", h.householdKind());
      variables.put("relocated", h.relocated());
      variables.put("monitored", h.openCaseId() != null);
      // unrecorded months are unknown, not zero: no income rule judges an incomplete year
      variables.put("perCapitaIncome", complete ? perCapita(h).doubleValue() : null);
      variables.put("incomeGrowth", growth(h));
      variables.put("workerWithoutJob", h.workersWithoutJob() > 0);
      variables.put("workerMonths", h.workerMonths());
      Set<String> reasons = new LinkedHashSet<>();
      String riskType = null;
      if (!complete && schemeApplies.computeIfAbsent(h.villageCode().substring(0, 4) + "/" + to.getYear(),
          key -> applies(schemes, variables))) {
        reasons.add("近12个月有 " + (IncomeTest.MONTHS - h.currentMonths())
            + " 个月没有收入记录（不按0计算），请补录后核实");
        riskType = RiskType.OTHER.name();
      }
      for (Map<String, Object> entry : rules.evaluate(variables).getResultList()) {
        reasons.add((String) entry.get("reason"));
        if (riskType == null || RiskType.UNSTABLE_WORK.name().equals(entry.get("riskType"))) {
          riskType = (String) entry.get("riskType");
        }
      }
      return reasons.isEmpty() ? null : new Flag(null, run.id(), WARNING, h.householdId(), h.headName(),
          h.villageCode(), h.villageCode().substring(0, 9), 0, String.join("；", reasons), riskType,
          complete ? perCapita(h) : null, h.openCaseId(), null, null, null, null);
    });
    finish(run, WARNING);
    return run.id();
  }

  /**
   * The period's run for this process instance, holding the period's lock until the engine's transaction of the
   * step ends: made now; or the instance's own (its step is retried); or taken over from an instance that died
   * before its transaction committed (nothing of it is in the engine's history), which had listed some townships.
   * Null while another instance works on the run, or when one made it and went on (the timer fired twice, two
   * operators at once): nobody is listed twice and no township is asked twice.
   */
  private Run claim(String runKey, String kind, YearMonth to, String processInstanceId, String requestedBy) {
    try {
      apart.executeWithoutResult(status -> screening.insertRunLock(runKey, kind));
    } catch (DuplicateKeyException e) {
      // the period's lock row is there already
    }
    if (screening.lockRun(runKey, kind) == null) {
      LOG.info("periodic run {} {}: another instance is working on it; instance {} leaves it", kind, runKey,
          processInstanceId);
      return null;
    }
    // the run as committed now: the step's MyBatis session answers a repeated query from its cache (and under
    // REPEATABLE READ its transaction from an older snapshot)
    Run run = apart.execute(status -> screening.findRun(runKey, kind));
    if (run == null) {
      return apart.execute(status -> {
        screening.insertRun(runKey, kind, to.minusMonths(11).toString(), to.toString(), processInstanceId,
            EngineClock.now(), requestedBy);
        return screening.findRun(runKey, kind);
      });
    }
    if (processInstanceId.equals(run.processInstanceId())) {
      return run;
    }
    if (ownerCommitted(run)) {
      return null;
    }
    Integer taken = apart.execute(status -> screening.takeOverRun(run.id(), run.processInstanceId(),
        processInstanceId));
    if (taken == null || taken != 1) {
      return null;
    }
    LOG.warn("periodic run {} {}: instance {} stopped before its step committed; instance {} takes the run over",
        kind, runKey, run.processInstanceId(), processInstanceId);
    return apart.execute(status -> screening.findRunById(run.id()));
  }

  /**
   * Lists the registry's households township by township: each township's households are read, judged and their
   * flags written in a transaction of its own, recorded as a part of the run. A township with a part is skipped, so a
   * run taken up again goes on where it stopped; memory and transactions are bounded by the largest township, not
   * by the registry. List numbers count within the list the flag is on ({@code listOf}: its township or village),
   * which lies within one township.
   */
  private void listByTownship(Run run, String kind, YearMonth to, Function<Flag, String> listOf,
      Function<HouseholdFigures, Flag> judge) {
    Set<String> listed = new HashSet<>(apart.execute(status -> screening.findRunParts(run.id(), kind)));
    for (String township : screening.registryTownships()) {
      if (listed.contains(township)) {
        continue;
      }
      apart.executeWithoutResult(status -> {
        LocalDateTime started = EngineClock.now();
        List<HouseholdFigures> households = figures(township, to);
        List<Flag> flags = new ArrayList<>();
        Map<String, Integer> listNo = new HashMap<>();
        for (HouseholdFigures h : households) {
          Flag flag = judge.apply(h);
          if (flag != null) {
            flags.add(new Flag(null, run.id(), kind, flag.householdId(), flag.headName(), flag.villageCode(),
                flag.townshipCode(), listNo.merge(listOf.apply(flag), 1, Integer::sum), flag.reasons(),
                flag.riskType(), flag.perCapitaIncome(), flag.openCaseId(), null, null, null, null));
          }
        }
        insert(flags);
        screening.insertRunPart(run.id(), kind, township, households.size(), flags.size(), started,
            EngineClock.now());
      });
    }
  }

  /** Every township listed: the run is done, its figures its parts'. */
  private void finish(Run run, String kind) {
    apart.executeWithoutResult(status -> screening.finishRun(run.id(), kind));
  }

  /** 季度监测预警 or 年度集中排查. */
  public static String kindLabel(String kind) {
    return QUARTERLY.equals(kind) ? "季度监测预警" : YEARLY.equals(kind) ? "年度集中排查" : kind;
  }

  /** The latest runs, newest first. */
  public List<Run> runs() {
    return screening.findRuns(40);
  }

  /**
   * This period's run started by an operator: the process from its first step (the timer start event and its
   * schedule stay as they are), refused when the period's run exists. Two operators at the same moment: the
   * run's unique key lets one list the households, the other instance finds the run made and ends.
   */
  public Run startByHand(String kind, String operator) {
    if (!QUARTERLY.equals(kind) && !YEARLY.equals(kind)) {
      throw org.bangfu.shared.InvalidInputException.of("kind", "请选择要启动的定期监测：QUARTERLY（季度监测预警）或 YEARLY（年度集中排查）");
    }
    String runKey = currentRunKey(kind);
    Run made = screening.findRun(runKey, kind);
    if (made != null && RUNNING.equals(made.status()) && !abandoned(made)) {
      throw new org.bangfu.shared.ConflictException("本期（" + runKey + "）的" + kindLabel(kind) + "正在执行（"
          + made.startedAt().withNano(0).toString().replace('T', ' ') + " 启动），请稍后查看结果");
    }
    if (made != null && !RUNNING.equals(made.status())) {
      throw new org.bangfu.shared.ConflictException("本期（" + runKey + "）的" + kindLabel(kind) + "已于 "
          + made.startedAt().withNano(0).toString().replace('T', ' ') + " 执行（"
          + (made.requestedBy() == null ? "定时启动" : "由 " + made.requestedBy() + " 手动启动") + "），不再重复执行");
    }
    boolean quarterly = QUARTERLY.equals(kind);
    runtime.createProcessInstanceByKey(quarterly ? PeriodicScreening.KEY : PeriodicScreening.CONCENTRATED_KEY)
        .startBeforeActivity(quarterly ? PeriodicScreening.EVALUATE_WARNINGS : PeriodicScreening.PREPARE_SCREENING)
        .setVariable(PeriodicScreening.REQUESTED_BY.name(), operator)
        .execute();
    Run run = screening.findRun(runKey, kind);
    LOG.info("periodic run {} {} started by hand by {}", kind, runKey, operator);
    return run;
  }

  /**
   * A run nobody works on and whose instance never committed (its node died mid-run): a new instance takes it over
   * where it stopped.
   */
  private boolean abandoned(Run run) {
    Boolean lockFree = apart.execute(status -> screening.lockRun(run.runKey(), run.kind()) != null);
    return Boolean.TRUE.equals(lockFree) && !ownerCommitted(run);
  }

  /**
   * Whether the instance that made or took the run committed (its history exists) and so went on with it; a run with
   * no instance recorded (made before instances were recorded) counts as committed.
   */
  private boolean ownerCommitted(Run run) {
    return run.processInstanceId() == null
        || history.createHistoricProcessInstanceQuery().processInstanceId(run.processInstanceId()).count() > 0;
  }

  /** The key of the quarter (or year) the engine's clock is in the run of: 2026-Q4, 2027. */
  public String currentRunKey(String kind) {
    return QUARTERLY.equals(kind) ? quarterJustEnded(EngineClock.today())
        : String.valueOf(EngineClock.today().getYear());
  }

  /**
   * Whether this instance's run is held in the fourth quarter, which adds the income survey (《广西增收三年行动方案》
   * 第二十六条: 每年第四季度): the run of 1 October, which lists the third quarter's warnings.
   */
  public boolean fourthQuarter(Long runId, String runKey) {
    // a second firing in the quarter has no run (null, which the model's expression language passes as 0)
    return runId != null && runId > 0 && runKey.endsWith("-Q3");
  }

  /** Whether the periodic rules apply where and when the household is (a scheme row matches). */
  private static boolean applies(RuleTables.Table schemes, Map<String, Object> where) {
    var row = schemes.evaluate(where).getFirstResult();
    return row != null && row.get("scheme") != null;
  }

  /**
   * Where and when the periodic rules apply: the household's province and city and the year of the run's last income
   * month ({@code Decision_PeriodicScheme} gives the scheme, or none: no warnings there).
   */
  static Map<String, Object> where(HouseholdFigures h, YearMonth to) {
    return MonitoringThreshold.inputs(new RegionCode(h.villageCode()), to.getYear());
  }

  /**
   * Q4 income survey: the households the DMN makes 增收重点帮扶对象 (formerly poor, under 10,000 元 a head) are
   * listed per village for an income plan.
   */
  public void markPriority(Long runId) {
    Run run = runId == null ? null : screening.findRunById(runId);
    if (run == null || apart.execute(status -> screening.findRunParts(runId, PRIORITY)).isEmpty()
        && !screening.findVillages(runId, PRIORITY).isEmpty()) {
      return; // no run, or its survey listed by a version that listed all at once
    }
    RuleTables.Table rules = tables.latest(PeriodicScreening.DECISION_PRIORITY);
    YearMonth to = YearMonth.parse(run.incomeTo());
    listByTownship(run, PRIORITY, to, Flag::villageCode, h -> {
      Map<String, Object> variables = new HashMap<>(where(h, to));
      variables.put("householdKind", h.householdKind());
      // an incomplete year is on the warning list to be completed; the survey judges known incomes only
      variables.put("perCapitaIncome", incomeTest(h).complete() ? perCapita(h).doubleValue() : null);
      DmnDecisionResultEntries result = rules.evaluate(variables).getFirstResult();
      return result == null || !Boolean.TRUE.equals(result.get("priority")) ? null
          : new Flag(null, runId, PRIORITY, h.householdId(), h.headName(), h.villageCode(),
              h.villageCode().substring(0, 9), 0, (String) result.get("reason"), null, perCapita(h), h.openCaseId(),
              null, null, null, null);
    });
  }

  /**
   * The yearly concentrated screening (集中排查): every household of every village on its village's list; null when
   * this year's lists were made already.
   */
  public Long prepareYearlyScreening(String processInstanceId, String requestedBy) {
    LocalDate today = EngineClock.today();
    String runKey = String.valueOf(today.getYear());
    YearMonth to = YearMonth.from(today).minusMonths(1);
    Run run = claim(runKey, YEARLY, to, processInstanceId, requestedBy);
    if (run == null) {
      return null;
    }
    listByTownship(run, SCREENING, to, Flag::villageCode, h -> {
      String status = h.openCaseStatus() == null ? HouseholdKind.valueOf(h.householdKind()).label()
          : CaseStatus.valueOf(h.openCaseStatus()).label();
      return new Flag(null, run.id(), SCREENING, h.householdId(), h.headName(), h.villageCode(),
          h.villageCode().substring(0, 9), 0, status + "，近12个月人均纯收入 " + perCapita(h).toPlainString() + " 元",
          null, perCapita(h), h.openCaseId(), null, null, null, null);
    });
    finish(run, SCREENING);
    return run.id();
  }

  // --- the lists the tasks show (MI collections; the lists themselves through ScreeningLists)

  /** A run by its id, or null. */
  public Run run(Long runId) {
    return runId == null ? null : screening.findRunById(runId);
  }

  /** The townships with warnings; none when this instance made no lists (runId null). */
  public List<String> townships(Long runId) {
    // as committed now: the lists were written apart from the step's transaction, whose MyBatis session may have
    // answered the same query before, empty, from its cache
    return runId == null ? List.of() : apart.execute(status -> screening.findTownships(runId, WARNING));
  }

  public List<String> villages(Long runId, String kind) {
    return runId == null ? List.of() : apart.execute(status -> screening.findVillages(runId, kind));
  }

  /** A run's list for a township (WARNING) or a village (PRIORITY, SCREENING), in list-number order. */
  public List<Flag> list(Long runId, String kind, String regionCode) {
    return screening.findFlags(runId, kind, regionCode);
  }

  /**
   * The same list where the database read holds the whole run (its status DONE), else null: a read replica behind
   * the primary may hold only the townships listed so far, and a partial list must not be printed.
   */
  public List<Flag> listIfComplete(Long runId, String kind, String regionCode) {
    Run run = screening.findRunById(runId);
    return run != null && "DONE".equals(run.status()) ? screening.findFlags(runId, kind, regionCode) : null;
  }

  // --- recording what the township or village decided (in the completion's transaction)

  /** The township reviewed its warnings: the households named by number start an identification. */
  public void recordWarningReview(Long runId, String townshipCode, String riskHouseholds, String note,
      String actor) {
    handle(screening.findFlags(runId, WARNING, townshipCode), PeriodicScreening.RISK_HOUSEHOLDS.name(),
        riskHouseholds, note, actor, "季度监测预警");
  }

  /** The village drew up the income plans of its 增收重点帮扶对象. */
  public void recordIncomePlans(Long runId, String villageCode, String plan, String actor) {
    if (plan == null || plan.isBlank()) {
      throw new InvalidDecisionException(PeriodicScreening.INCOME_PLAN.name(), "请填写增收计划");
    }
    for (Flag flag : screening.findFlags(runId, PRIORITY, villageCode)) {
      screening.markFlag(flag.id(), "INCOME_PLAN", null, truncate(plan.trim()), actor, EngineClock.now());
    }
  }

  /** The village cadre screened every household: those named by number start an identification. */
  public void recordConcentratedScreening(Long runId, String villageCode, String riskHouseholds, String note,
      String actor) {
    handle(screening.findFlags(runId, SCREENING, villageCode), PeriodicScreening.RISK_HOUSEHOLDS.name(),
        riskHouseholds, note, actor, "集中排查");
  }

  private void handle(List<Flag> flags, String field, String numbers, String note, String actor, String source) {
    Map<Integer, Flag> byNumber = new HashMap<>();
    flags.forEach(f -> byNumber.put(f.listNo(), f));
    Set<Integer> chosen = parseNumbers(field, numbers);
    for (Integer number : chosen) {
      Flag flag = byNumber.get(number);
      if (flag == null) {
        throw new InvalidDecisionException(field, "名单中没有序号 " + number + "（共 " + flags.size() + " 户）");
      }
      if (flag.openCaseId() != null) {
        throw new InvalidDecisionException(field, "序号 " + number + "（" + flag.headName()
            + "）已有案件在办，新的风险请在该案件中登记");
      }
    }
    var user = users.of(actor);
    for (Flag flag : flags) {
      if (!chosen.contains(flag.listNo())) {
        screening.markFlag(flag.id(), "CHECKED", null, truncate(note), actor, EngineClock.now());
        continue;
      }
      String risk = flag.riskType() == null ? RiskType.OTHER.name() : flag.riskType();
      CaseFile caseFile = opening.open(OpenCase.cadreScreening(flag.householdId(), List.of(risk)), user);
      screening.markFlag(flag.id(), "IDENTIFICATION", caseFile.getId(), truncate(source + "：" + flag.reasons()
          + (note == null || note.isBlank() ? "" : "；" + note.trim())), actor, EngineClock.now());
    }
  }

  /** "1, 3，5 7" → {1, 3, 5, 7}; empty when nobody. */
  static Set<Integer> parseNumbers(String field, String text) {
    Set<Integer> numbers = new TreeSet<>();
    if (text == null || text.isBlank()) {
      return numbers;
    }
    for (String part : text.trim().split("[,，、;；\\s]+")) {
      if (!part.matches("\\d{1,6}")) {
        throw new InvalidDecisionException(field, "请只填写名单中的序号，用逗号分开，例如 1,3：“" + part + "”不是序号");
      }
      numbers.add(Integer.parseInt(part));
    }
    return numbers;
  }

  // --- figures

  /** The registry's households under the region prefix, with the 12 months to {@code to} and the 12 before. */
  public List<HouseholdFigures> figures(String regionPrefix, YearMonth to) {
    YearMonth currentFrom = to.minusMonths(11);
    return screening.householdFigures(regionPrefix, currentFrom.minusMonths(12).toString(), currentFrom.toString(),
        to.toString(), LocalDate.of(to.getYear(), 1, 1), to.atEndOfMonth());
  }

  /** The identification's income test over the 12 months of the figures. */
  public static IncomeTest incomeTest(HouseholdFigures h) {
    return IncomeTest.of(h.householdKind(), h.members(), h.currentIncome(), h.currentRigid(), h.currentMonths());
  }

  private static BigDecimal perCapita(HouseholdFigures h) {
    return incomeTest(h).perCapitaIncome();
  }

  /** Growth over the 12 months before, when both years are fully recorded; null otherwise. */
  static Double growth(HouseholdFigures h) {
    if (h.currentMonths() < 12 || h.previousMonths() < 12 || h.previousIncome().signum() <= 0) {
      return null;
    }
    return h.currentIncome().subtract(h.previousIncome()).divide(h.previousIncome(), 4, RoundingMode.HALF_UP)
        .doubleValue();
  }

  private void insert(List<Flag> flags) {
    for (int i = 0; i < flags.size(); i += 1000) {
      screening.insertFlags(flags.subList(i, Math.min(flags.size(), i + 1000)));
    }
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
