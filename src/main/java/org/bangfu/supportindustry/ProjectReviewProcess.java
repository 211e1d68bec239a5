package org.bangfu.supportindustry;

import static org.bangfu.shared.Var.longVar;
import static org.bangfu.shared.Var.string;
import static org.bangfu.shared.Var.bool;
import static org.bangfu.shared.Var.doubleVar;

import java.util.List;
import org.bangfu.shared.Var;

/**
 * SupportProjectReviewProcess (帮扶产业项目年度评估，四个一批): one per project and year (seed 003 二). The village
 * scores the project on the five dimensions (逐村梳理摸排), the decision table recommends a class, the county's
 * 农业农村局 decides with a reason. Keys, element ids and variables.
 */
public final class ProjectReviewProcess {

  public static final String KEY = "SupportProjectReviewProcess";
  public static final String SCORE = "Activity_ScoreSupportProject";
  public static final String RECOMMEND = "Activity_RecommendCategory";
  public static final String DECIDE = "Activity_DecideCategory";
  public static final String RECORD_DECISION = "Activity_RecordCategory";
  public static final String ISSUE_MEASURES = "Activity_IssueProjectMeasures";
  public static final String PREPARE_MEASURE = "Activity_PrepareProjectMeasure";
  public static final String DELIVER_MEASURE = "Activity_DeliverProjectMeasure";
  public static final String RECORD_MEASURE = "Activity_RecordProjectMeasure";
  public static final String VILLAGE_DELIBERATION = "Activity_VillageDeliberation";
  public static final String TOWNSHIP_APPROVAL = "Activity_TownshipApproveAdjustment";
  public static final String COUNTY_APPROVAL = "Activity_CountyApproveAdjustment";
  public static final String PUBLISH_NOTICE = "Activity_PublishAdjustmentNotice";
  /** The event-based gateway the notice waits at: its end (timer) or an objection (message). */
  public static final String NOTICE_OUTCOME = "Gateway_AdjustmentNoticeOutcome";
  public static final String NOTICE_OVER = "Event_AdjustmentNoticeOver";
  public static final String OBJECTION_RAISED = "Event_AdjustmentObjectionRaised";
  /** Correlated by SupportProjects.raiseObjection while the adjustment is noticed: back to the villagers' meeting. */
  public static final String MESSAGE_OBJECTION = "Message_AdjustmentObjectionRaised";
  public static final String RECORD_ADJUSTMENT = "Activity_RecordAdjustment";
  public static final String RECORD_DELIBERATION = "Activity_RecordDeliberation";
  public static final String RECORD_TOWNSHIP_APPROVAL = "Activity_RecordTownshipApproval";
  public static final String RECORD_COUNTY_APPROVAL = "Activity_RecordCountyApproval";
  public static final String DECISION = "Decision_ProjectCategory";
  public static final String MEASURES_DECISION = "Decision_ProjectMeasures";
  public static final String WARNING_DECISION = "Decision_ProjectWarning";

  /** bf_support_project_review.id. */
  public static final Var<Long> REVIEW_ID = longVar("projectReviewId");

  // the village's scores (ScoreSupportProjectForm)
  public static final Var<Long> SCORE_DEVELOPMENT = longVar("scoreDevelopment");
  public static final Var<Long> SCORE_MANAGEMENT = longVar("scoreManagement");
  public static final Var<Long> SCORE_ASSET_RETURN = longVar("scoreAssetReturn");
  public static final Var<Long> SCORE_HOUSEHOLD_BENEFIT = longVar("scoreHouseholdBenefit");
  public static final Var<Long> SCORE_PROSPECTS = longVar("scoreProspects");
  public static final Var<Double> PROJECT_REVENUE = doubleVar("projectRevenue");
  public static final Var<Long> HOUSEHOLDS_BENEFITING = longVar("householdsBenefiting");
  public static final Var<Boolean> PROJECT_IDLE = bool("projectIdle");
  public static final Var<String> REVIEW_FINDINGS = string("reviewFindings");
  /** SCORED. */
  public static final Var<String> SCORE_DECISION = string("scoreDecision");

