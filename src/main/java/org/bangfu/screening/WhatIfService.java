package org.bangfu.screening;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bangfu.household.MonitoringThreshold;
import org.bangfu.identification.Eligibility;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.identification.TriggerFacts;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionCode;
import org.bangfu.region.RegionService;
import org.bangfu.replica.ReadSide;
import org.bangfu.screening.ScreeningMapper.HouseholdFigures;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * What-if for process owners: the monitoring range (MonitoringEligibility.dmn) as it is and as it would be with a
 * changed threshold or a new version of the DMN, evaluated over the whole registry's income test values without
 * starting or writing anything; per township, how many households would enter or leave the range.
 */
@Service
public class WhatIfService {

  private static final int MAX_DMN_CHARS = 1_000_000;

  /** A changed line: this province's threshold in this year. */
  public record ThresholdChange(String provinceCode, Integer year, BigDecimal threshold) {
  }

  /**
   * @param region a county, township or village code, or empty for the whole registry
   * @param date the day the income test is made for (the 12 months before its month); today when absent
   * @param thresholds changed lines, or
   * @param dmnXml a new version of MonitoringEligibility.dmn
   */
  public record Request(String region, LocalDate date, List<ThresholdChange> thresholds, String dmnXml) {
  }

  /** @param incomplete households with months of the 12 unrecorded: not judged (unknown is not zero) */
  public record TownshipCounts(String code, String name, int households, int inRangeNow, int inRangeAfter,
      int entering, int leaving, int monitoredNow, int incomplete) {
  }

  public record Result(LocalDate date, String incomeFrom, String incomeTo, String change, int households,
      int inRangeNow, int inRangeAfter, int entering, int leaving, int incomplete, List<TownshipCounts> townships,
      String dataNote) {
  }

  /** The registry's figures and where they were read (null: the one database). */
  private record Figures(List<HouseholdFigures> households, String note) {
  }

  private final PeriodicScreeningService periodic;
  private final RuleTables tables;
  private final RegionService regions;

  private final ReadSide reads;

  public WhatIfService(PeriodicScreeningService periodic, RuleTables tables, RegionService regions,
      ReadSide reads) {
    this.reads = reads;
    this.periodic = periodic;
    this.tables = tables;
    this.regions = regions;
  }

