package org.bangfu.incomesupport;

import static org.bangfu.shared.Markdown.escape;

import java.util.ArrayList;
import java.util.List;
import org.bangfu.casefile.Decisions;
import org.bangfu.household.IdNumber;
import org.bangfu.household.LabourCapacity;
import org.bangfu.household.Member;
import org.bangfu.household.Relation;
import org.bangfu.household.HouseholdService;
import org.bangfu.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * What a task of IncomeSupportProcess says about its household, read from the ledger and the registry when the task
 * is shown (never process variables): the card's title and key fact, and the summary its form opens with — the
 * analysis, the members, and what the plan and the departments recorded so far.
 */
@Component
public class IncomeSupportBriefs {

  /** A task's words: the card's title and fact, the form's summary (Markdown). */
  public record Brief(String title, String fact, String summary) {
  }

  private final IncomeSupportMapper ledger;
  private final HouseholdService households;
  private final RegionService regions;

  IncomeSupportBriefs(IncomeSupportMapper ledger, HouseholdService households, RegionService regions) {
    this.ledger = ledger;
    this.households = households;
    this.regions = regions;
  }

  /** The card's words; null for a row that does not exist. */
  public Brief card(long id) {
    LedgerRow row = ledger.find(id);
    return row == null ? null : new Brief(title(row), fact(row), null);
  }

  /** The card's words and the form's summary; null for a row that does not exist. */
  public Brief of(long id) {
    LedgerRow row = ledger.find(id);
    if (row == null) {
      return null;
    }
    StringBuilder md = new StringBuilder();
    md.append("#### 增收重点帮扶对象：").append(escape(row.headName())).append(" · ")
        .append(escape(regions.place(row.villageCode()))).append(" · ").append(row.surveyYear()).append("年收入调查\n\n");
    md.append("- **收入分析**：\n");
    row.analysis().lines().forEach(line -> md.append("  - ").append(escape(line)).append('\n'));
    List<Member> members = households.members(row.householdId());
    List<String> people = new ArrayList<>();
    for (Member m : members) {
      people.add(escape(m.getName()) + "（" + Relation.labelOf(m.getRelation()) + "，"
          + escape(IdNumber.mask(m.getIdNumber())) + "，" + LabourCapacity.labelOf(m.getLabourCapacity()) + "）");
    }
    md.append("- **家庭成员**（").append(members.size()).append(" 人）：").append(String.join("；", people))
        .append('\n');
    if (row.plan() != null) {
      md.append("- **原因**：").append(escape(oneLine(row.causes()))).append('\n');
      md.append("- **增收帮扶计划**：").append(escape(oneLine(row.plan()))).append('\n');
      md.append("- **结对帮扶干部**：").append(escape(row.pairedCadre())).append('\n');
      md.append("- **帮扶路径**：").append(paths(row)).append('\n');
    }
    if (row.instructor() != null) {
      md.append("- **技术指导员**：").append(escape(row.instructor())).append("；").append(escape(oneLine(
          row.industryMeasures()))).append('\n');
    }
    if (row.employmentOutcome() != null) {
      md.append("- **就业帮扶**：").append(Decisions.label(row.employmentOutcome())).append("；")
          .append(escape(oneLine(row.employmentNote()))).append('\n');
    }
    if (row.socialOutcome() != null) {
      md.append("- **兜底保障审核**：").append(Decisions.label(row.socialOutcome())).append("；")
          .append(escape(oneLine(row.socialNote()))).append('\n');
    }
    return new Brief(title(row), fact(row), md.toString());
  }

  private String title(LedgerRow row) {
    return row.headName() + " · " + regions.place(row.villageCode()) + " · 增收帮扶 " + row.surveyYear();
  }

  private static String fact(LedgerRow row) {
    String fact = "增收重点帮扶对象 · 人均纯收入 " + IncomeAnalysis.money(row.perCapitaIncome()) + " 元/年";
    if (row.previousIncome() != null) {
      fact += "（上年 " + IncomeAnalysis.money(row.previousIncome()) + " 元）";
    }
    if (row.labourShort()) {
      fact += " · 劳动力不足";
    }
    return fact;
  }

  static String paths(LedgerRow row) {
    List<String> paths = new ArrayList<>();
    if (Boolean.TRUE.equals(row.supportIndustry())) {
      paths.add("产业帮扶");
    }
    if (Boolean.TRUE.equals(row.supportEmployment())) {
      paths.add("就业帮扶");
    }
    if (Boolean.TRUE.equals(row.supportSocial())) {
      paths.add("兜底保障审核");
    }
    return paths.isEmpty() ? "无需县有关部门帮扶" : String.join("、", paths);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }
}