  // the county's decision (DecideCategoryForm)
  /** CONSOLIDATE, UPGRADE, REVITALISE, ADJUST. */
  public static final Var<String> PROJECT_CATEGORY = string("projectCategory");
  public static final Var<String> CATEGORY_REASON = string("categoryReason");

  // the class's measures (multi-instance over supportProjects.measureIds, one per bf_support_project_measure)
  public static final Var<Long> MEASURE_ID = longVar("projectMeasureId");
  /** The measure's county department (AGRI, FINANCE …), set per measure by Activity_PrepareProjectMeasure. */
  public static final Var<String> MEASURE_DEPARTMENT = string("measureDepartment");
  /** DELIVERED, NOT_DELIVERED. */
  public static final Var<String> MEASURE_OUTCOME = string("projectMeasureOutcome");
  public static final Var<String> MEASURE_RESULT = string("projectMeasureResult");

  // 调整、销号退出: the village's deliberation (respecting farmers' wishes), the township's and the county's approval
  /** ADJUST_TO_NEW (调整为新产业), RETIRE (销号退出) or KEEP (村民代表会议不同意调整). */
  public static final Var<String> ADJUSTMENT_OUTCOME = string("adjustmentOutcome");
  public static final Var<String> ADJUSTMENT_PLAN = string("adjustmentPlan");
  public static final Var<String> DELIBERATION_DATE = string("deliberationDate");
  /** The meeting's members (组成人员): two thirds must attend for it to sit (村民委员会组织法 第二十六条). */
  public static final Var<Long> DELIBERATION_MEMBERS = longVar("deliberationMembers");
  public static final Var<Long> DELIBERATION_ATTENDEES = longVar("deliberationAttendees");
  public static final Var<Long> DELIBERATION_AGREED = longVar("deliberationAgreed");
  /** APPROVE or RETURN. */
  public static final Var<String> TOWNSHIP_ADJUSTMENT_DECISION = string("townshipAdjustmentDecision");
  public static final Var<String> TOWNSHIP_ADJUSTMENT_REASON = string("townshipAdjustmentReason");
  public static final Var<String> COUNTY_ADJUSTMENT_DECISION = string("countyAdjustmentDecision");
  public static final Var<String> COUNTY_ADJUSTMENT_REASON = string("countyAdjustmentReason");
  /** The notice's duration (ISO 8601), from bangfu.support-projects.notice-days: written by the step only. */
  public static final Var<String> ADJUSTMENT_NOTICE = string("adjustmentNoticeDuration");
  /** An objection raised during the notice, as registered (shown to the villagers' next meeting). */
  public static final Var<String> ADJUSTMENT_OBJECTION = string("adjustmentObjection");

  public static final List<Var<?>> ALL = List.of(REVIEW_ID, MEASURE_ID, ADJUSTMENT_OUTCOME, ADJUSTMENT_PLAN,
      DELIBERATION_DATE, DELIBERATION_MEMBERS, DELIBERATION_ATTENDEES, DELIBERATION_AGREED, TOWNSHIP_ADJUSTMENT_DECISION,
      TOWNSHIP_ADJUSTMENT_REASON, COUNTY_ADJUSTMENT_DECISION, COUNTY_ADJUSTMENT_REASON, ADJUSTMENT_NOTICE, ADJUSTMENT_OBJECTION, MEASURE_DEPARTMENT,
      MEASURE_OUTCOME, MEASURE_RESULT, SCORE_DEVELOPMENT, SCORE_MANAGEMENT, SCORE_ASSET_RETURN,
      SCORE_HOUSEHOLD_BENEFIT, SCORE_PROSPECTS, PROJECT_REVENUE, HOUSEHOLDS_BENEFITING, PROJECT_IDLE, REVIEW_FINDINGS,
      SCORE_DECISION, PROJECT_CATEGORY, CATEGORY_REASON);

  private ProjectReviewProcess() {
  }
}
