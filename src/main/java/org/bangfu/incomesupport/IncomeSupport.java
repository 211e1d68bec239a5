package org.bangfu.incomesupport;

import static org.bangfu.shared.Var.bool;
import static org.bangfu.shared.Var.longVar;
import static org.bangfu.shared.Var.string;

import java.util.List;
import org.bangfu.shared.Var;

/**
 * IncomeSupportProcess (增收帮扶): one per 增收重点帮扶对象 and survey year (seed 001 §26–§30). Why the income is low
 * or falling is analysed from the records; the village draws up the household's plan with its paired cadre; by the
 * paths the plan and the analysis give, the county's 农业农村局 assigns a technical instructor (§27), its 人社局
 * supports employment (§28), its 民政局 reviews social security for a household short of labour (§29). Keys, element
 * ids and variables.
 */
public final class IncomeSupport {

  public static final String KEY = "IncomeSupportProcess";

  public static final String LISTED = "Event_Listed";
  public static final String ANALYSE = "Activity_AnalyseIncome";
  public static final String DRAFT_PLAN = "Activity_DraftIncomeSupportPlan";
  public static final String RECORD_PLAN = "Activity_RecordIncomeSupportPlan";
  public static final String ASSIGN_INSTRUCTOR = "Activity_AssignInstructor";
  public static final String RECORD_INSTRUCTOR = "Activity_RecordInstructor";
  public static final String EMPLOYMENT_STEP = "Activity_SupportEmployment";
  public static final String RECORD_EMPLOYMENT = "Activity_RecordEmploymentSupport";
  public static final String REVIEW_SOCIAL = "Activity_ReviewSocialSecurity";
  public static final String RECORD_SOCIAL = "Activity_RecordSocialSecurityReview";
  public static final String RECORD_SUPPORTED = "Activity_RecordSupported";

  /** bf_income_support.id: the ledger row this process works on. */
  public static final Var<Long> INCOME_SUPPORT_ID = longVar("incomeSupportId");

  // the village's plan (IncomeSupportPlanForm)
  public static final Var<String> INCOME_CAUSES = string("incomeCauses");
  public static final Var<String> INCOME_SUPPORT_PLAN = string("incomeSupportPlan");
  public static final Var<String> PAIRED_CADRE = string("pairedCadre");
  public static final Var<Boolean> PLAN_INDUSTRY = bool("planIndustry");
  public static final Var<Boolean> PLAN_EMPLOYMENT = bool("planEmployment");
  public static final Var<Boolean> PLAN_SOCIAL = bool("planSocial");
  /** The household has a risk of falling back: it goes into identification (§26). */
  public static final Var<Boolean> IDENTIFY_RISK = bool("identifyRisk");
  /** DRAWN_UP. */
  public static final Var<String> PLAN_DECISION = string("incomeSupportDecision");

  // the departments' steps
  public static final Var<String> INSTRUCTOR = string("instructor");
  public static final Var<String> INDUSTRY_MEASURES = string("industryMeasures");
  /** ASSIGNED. */
  public static final Var<String> INSTRUCTOR_DECISION = string("instructorDecision");
  /** PUBLIC_POST, WORKSHOP, ENTERPRISE, TRAINING, NOT_PLACED. */
  public static final Var<String> EMPLOYMENT_OUTCOME = string("employmentOutcome");
  public static final Var<String> EMPLOYMENT_NOTE = string("employmentNote");
  /** DIBAO, TEKUN, OTHER_AID, NOT_ELIGIBLE. */
  public static final Var<String> SOCIAL_OUTCOME = string("socialOutcome");
  public static final Var<String> SOCIAL_NOTE = string("socialNote");

  // the paths, written by Activity_RecordIncomeSupportPlan only (never a form field)
  public static final Var<Boolean> SUPPORT_INDUSTRY = bool("supportIndustry");
  public static final Var<Boolean> SUPPORT_EMPLOYMENT = bool("supportEmployment");
  /** The plan's choice, or the analysis: a household short of labour is always reviewed (§29). */
  public static final Var<Boolean> SUPPORT_SOCIAL = bool("supportSocial");

  public static final List<Var<?>> ALL = List.of(INCOME_SUPPORT_ID, INCOME_CAUSES, INCOME_SUPPORT_PLAN, PAIRED_CADRE,
      PLAN_INDUSTRY, PLAN_EMPLOYMENT, PLAN_SOCIAL, IDENTIFY_RISK, PLAN_DECISION, INSTRUCTOR, INDUSTRY_MEASURES,
      INSTRUCTOR_DECISION, EMPLOYMENT_OUTCOME, EMPLOYMENT_NOTE, SOCIAL_OUTCOME, SOCIAL_NOTE, SUPPORT_INDUSTRY,
      SUPPORT_EMPLOYMENT, SUPPORT_SOCIAL);

  private IncomeSupport() {
  }
}
