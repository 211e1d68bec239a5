package org.bangfu.incomesupport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bangfu.household.IncomeItem;
import org.bangfu.household.IncomeKind;
import org.bangfu.household.IncomeRecord;
import org.bangfu.household.Member;

/**
 * Why a 增收重点帮扶对象's income is low or falling (seed 001 §26: "从经营性、工资性、财产性、转移性收入变化情况等方面，
 * 分析收入低或收入下降的原因"), from what is recorded: the survey year's 12 months against the 12 before, in total
 * and by kind where the months were recorded by kind; and whether the household's labour is short (§29: 无劳动力、
 * 仅有弱劳动力或劳动力占比不到四分之一). Months not recorded are unknown, never zero: a year with a gap is not compared,
 * and a year not recorded by kind is not analysed by kind — the findings say so. The findings are facts for the
 * village's plan, not decisions: the cadre chooses the paths.
 *
 * @param perCapita the survey year's net income per head (all 12 months recorded)
 * @param previousPerCapita the year before's, or null when it has a gap
 * @param findings one per line, in the cadres' words
 * @param labourShort §29 applies: the household goes to 重点监测 and 民政's review (低保、特困)
 * @param suggestIndustry it earns from its own production (经营性收入): an industry path with an instructor (§27)
 * @param suggestEmployment it has labour and its wages are none or falling: an employment path (§28)
 */
