package org.bangfu.incomesupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bangfu.household.IncomeItem;
import org.bangfu.household.IncomeKind;
import org.bangfu.household.IncomeRecord;
import org.bangfu.household.Member;
import org.bangfu.policy.PolicyRule;
import org.junit.jupiter.api.Test;

/** Why a priority household's income is low or falling, by kind, and whether its labour is short (001 §26, §29). */
class IncomeAnalysisTest {

  static final YearMonth TO = YearMonth.of(2026, 11);

  @Test
  @PolicyRule({"R31"})
  void wagesThatFellAreNamedWithTheirFigures() {
    List<IncomeRecord> records = new ArrayList<>();
    // the year before: 600 wages, 100 business, 0 property, 50 transfer a month; this year wages fall to 300
    months(records, TO.minusMonths(23), 12, "100", "600", "0", "50");
    months(records, TO.minusMonths(11), 12, "100", "300", "0", "50");
    IncomeAnalysis analysis = IncomeAnalysis.of(members("FULL", "FULL", "NONE"), records, TO);
    assertThat(analysis.perCapita()).isEqualByComparingTo("1800");
    assertThat(analysis.previousPerCapita()).isEqualByComparingTo("3000");
    assertThat(analysis.findings()).containsExactly(
        "近12个月（2025-12 至 2026-11）人均纯收入 1,800 元，上一年度 3,000 元，下降 40%",
        "收入构成（人均）：经营性净收入 400 元，工资性收入 1,200 元，财产性净收入 0 元，转移性净收入 200 元",
        "工资性收入下降 50%（人均 2,400 → 1,200 元）");
    assertThat(analysis.labourShort()).isFalse();
    assertThat(analysis.suggestEmployment()).as("wages falling, labour at home").isTrue();
    assertThat(analysis.suggestIndustry()).as("it earns from its own production").isTrue();
  }

  @Test
  @PolicyRule({"R31", "R34"})
  void aHouseholdWithOnlyWeakLabourGoesToTheSocialSecurityReview() {
    List<IncomeRecord> records = new ArrayList<>();
    months(records, TO.minusMonths(11), 12, "0", "0", "0", "400");
    IncomeAnalysis analysis = IncomeAnalysis.of(members("WEAK", "NONE"), records, TO);
    assertThat(analysis.labourShort()).isTrue();
    assertThat(analysis.findings()).contains("家庭仅有弱劳动力或半劳动力（1 人）：列入重点监测，由民政部门审核是否纳入农村低保或特困人员救助供养",
        "有劳动力（1 人）但没有工资性收入");
    assertThat(analysis.findings().get(0)).endsWith("上一年度收入记录不全（0 个月），无法比较增减");
    // a quarter is not short; under a quarter is
    assertThat(IncomeAnalysis.of(members("FULL", "NONE", "NONE", "NONE"), records, TO).labourShort()).isFalse();
    assertThat(IncomeAnalysis.of(members("FULL", "NONE", "NONE", "NONE", "NONE"), records, TO).findings())
        .contains("劳动力占比不到四分之一（1/5）：列入重点监测，由民政部门审核是否纳入农村低保或特困人员救助供养");
  }

