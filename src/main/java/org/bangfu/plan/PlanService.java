package org.bangfu.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.Department;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.catalogue.RiskType;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.LabourCapacity;
import org.bangfu.household.Member;
import org.bangfu.plan.MeasureRecommender.Recommendation;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一户一策: drafts a plan version from the DMN's recommendation (or from the approved version it revises), saves the
 * cadre's edits with their checks, and approves it; an approved version replaces the previous one, which is kept.
 */
@Service
public class PlanService {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
  static final BigDecimal MAX_INCOME_TARGET = new BigDecimal("1000000");
  static final int DEFAULT_MEASURE_DAYS = 30;
  static final int DEFAULT_REVIEW_MONTHS = 6;

  /** What the cadre entered in the plan form. */
  public record PlanForm(Long planId, Map<MeasureCode, MeasureLine> measures, Double incomeTarget,
      String reviewDate, String note, boolean householdConfirmed, String actor) {
  }

  /** One chosen measure as entered: amount, due date (yyyy-MM-dd) and responsible person may be empty. */
  public record MeasureLine(String department, Double amount, String dueDate, String responsible) {
  }

  /** A draft plan version and the recommendation it started from, in words for the form. */
  public record Draft(Plan plan, String recommendation, String labourSummary) {
  }

  private final PlanMapper plans;
  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final MeasureRecommender recommender;

  public PlanService(PlanMapper plans, CaseFileService caseFiles, HouseholdService households,
      MeasureRecommender recommender) {
    this.plans = plans;
    this.caseFiles = caseFiles;
    this.households = households;
    this.recommender = recommender;
  }

  /**
   * The draft the cadre edits: the case's open draft if there is one, otherwise a new version, copied from the
   * approved plan it revises or, for the first plan, filled with the DMN's recommendation.
   */
  @Transactional
  public Draft prepareDraft(Long caseId, String revisionReason) {
    CaseFile caseFile = caseFiles.find(caseId);
    List<Plan> all = plans.findByCase(caseId);
    List<Member> members = households.members(caseFile.getHouseholdId());
    List<Recommendation> recommended = recommender.recommend(riskTypes(caseFile), LabourProfile.of(
        households.find(caseFile.getHouseholdId()).getKind(), new RegionCode(caseFile.getVillageCode()).province(),
        members, households.incomeTest(caseFile.getHouseholdId(), EngineClock.today())));
    String recommendation = recommended.isEmpty() ? "无"
        : recommended.stream().map(r -> r.measure().label() + "（" + String.join("；", r.reasons()) + "）")
            .collect(Collectors.joining("\n"));
    String labour = members.stream()
        .map(m -> m.getName() + "：" + LabourCapacity.valueOf(m.getLabourCapacity()).label())
        .collect(Collectors.joining("，"));

    Plan draft = all.stream().filter(p -> Plan.DRAFT.equals(p.getStatus())).findFirst().orElse(null);
    if (draft != null) {
      draft.setMeasures(plans.findMeasures(draft.getId()));
      return new Draft(draft, recommendation, labour);
    }
    Plan approved = all.stream().filter(p -> Plan.APPROVED.equals(p.getStatus())).findFirst().orElse(null);
    LocalDate today = EngineClock.today();
    draft = new Plan();
    draft.setCaseId(caseId);
    draft.setPlanVersion(plans.maxVersion(caseId) + 1);
    draft.setStatus(Plan.DRAFT);
    draft.setRevisionReason(truncate(revisionReason, 1000));
    draft.setCreatedAt(EngineClock.now());
    List<PlanMeasure> measures = new ArrayList<>();
    if (approved != null) {
      draft.setIncomeTarget(approved.getIncomeTarget());
      draft.setReviewDate(approved.getReviewDate() == null || approved.getReviewDate().isBefore(today)
          ? today.plusMonths(DEFAULT_REVIEW_MONTHS) : approved.getReviewDate());
      draft.setNote(approved.getNote());
      for (PlanMeasure old : plans.findMeasures(approved.getId())) {
        PlanMeasure copy = measure(MeasureCode.valueOf(old.getMeasureCode()), old.getAmount(),
            old.getDueDate() == null || old.getDueDate().isBefore(today) ? today.plusDays(DEFAULT_MEASURE_DAYS)
                : old.getDueDate(), old.getResponsiblePerson(), today);
        copy.setDepartment(old.getDepartment());
        measures.add(copy);
      }
    } else {
      draft.setIncomeTarget(caseFile.getIncomeThreshold());
      draft.setReviewDate(today.plusMonths(DEFAULT_REVIEW_MONTHS));
      for (Recommendation r : recommended) {
        measures.add(measure(r.measure(), null, today.plusDays(DEFAULT_MEASURE_DAYS), null, today));
      }
    }
    plans.insert(draft);
    for (PlanMeasure measure : measures) {
      measure.setPlanId(draft.getId());
      plans.insertMeasure(measure);
    }
    draft.setMeasures(measures);
    caseFiles.auditStep(caseId, HouseholdPlan.PREPARE_DRAFT, "DRAFTED",
        "第" + draft.getPlanVersion() + "版" + (approved == null ? "，系统推荐：" + names(measures)
            : "，在第" + approved.getPlanVersion() + "版基础上调整" + (revisionReason == null ? ""
                : "，原因：" + revisionReason)), CaseFileService.SYSTEM, null);
    return new Draft(draft, recommendation, labour);
  }

