package org.bangfu.casepage;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.AuditEntry;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casefile.Decisions;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.Channel;
import org.bangfu.catalogue.Department;
import org.bangfu.catalogue.HouseholdType;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.catalogue.RiskType;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IdNumber;
import org.bangfu.household.IncomeTest;
import org.bangfu.household.LabourCapacity;
import org.bangfu.household.Member;
import org.bangfu.household.Relation;
import org.bangfu.measure.Measure;
import org.bangfu.measure.MeasureService;
import org.bangfu.region.RegionService;
import org.bangfu.security.PersonNames;
import org.springframework.stereotype.Component;

/**
 * What a task says about its case, so that nobody works on an unnamed household: a title (户主 · 乡镇村 · 案件编号),
 * the step's key fact (the measure to deliver, or the risks and the income test) and a summary every form opens with
 * (household, members with masked ID numbers, income test, risk types, measures, and what the earlier steps found and
 * decided, with names). Read from the case file and the registry when the task is created.
 */
@Component
public class CaseBriefs {

  /** A summary longer than this is cut, with a pointer to the case page (a form is no place for the whole file). */
  static final int SUMMARY_LIMIT = 4000;
  /** The latest entries of the case's audit the summary lists. */
  static final int AUDIT_ENTRIES = 12;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final RegionService regions;
  private final MeasureService measures;
  private final PersonNames names;

  public CaseBriefs(CaseFileService caseFiles, HouseholdService households, RegionService regions,
      MeasureService measures, PersonNames names) {
    this.caseFiles = caseFiles;
    this.households = households;
    this.regions = regions;
    this.measures = measures;
    this.names = names;
  }

  /** A task's words about its case; {@code measureId} names the measure a delivery task is about, else null. */
  public record Brief(String title, String fact, String summary) {
  }

  /** The task card's words: title and key fact (no summary). */
  public Brief card(Long caseId, Long measureId) {
    CaseFile c = caseFiles.find(caseId);
    Household household = households.find(c.getHouseholdId());
    Measure measure = measureId == null ? null : measures.forCase(caseId).stream()
        .filter(m -> measureId.equals(m.getId())).findFirst().orElse(null);
    return new Brief(title(c, household), measure != null ? measureFact(measure) : caseFact(c), null);
  }

  /**
   * The task's words with the summary its form opens with, which also lists what the earlier steps of the stage
   * wrote in their own words (入户核实情况, 评议意见…, by the forms' labels), so that a reviewer reads the village's
   * findings on a first review.
   */
  public Brief of(Long caseId, Long measureId, Map<String, String> findings) {
    CaseFile c = caseFiles.find(caseId);
    Household household = households.find(c.getHouseholdId());
    String place = place(c.getVillageCode());
    List<Measure> caseMeasures = measures.forCase(caseId);
    Measure measure = measureId == null ? null
        : caseMeasures.stream().filter(m -> measureId.equals(m.getId())).findFirst().orElse(null);
    String fact = measure != null ? measureFact(measure) : caseFact(c);
    return new Brief(title(c, household), fact, summary(c, household, place, caseMeasures, measure, findings));
  }

  private String title(CaseFile c, Household household) {
    return household.getHeadName() + " · " + place(c.getVillageCode()) + " · " + c.getBusinessKey();
  }

  public String headName(CaseFile c) {
    return households.find(c.getHouseholdId()).getHeadName();
  }

  /** 乡镇 and 村 by name ("和平镇东风村"); a code that is not registered as it is. */
  public String place(String villageCode) {
    return regions.place(villageCode);
  }

  private static String measureFact(Measure m) {
    return "落实" + MeasureCode.valueOf(m.getMeasureCode()).label() + "（" + department(m.getDepartment()) + "）"
        + (m.getDueDate() == null ? "" : "，期限 " + m.getDueDate());
  }

  private String caseFact(CaseFile c) {
    String fact = RiskType.labels(c.getRiskTypes());
    if (c.getPerCapitaIncome() == null) {
      IncomeTest test = households.incomeTest(c.getHouseholdId(), c.getSignalDate());
      if (test.monthsRecorded() > 0 && !test.complete()) {
        fact += " · 近12个月收入记录不全（" + test.monthsRecorded() + " 个月）";
      } else if (test.monthsRecorded() > 0) {
        fact += " · 人均纯收入 " + money(test.perCapitaIncome()) + " 元/年";
      }
    } else {
      fact += " · 人均纯收入 " + money(c.getPerCapitaIncome()) + " 元/年";
      if (c.getIncomeThreshold() != null) {
        fact += "（监测线 " + money(c.getIncomeThreshold()) + "）";
      }
    }
    return fact;
  }