public record IncomeAnalysis(BigDecimal perCapita, BigDecimal previousPerCapita, List<String> findings,
    boolean labourShort, boolean suggestIndustry, boolean suggestEmployment) {

  /** The four kinds, in the statistics' order (the index of {@code kinds} below). */
  private static final IncomeKind[] KINDS = IncomeKind.values();
  /** A kind's change worth naming: at least a tenth, and at least 100 元 a head. */
  private static final BigDecimal NOTABLE_SHARE = new BigDecimal("0.10");
  private static final BigDecimal NOTABLE_AMOUNT = new BigDecimal("100");

  /**
   * Analyses a household: its members, and its income records of the 24 months up to {@code to} (others are
   * ignored).
   */
  public static IncomeAnalysis of(List<Member> members, List<IncomeRecord> records, YearMonth to) {
    return of(members, records, List.of(), to);
  }

  /**
   * The same, with what departments pushed of the household's incomes (部门收入数据): what they paid in the 12 months
   * by kind, and the months where the village recorded less of a kind than they paid — to be checked on a visit.
   */
  public static IncomeAnalysis of(List<Member> members, List<IncomeRecord> records, List<IncomeItem> pushed,
      YearMonth to) {
    int people = Math.max(1, members.size());
    List<IncomeRecord> year = between(records, to.minusMonths(11), to);
    List<IncomeRecord> before = between(records, to.minusMonths(23), to.minusMonths(12));
    BigDecimal perCapita = perHead(sum(year, IncomeRecord::getNetIncome), people);
    BigDecimal previous = before.size() == 12 ? perHead(sum(before, IncomeRecord::getNetIncome), people) : null;
    List<String> findings = new ArrayList<>();
    String total = "近12个月（" + to.minusMonths(11) + " 至 " + to + "）人均纯收入 " + money(perCapita) + " 元";
    if (year.size() < 12) {
      total += "（只有 " + year.size() + " 个月有记录，缺少的月份未计入）";
    }
    if (previous == null) {
      findings.add(total + "；上一年度收入记录不全（" + before.size() + " 个月），无法比较增减");
    } else {
      findings.add(total + "，上一年度 " + money(previous) + " 元，" + change(perCapita, previous));
    }
    long byKind = year.stream().filter(IncomeRecord::hasKinds).count();
    BigDecimal[] kinds = null;
    if (byKind == 12 && year.size() == 12) {
      kinds = new BigDecimal[KINDS.length];
      StringBuilder line = new StringBuilder("收入构成（人均）：");
      for (int k = 0; k < KINDS.length; k++) {
        kinds[k] = perHead(sum(year, KINDS[k]::of), people);
        line.append(k == 0 ? "" : "，").append(KINDS[k].label()).append(' ').append(money(kinds[k])).append(" 元");
      }
      findings.add(line.toString());
      if (before.size() == 12 && before.stream().allMatch(IncomeRecord::hasKinds)) {
        for (int k = 0; k < KINDS.length; k++) {
          BigDecimal then = perHead(sum(before, KINDS[k]::of), people);
          BigDecimal difference = kinds[k].subtract(then);
          if (difference.abs().compareTo(NOTABLE_AMOUNT) >= 0 && then.signum() != 0
              && difference.abs().divide(then.abs(), 4, RoundingMode.HALF_UP).compareTo(NOTABLE_SHARE) >= 0) {
            findings.add(KINDS[k].label() + (difference.signum() < 0 ? "下降 " : "增加 ")
                + percent(difference.abs(), then.abs()) + "%（人均 " + money(then) + " → " + money(kinds[k]) + " 元）");
          }
        }
      } else {
        findings.add("上一年度未按四类登记收入，不能按类别比较增减");
      }
    } else {
      findings.add("近12个月中只有 " + byKind + " 个月按四类（经营性、工资性、财产性、转移性）登记收入，不能按类别分析原因："
          + "请在回访时按四类登记");
    }
    findings.addAll(pushedFindings(year, pushed, to, people));
    long full = members.stream().filter(m -> "FULL".equals(m.getLabourCapacity())).count();
    long weak = members.stream().filter(m -> "WEAK".equals(m.getLabourCapacity())
        || "HALF".equals(m.getLabourCapacity())).count();
    String labour = null;
    if (full == 0 && weak == 0) {
      labour = "家庭无劳动力";
    } else if (full == 0) {
      labour = "家庭仅有弱劳动力或半劳动力（" + weak + " 人）";
    } else if (full * 4 < members.size()) {
      labour = "劳动力占比不到四分之一（" + full + "/" + members.size() + "）";
    }
    if (labour != null) {
      findings.add(labour + "：列入重点监测，由民政部门审核是否纳入农村低保或特困人员救助供养");
    }
    boolean noWages = kinds != null && kinds[IncomeKind.WAGE.ordinal()].signum() == 0;
    if (full + weak > 0 && noWages) {
      findings.add("有劳动力（" + (full + weak) + " 人）但没有工资性收入");
    }
    boolean wagesFalling = kinds != null && before.size() == 12 && before.stream().allMatch(IncomeRecord::hasKinds)
        && kinds[IncomeKind.WAGE.ordinal()].compareTo(perHead(sum(before, IncomeKind.WAGE::of), people)) < 0;
    boolean industry = kinds != null && kinds[IncomeKind.BUSINESS.ordinal()].signum() != 0;
    boolean employment = full + weak > 0 && (noWages || wagesFalling);
    return new IncomeAnalysis(perCapita, previous, List.copyOf(findings), labour != null, industry, employment);
  }

  /** How many months whose record falls short of the departments' items are named (the others are counted). */
  private static final int SHORT_MONTHS_NAMED = 3;

  /**
   * The departments' items of the 12 months: their sum per kind and who paid it, the months recorded by kind with
   * less of a kind than the departments paid, and the months with items but no record.
   */
  private static List<String> pushedFindings(List<IncomeRecord> year, List<IncomeItem> pushed, YearMonth to,
      int people) {
    YearMonth from = to.minusMonths(11);
    List<IncomeItem> items = pushed.stream().filter(i -> {
      YearMonth month = YearMonth.parse(i.period());
      return !month.isBefore(from) && !month.isAfter(to);
    }).toList();
    if (items.isEmpty()) {
      return List.of();
    }
    List<String> findings = new ArrayList<>();
    java.util.Map<IncomeKind, BigDecimal> byKind = new java.util.EnumMap<>(IncomeKind.class);
    java.util.Map<IncomeKind, java.util.Set<String>> payers = new java.util.EnumMap<>(IncomeKind.class);
    // month → kind → the departments' sum
    java.util.Map<String, java.util.Map<IncomeKind, BigDecimal>> monthly = new java.util.TreeMap<>();
    for (IncomeItem item : items) {
      byKind.merge(item.kind(), item.amount(), BigDecimal::add);
      payers.computeIfAbsent(item.kind(), k -> new java.util.TreeSet<>()).add(departmentLabel(item.department()));
      monthly.computeIfAbsent(item.period(), p -> new java.util.EnumMap<>(IncomeKind.class))
          .merge(item.kind(), item.amount(), BigDecimal::add);
    }
    StringBuilder line = new StringBuilder("部门推送的收入（近12个月，人均）：");
    boolean first = true;
    for (var kind : byKind.entrySet()) {
      line.append(first ? "" : "，").append(kind.getKey().label()).append(' ')
          .append(money(perHead(kind.getValue(), people))).append(" 元（")
          .append(String.join("、", payers.get(kind.getKey()))).append('）');
      first = false;
    }
    findings.add(line.toString());
    java.util.Map<String, IncomeRecord> recorded = new java.util.HashMap<>();
    year.forEach(r -> recorded.put(r.getPeriod(), r));
    List<String> short_ = new ArrayList<>();
    List<String> unrecorded = new ArrayList<>();
    for (var month : monthly.entrySet()) {
      IncomeRecord record = recorded.get(month.getKey());
      if (record == null) {
        unrecorded.add(month.getKey());
        continue;
      }
      for (var kind : month.getValue().entrySet()) {
        BigDecimal mine = record.hasKinds() ? kind.getKey().of(record) : null;
        if (mine != null && mine.compareTo(kind.getValue()) < 0) {
          short_.add(month.getKey() + " " + kind.getKey().label() + "登记 " + money(mine) + " 元，部门推送 "
              + money(kind.getValue()) + " 元");
        }
      }
      if (!record.hasKinds() && record.getNetIncome().compareTo(sum(month.getValue())) < 0) {
        short_.add(month.getKey() + " 纯收入登记 " + money(record.getNetIncome()) + " 元，少于部门推送的 "
            + money(sum(month.getValue())) + " 元");
      }
    }
    if (!short_.isEmpty()) {
      findings.add(short_.size() + " 处登记的收入少于部门推送的金额，请回访核实并更正："
          + String.join("；", short_.subList(0, Math.min(SHORT_MONTHS_NAMED, short_.size())))
          + (short_.size() > SHORT_MONTHS_NAMED ? "；等" : ""));
    }
    if (!unrecorded.isEmpty()) {
      findings.add(unrecorded.size() + " 个月部门推送了收入但村里没有登记该月收入（" + String.join("、",
          unrecorded.subList(0, Math.min(SHORT_MONTHS_NAMED, unrecorded.size())))
          + (unrecorded.size() > SHORT_MONTHS_NAMED ? "等" : "") + "）：请回访时补登");
    }
    return findings;
  }

  private static BigDecimal sum(java.util.Map<IncomeKind, BigDecimal> amounts) {
    return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String departmentLabel(String code) {
    try {
      return org.bangfu.catalogue.Department.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  /** The findings as the ledger and the forms show them: one per line. */
  public String text() {
    return String.join("\n", findings);
  }

  private static List<IncomeRecord> between(List<IncomeRecord> records, YearMonth from, YearMonth to) {
    return records.stream().filter(r -> {
      YearMonth month = YearMonth.parse(r.getPeriod());
      return !month.isBefore(from) && !month.isAfter(to);
    }).toList();
  }

  private static BigDecimal sum(List<IncomeRecord> records, Function<IncomeRecord, BigDecimal> amount) {
    return records.stream().map(amount).map(a -> a == null ? BigDecimal.ZERO : a).reduce(BigDecimal.ZERO,
        BigDecimal::add);
  }

  private static BigDecimal perHead(BigDecimal total, int people) {
    return total.divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP);
  }

  private static String change(BigDecimal now, BigDecimal then) {
    int sign = now.compareTo(then);
    if (sign == 0 || then.signum() == 0) {
      return sign == 0 ? "持平" : sign < 0 ? "下降" : "增加";
    }
    return (sign < 0 ? "下降 " : "增加 ") + percent(now.subtract(then).abs(), then.abs()) + "%";
  }

  private static String percent(BigDecimal part, BigDecimal whole) {
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).toPlainString();
  }

  static String money(BigDecimal amount) {
    return String.format(java.util.Locale.ROOT, "%,.0f", amount);
  }
}