  /**
   * Saves what the cadre entered into the draft. Refused as a whole, with the field and the reason in Chinese, when
   * an entry is wrong: the task stays open and nothing is written.
   */
  @Transactional
  public Plan saveDraft(PlanForm form) {
    Plan plan = plans.findById(form.planId());
    if (plan == null || !Plan.DRAFT.equals(plan.getStatus())) {
      throw new IllegalStateException("plan " + form.planId() + " is not a draft");
    }
    LocalDate today = EngineClock.today();
    if (form.measures().isEmpty()) {
      throw new InvalidDecisionException("plan_", "请至少选择一项帮扶措施");
    }
    if (!form.householdConfirmed()) {
      throw new InvalidDecisionException(HouseholdPlan.HOUSEHOLD_CONFIRMED.name(), "请先由农户签字确认帮扶计划");
    }
    List<PlanMeasure> measures = new ArrayList<>();
    for (Map.Entry<MeasureCode, MeasureLine> entry : form.measures().entrySet()) {
      MeasureCode code = entry.getKey();
      MeasureLine line = entry.getValue();
      BigDecimal amount = line.amount() == null ? null : BigDecimal.valueOf(line.amount());
      if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
        throw new InvalidDecisionException(HouseholdPlan.amount(code).name(),
            code.label() + "的金额应在0到1000万元之间");
      }
      LocalDate due = date(HouseholdPlan.dueDate(code).name(), code.label() + "的完成期限", line.dueDate());
      if (due == null) {
        due = today.plusDays(DEFAULT_MEASURE_DAYS);
      } else if (due.isBefore(today) || due.isAfter(today.plusYears(3))) {
        throw new InvalidDecisionException(HouseholdPlan.dueDate(code).name(),
            code.label() + "的完成期限应在今天到三年之内");
      }
      String person = line.responsible() == null || line.responsible().isBlank() ? null : line.responsible().trim();
      if (person != null && person.length() > 64) {
        throw new InvalidDecisionException(HouseholdPlan.responsible(code).name(),
            code.label() + "的责任人不能超过64字");
      }
      PlanMeasure measure = measure(code, amount, due, person, today);
      if (line.department() != null && !line.department().isBlank()) {
        Department department = code.departments().stream().filter(d -> d.name().equals(line.department().trim()))
            .findFirst().orElseThrow(() -> new InvalidDecisionException(HouseholdPlan.department(code).name(),
                code.label() + "的责任部门应为" + String.join("、", code.departments().stream()
                    .map(Department::label).toList()) + "之一"));
        measure.setDepartment(department.name());
      }
      measures.add(measure);
    }
    if (form.incomeTarget() != null && (form.incomeTarget() < 0
        || BigDecimal.valueOf(form.incomeTarget()).compareTo(MAX_INCOME_TARGET) > 0)) {
      throw new InvalidDecisionException(HouseholdPlan.INCOME_TARGET.name(), "人均纯收入目标应在0到100万元之间");
    }
    LocalDate review = date(HouseholdPlan.REVIEW_DATE.name(), "计划复核日期", form.reviewDate());
    if (review == null || review.isBefore(today) || review.isAfter(today.plusYears(3))) {
      throw new InvalidDecisionException(HouseholdPlan.REVIEW_DATE.name(), "请填写今天到三年之内的计划复核日期");
    }
    if (form.note() != null && form.note().length() > 1000) {
      throw new InvalidDecisionException(HouseholdPlan.NOTE.name(), "计划说明不能超过1000字");
    }
    plan.setIncomeTarget(form.incomeTarget() == null ? null : BigDecimal.valueOf(form.incomeTarget()));
    plan.setReviewDate(review);
    plan.setNote(form.note() == null || form.note().isBlank() ? null : form.note().trim());
    plan.setHouseholdConfirmed(true);
    plan.setDraftedBy(form.actor());
    plan.setDraftedAt(EngineClock.now());
    plans.updateDraft(plan);
    plans.deleteDraftMeasures(plan.getId());
    for (PlanMeasure measure : measures) {
      measure.setPlanId(plan.getId());
      plans.insertMeasure(measure);
    }
    plan.setMeasures(measures);
    return plan;
  }

  /** The county approved: this version is the plan now; the version it replaces is kept as SUPERSEDED. */
  @Transactional
  public Plan approve(Long planId, String approvedBy) {
    Plan plan = plans.findById(planId);
    if (plans.approve(planId, approvedBy, EngineClock.now()) == 0) {
      throw new IllegalStateException("plan " + planId + " is not a draft");
    }
    plans.supersede(plan.getCaseId(), planId);
    // a household under yearly tracking that gets a new plan is monitored again
    caseFiles.changeStatus(plan.getCaseId(), CaseStatus.TRACKING, CaseStatus.MONITORED);
    plan.setMeasures(plans.findMeasures(planId));
    caseFiles.auditStep(plan.getCaseId(), HouseholdPlan.APPROVE_PLAN, "APPROVED",
        "第" + plan.getPlanVersion() + "版：" + names(plan.getMeasures()), approvedBy, null);
    return plan;
  }

  /** The plan in force, or null before the first approval. */
  public Plan approvedPlan(Long caseId) {
    return plans.findByCase(caseId).stream().filter(p -> Plan.APPROVED.equals(p.getStatus())).findFirst()
        .map(this::withMeasures).orElse(null);
  }

  /** Every version of the case's plan, oldest first, with their measures. */
  public List<Plan> versions(Long caseId) {
    return plans.findByCase(caseId).stream().map(this::withMeasures).toList();
  }

  public Plan find(Long planId) {
    Plan plan = plans.findById(planId);
    if (plan == null) {
      throw new NotFoundException("帮扶计划不存在");
    }
    return withMeasures(plan);
  }

  /** The plan in words for the reviewers' forms. */
  public static String summary(Plan plan) {
    StringBuilder text = new StringBuilder("第" + plan.getPlanVersion() + "版帮扶计划");
    if (plan.getRevisionReason() != null) {
      text.append("（调整原因：").append(plan.getRevisionReason()).append("）");
    }
    text.append("\n");
    for (PlanMeasure m : plan.getMeasures()) {
      MeasureCode code = MeasureCode.valueOf(m.getMeasureCode());
      text.append("· ").append(code.label()).append("，责任部门 ")
          .append(m.getDepartment() == null ? code.department().label() : Department.valueOf(m.getDepartment()).label());
      if (m.getResponsiblePerson() != null) {
        text.append("，责任人 ").append(m.getResponsiblePerson());
      }
      if (m.getAmount() != null) {
        text.append("，金额 ").append(m.getAmount().stripTrailingZeros().toPlainString()).append(" 元");
      }
      text.append("，").append(m.getDueDate()).append(" 前完成\n");
    }
    if (plan.getIncomeTarget() != null) {
      text.append("人均纯收入目标 ").append(plan.getIncomeTarget().stripTrailingZeros().toPlainString())
          .append(" 元；");
    }
    text.append("计划复核日期 ").append(plan.getReviewDate()).append("；农户已签字确认。");
    if (plan.getNote() != null) {
      text.append("\n说明：").append(plan.getNote());
    }
    return text.toString();
  }

  private Plan withMeasures(Plan plan) {
    plan.setMeasures(plans.findMeasures(plan.getId()));
    return plan;
  }

  private static List<RiskType> riskTypes(CaseFile caseFile) {
    return Arrays.stream(caseFile.getRiskTypes().split(",")).filter(s -> !s.isBlank()).map(RiskType::valueOf)
        .toList();
  }

  private static PlanMeasure measure(MeasureCode code, BigDecimal amount, LocalDate due, String person,
      LocalDate start) {
    PlanMeasure measure = new PlanMeasure();
    measure.setMeasureCode(code.name());
    measure.setDepartment(code.department().name());
    measure.setAmount(amount);
    measure.setDueDate(due);
    measure.setResponsiblePerson(person);
    measure.setStartDate(start);
    return measure;
  }

  private static String names(List<PlanMeasure> measures) {
    return measures.isEmpty() ? "无" : measures.stream().map(m -> MeasureCode.valueOf(m.getMeasureCode()).label())
        .collect(Collectors.joining("、"));
  }

  private static LocalDate date(String field, String label, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim().length() > 10 ? value.trim().substring(0, 10) : value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidDecisionException(field, label + "不是有效日期（应为 年-月-日）");
    }
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** Form variables of a draft: a check box per measure with its amount, due date and responsible person. */
  public static Map<String, Object> formVariables(Draft draft) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Plan plan = draft.plan();
    HouseholdPlan.PLAN_ID.put(variables, plan.getId());
    HouseholdPlan.PLAN_VERSION.put(variables, (long) plan.getPlanVersion());
    HouseholdPlan.RECOMMENDATION.put(variables, draft.recommendation());
    HouseholdPlan.LABOUR_SUMMARY.put(variables, draft.labourSummary());
    HouseholdPlan.INCOME_TARGET.put(variables,
        plan.getIncomeTarget() == null ? null : plan.getIncomeTarget().doubleValue());
    HouseholdPlan.REVIEW_DATE.put(variables, plan.getReviewDate() == null ? null : plan.getReviewDate().toString());
    HouseholdPlan.NOTE.put(variables, plan.getNote());
    HouseholdPlan.HOUSEHOLD_CONFIRMED.put(variables, false);
    for (MeasureCode code : MeasureCode.values()) {
      PlanMeasure m = plan.getMeasures().stream().filter(x -> x.getMeasureCode().equals(code.name())).findFirst()
          .orElse(null);
      HouseholdPlan.chosen(code).put(variables, m != null);
      HouseholdPlan.department(code).put(variables, m == null ? code.department().name() : m.getDepartment());
      HouseholdPlan.amount(code).put(variables, m == null || m.getAmount() == null ? null : m.getAmount()
          .doubleValue());
      HouseholdPlan.dueDate(code).put(variables, m == null || m.getDueDate() == null ? null
          : m.getDueDate().toString());
      HouseholdPlan.responsible(code).put(variables, m == null ? null : m.getResponsiblePerson());
    }
    return variables;
  }
}