  public Result monitoringRange(Request request, BangfuUser user) {
    if (!user.isAdmin() && !user.inGroup(CandidateGroups.PROCESS_OWNERS)) {
      throw new ForbiddenException("只有流程管理员可以做规则测算");
    }
    String region = request.region() == null ? "" : request.region().trim();
    if (!region.isEmpty() && !region.matches("\\d{6}|\\d{9}|\\d{12}")) {
      throw InvalidInputException.of("region", "区划代码应为6位（县）、9位（乡镇）或12位（村）数字，或不填（全部）");
    }
    LocalDate date = request.date() == null ? EngineClock.today() : request.date();
    if (date.isAfter(EngineClock.today().plusYears(1)) || date.isBefore(LocalDate.of(2020, 1, 1))) {
      throw InvalidInputException.of("date", "测算日期应在2020年以后、明年以前");
    }
    RuleTables.Table current = tables.latest(RiskIdentification.DECISION_ELIGIBILITY);
    RuleTables.Table deployedLines = tables.latest(MonitoringThreshold.DECISION);
    Lines currentLines = new Lines(deployedLines, "date", List.of());
    String change;
    RuleTables.Table candidate;
    Lines candidateLines;
    boolean hasThresholds = request.thresholds() != null && !request.thresholds().isEmpty();
    boolean hasDmn = request.dmnXml() != null && !request.dmnXml().isBlank();
    if (hasThresholds == hasDmn) {
      throw InvalidInputException.of("thresholds", "请给出调整后的监测收入线，或上传新版本的监测范围规则（DMN），二者选一");
    }
    if (hasThresholds) {
      validate(request.thresholds());
      // the same table, measured against the changed lines
      candidate = current;
      candidateLines = new Lines(deployedLines, "thresholds", request.thresholds());
      change = "监测收入线调整：" + String.join("；", request.thresholds().stream()
          .map(t -> t.provinceCode() + " 省 " + t.year() + " 年 " + t.threshold().stripTrailingZeros().toPlainString()
              + " 元").toList());
    } else {
      if (request.dmnXml().length() > MAX_DMN_CHARS) {
        throw InvalidInputException.of("dmnXml", "DMN 文件太大（超过1MB）");
      }
      byte[] xml = request.dmnXml().getBytes(StandardCharsets.UTF_8);
      candidate = parseDraft(RiskIdentification.DECISION_ELIGIBILITY, xml);
      candidateLines = new Lines(parseDraft(MonitoringThreshold.DECISION, xml), "dmnXml", List.of());
      change = "新版本的监测范围规则（DMN）";
    }

    YearMonth to = YearMonth.from(date).minusMonths(1);
    Map<String, int[]> byTownship = new TreeMap<>();
    // the registry's figures, the heavy part, from the read replica when one is configured and usable
    Figures figures = reads.read(source -> new Figures(periodic.figures(region, to), source.note()));
    for (HouseholdFigures h : figures.households()) {
      int[] counts = byTownship.computeIfAbsent(h.villageCode().substring(0, 9), k -> new int[7]);
      counts[0]++;
      counts[5] += h.openCaseId() != null ? 1 : 0;
      if (!PeriodicScreeningService.incomeTest(h).complete()) {
        // months without a record are unknown, not zero: the household is counted apart, not judged
        counts[6]++;
        continue;
      }
      RegionCode village = new RegionCode(h.villageCode());
      boolean now = eligible(current, variables(h, date.getYear(), currentLines.of(village, date.getYear())));
      boolean after;
      try {
        after = eligible(candidate, variables(h, date.getYear(), candidateLines.of(village, date.getYear())));
      } catch (InvalidInputException e) {
        throw e;
      } catch (RuntimeException e) {
        throw InvalidInputException.of(hasDmn ? "dmnXml" : "thresholds", "新规则无法计算：" + e.getMessage());
      }
      counts[1] += now ? 1 : 0;
      counts[2] += after ? 1 : 0;
      counts[3] += !now && after ? 1 : 0;
      counts[4] += now && !after ? 1 : 0;
    }
    List<TownshipCounts> townships = new ArrayList<>();
    int[] total = new int[7];
    byTownship.forEach((code, c) -> {
      townships.add(new TownshipCounts(code, regions.name(code), c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
      for (int i = 0; i < 7; i++) {
        total[i] += c[i];
      }
    });
    return new Result(date, to.minusMonths(11).toString(), to.toString(), change, total[0], total[1], total[2],
        total[3], total[4], total[6], townships, figures.note());
  }

  /** The income test of identification for the household against the line, other risks unknown (false). */
  static Map<String, Object> variables(HouseholdFigures h, int year, MonitoringThreshold.Line line) {
    return Eligibility.inputs(new RegionCode(h.villageCode()), year, line,
        PeriodicScreeningService.incomeTest(h), TriggerFacts.NONE);
  }

  /**
   * The lines of one version of the threshold table, each looked up once per city and year; a changed line (the
   * what-if's own change, for a province and year) replaces the table's, with last year's rural income as the table
   * has it. A year without a line stops the what-if with the same words as the income test (never another year's
   * line, never "not in range"), reported on the field that chose it: the date for the deployed table, the draft.
   */
  private static final class Lines {
    private final RuleTables.Table table;
    private final String field;
    private final List<ThresholdChange> changes;
    private final Map<String, MonitoringThreshold.Line> byCityAndYear = new java.util.HashMap<>();

    Lines(RuleTables.Table table, String field, List<ThresholdChange> changes) {
      this.table = table;
      this.field = field;
      this.changes = changes;
    }

    MonitoringThreshold.Line of(RegionCode village, int year) {
      return byCityAndYear.computeIfAbsent(village.city() + "/" + year, key -> {
        var row = table.evaluate(MonitoringThreshold.inputs(village, year)).getFirstResult();
        for (ThresholdChange change : changes) {
          if (change.provinceCode().equals(village.province()) && change.year() == year) {
            Object rural = row == null ? null : row.get("ruralIncomeLastYear");
            return new MonitoringThreshold.Line(change.threshold(),
                rural instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : null, "测算用的调整值");
          }
        }
        try {
          return MonitoringThreshold.lineOf(row, village, year);
        } catch (org.bangfu.shared.MissingSettingException e) {
          throw InvalidInputException.of(field, e.getMessage());
        }
      });
    }
  }

  private RuleTables.Table parseDraft(String decision, byte[] xml) {
    try {
      return tables.parse(decision, xml);
    } catch (org.bangfu.engine.ModelCodeGuard.ModelRefusedException e) {
      throw InvalidInputException.of("dmnXml", e.getMessage());
    } catch (RuntimeException e) {
      throw InvalidInputException.of("dmnXml", "DMN 文件无法解析，或其中没有决策 " + decision + "：" + e.getMessage());
    }
  }

  private static boolean eligible(RuleTables.Table table, Map<String, Object> variables) {
    var result = table.evaluate(variables).getFirstResult();
    return result != null && Boolean.TRUE.equals(result.get("eligible"));
  }

  private static void validate(List<ThresholdChange> changes) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      ThresholdChange c = changes.get(i);
      String at = "thresholds[" + i + "].";
      if (c == null) {
        errors.add(new FieldError("thresholds[" + i + "]", "第 " + (i + 1) + " 条调整是空的：请填写省份代码、年度和监测收入线"));
        continue;
      }
      if (c.provinceCode() == null || !c.provinceCode().matches("\\d{2}")) {
        errors.add(new FieldError(at + "provinceCode", "省份代码应为区划代码的前2位数字"));
      }
      if (c.year() == null || c.year() < 2020 || c.year() > 2100) {
        errors.add(new FieldError(at + "year", "年度应在2020到2100之间"));
      }
      if (c.threshold() == null || c.threshold().signum() <= 0 || c.threshold().compareTo(new BigDecimal("100000")) > 0) {
        errors.add(new FieldError(at + "threshold", "监测收入线应在0到10万元之间"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