  @Test
  void monthsNotRecordedByKindAreNotAnalysedByKind() {
    List<IncomeRecord> records = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      IncomeRecord r = record(TO.minusMonths(11).plusMonths(i));
      r.setNetIncome(new BigDecimal("500"));
      records.add(r);
    }
    months(records, TO.minusMonths(2), 0, "0", "0", "0", "0");
    IncomeAnalysis analysis = IncomeAnalysis.of(members("FULL"), records, TO);
    assertThat(analysis.findings()).contains("近12个月中只有 0 个月按四类（经营性、工资性、财产性、转移性）登记收入，不能按类别分析原因："
        + "请在回访时按四类登记");
    assertThat(analysis.suggestEmployment()).as("unknown wages are not no wages").isFalse();
    assertThat(analysis.suggestIndustry()).isFalse();
  }

  @Test
  @PolicyRule({"R31"})
  void departmentsPaymentsAreSummedByKindAndMonthsRecordedShortOfThemAreNamed() {
    List<IncomeRecord> records = new ArrayList<>();
    months(records, TO.minusMonths(11), 10, "100", "300", "0", "50");
    // two months recorded as one figure only, one of them below what was paid
    for (int i = 10; i < 12; i++) {
      IncomeRecord r = record(TO.minusMonths(11).plusMonths(i));
      r.setNetIncome(new BigDecimal(i == 10 ? "400" : "900"));
      records.add(r);
    }
    List<IncomeItem> pushed = new ArrayList<>();
    // 民政 paid 450 低保金 a month for the whole year; 人社 a 300 wage in one month; one item a year before (ignored)
    for (int i = 0; i < 12; i++) {
      pushed.add(item("CIVIL", TO.minusMonths(11).plusMonths(i), IncomeKind.TRANSFER, "450"));
    }
    pushed.add(item("HRSS", TO.minusMonths(11), IncomeKind.WAGE, "300"));
    pushed.add(item("HRSS", TO.minusMonths(13), IncomeKind.WAGE, "9999"));
    IncomeAnalysis analysis = IncomeAnalysis.of(members("FULL", "NONE"), records, pushed, TO);
    assertThat(analysis.findings()).contains(
        "部门推送的收入（近12个月，人均）：工资性收入 150 元（人力资源和社会保障局），转移性净收入 2,700 元（民政局）",
        "11 处登记的收入少于部门推送的金额，请回访核实并更正：2025-12 转移性净收入登记 50 元，部门推送 450 元；"
            + "2026-01 转移性净收入登记 50 元，部门推送 450 元；2026-02 转移性净收入登记 50 元，部门推送 450 元；等");
    // wages as recorded (300) are not short of 人社's 300; 2026-10's 400 is short of 450; 2026-11's 900 is not
    String shortLine = analysis.findings().stream().filter(f -> f.contains("处登记的收入少于")).findFirst()
        .orElseThrow();
    assertThat(shortLine).doesNotContain("工资性收入登记");
    assertThat(analysis.findings()).noneMatch(f -> f.contains("没有登记该月收入"));
    // the same items without the village's records of the last three months: those months are named to fill in
    IncomeAnalysis gaps = IncomeAnalysis.of(members("FULL", "NONE"), records.subList(0, 9), pushed, TO);
    assertThat(gaps.findings()).contains("3 个月部门推送了收入但村里没有登记该月收入（2026-09、2026-10、2026-11）：请回访时补登");
    // no items, no findings of them
    assertThat(IncomeAnalysis.of(members("FULL", "NONE"), records, List.of(), TO).findings())
        .noneMatch(f -> f.contains("部门推送"));
  }

  private static IncomeItem item(String department, YearMonth month, IncomeKind kind, String amount) {
    return new IncomeItem(null, department, "629901", department + month, 1L, 2, 1L, month.toString(), kind, null,
        new BigDecimal(amount));
  }

  static void months(List<IncomeRecord> records, YearMonth from, int count, String business, String wage,
      String property, String transfer) {
    for (int i = 0; i < count; i++) {
      IncomeRecord r = record(from.plusMonths(i));
      r.setBusinessIncome(new BigDecimal(business));
      r.setWageIncome(new BigDecimal(wage));
      r.setPropertyIncome(new BigDecimal(property));
      r.setTransferIncome(new BigDecimal(transfer));
      r.setNetIncome(r.getBusinessIncome().add(r.getWageIncome()).add(r.getPropertyIncome())
          .add(r.getTransferIncome()));
      records.add(r);
    }
  }

  private static IncomeRecord record(YearMonth month) {
    IncomeRecord r = new IncomeRecord();
    r.setPeriod(month.toString());
    r.setRigidSpending(BigDecimal.ZERO);
    return r;
  }

  static List<Member> members(String... labour) {
    List<Member> members = new ArrayList<>();
    for (String l : labour) {
      Member m = new Member();
      m.setLabourCapacity(l);
      members.add(m);
    }
    return members;
  }
}