  private String summary(CaseFile c, Household household, String place, List<Measure> caseMeasures,
      Measure measure, Map<String, String> findings) {
    StringBuilder md = new StringBuilder();
    md.append("#### 案件概况：").append(md(household.getHeadName())).append(" · ").append(md(place)).append(" · ")
        .append(c.getBusinessKey()).append("\n\n");
    if (measure != null) {
      md.append("- **本任务**：").append(measureFact(measure)).append('\n');
    }
    md.append("- **状态**：").append(CaseStatus.valueOf(c.getStatus()).label()).append("；发现渠道：")
        .append(Channel.valueOf(c.getChannel()).label()).append("；发现日期：").append(c.getSignalDate())
        .append(c.isGreenChannel() ? "；**绿色通道**" : "").append('\n');
    md.append("- **风险类型**：").append(RiskType.labels(c.getRiskTypes()));
    if (c.getHouseholdType() != null) {
      md.append("；监测对象类型：").append(HouseholdType.labelOf(c.getHouseholdType()));
    }
    md.append('\n');
    if (c.getPerCapitaIncome() == null) {
      IncomeTest test = households.incomeTest(c.getHouseholdId(), c.getSignalDate());
      md.append("- **收入（登记的近12个月）**：").append(test.monthsRecorded() == 0 ? "尚无收入记录"
          : !test.complete() ? "只有 " + test.monthsRecorded() + " 个月有记录，缺少的月份不按0计算，尚不能折算全年"
          : "人均纯收入 " + money(test.perCapitaIncome()) + " 元/年（12 个月有记录）")
          .append('\n');
    } else {
      md.append("- **收入测算**：人均纯收入 ").append(money(c.getPerCapitaIncome())).append(" 元/年");
      if (c.getAdjustedIncome() != null) {
        md.append("，扣除合规自付支出后 ").append(money(c.getAdjustedIncome())).append(" 元/年");
      }
      if (c.getIncomeThreshold() != null) {
        md.append("，监测收入线 ").append(money(c.getIncomeThreshold())).append(" 元/年");
      }
      md.append('\n');
    }
    List<Member> members = households.members(household.getId());
    md.append("- **家庭成员**（").append(members.size()).append(" 人").append(household.isRelocated() ? "，易地扶贫搬迁户" : "")
        .append("）：");
    List<String> people = new ArrayList<>();
    for (Member m : members) {
      // a masked number's asterisks would be read as emphasis: the text of the registry is escaped
      people.add(md(m.getName()) + "（" + relation(m.getRelation()) + "，" + md(IdNumber.mask(m.getIdNumber()))
          + "，" + labour(m.getLabourCapacity()) + "）");
    }
    md.append(String.join("；", people)).append('\n');
    if (!caseMeasures.isEmpty()) {
      md.append("- **帮扶措施**：");
      md.append(String.join("；", caseMeasures.stream().map(m -> MeasureCode.valueOf(m.getMeasureCode()).label()
          + "（" + department(m.getDepartment()) + "，" + measureStatus(m.getStatus()) + "）").toList()));
      md.append('\n');
    }
    findings.forEach((label, text) -> md.append("- **").append(label).append("**：").append(oneLine(text, 300))
        .append('\n'));
    List<AuditEntry> audit = caseFiles.auditTrail(c.getId());
    List<AuditEntry> latest = audit.subList(Math.max(0, audit.size() - AUDIT_ENTRIES), audit.size());
    Map<String, String> actors = names.of(latest.stream().map(AuditEntry::actor).toList());
    md.append("\n**办理经过**").append(audit.size() > latest.size() ? "（最近 " + latest.size() + " 条，全部见案件页）" : "")
        .append("：\n\n");
    for (AuditEntry e : latest) {
      md.append("1. ").append(e.createdAt() == null ? "" : e.createdAt().format(MINUTE)).append(" ")
          .append(md(e.stepName())).append("：").append(Decisions.label(e.decision())).append("（")
          .append(md(actors.getOrDefault(e.actor(), e.actor()))).append("）");
      if (e.reason() != null && !e.reason().isBlank()) {
        md.append(" — ").append(oneLine(e.reason(), 120));
      }
      md.append('\n');
    }
    String text = md.toString();
    return text.length() <= SUMMARY_LIMIT ? text
        : text.substring(0, SUMMARY_LIMIT) + "…\n\n（内容较多，全部见案件页）";
  }

  /** Free text on one line, cut at {@code max} characters, escaped for Markdown. */
  private static String oneLine(String text, int max) {
    String line = text.replaceAll("\\s+", " ").trim();
    return md(line.length() <= max ? line : line.substring(0, max) + "…");
  }

  /** Text shown as itself in the form's Markdown: 629901********1234 stays a number, not emphasis. */
  static String md(String text) {
    return org.bangfu.shared.Markdown.escape(text);
  }

  private static String measureStatus(String status) {
    return switch (status) {
      case MeasureService.OPEN -> "落实中";
      case MeasureService.DELIVERED -> "已落实";
      case MeasureService.NOT_DELIVERED -> "无法落实";
      case MeasureService.CANCELLED -> "已停止";
      default -> status;
    };
  }

  static String department(String code) {
    try {
      return Department.valueOf(code).label();
    } catch (IllegalArgumentException | NullPointerException e) {
      return String.valueOf(code);
    }
  }

  private static String relation(String code) {
    return Relation.labelOf(code);
  }

  private static String labour(String code) {
    return LabourCapacity.labelOf(code);
  }

  static String money(BigDecimal amount) {
    return new DecimalFormat("#,##0.##").format(amount);
  }
}
