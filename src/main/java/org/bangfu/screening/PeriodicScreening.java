package org.bangfu.screening;

import static org.bangfu.shared.Var.longVar;
import static org.bangfu.shared.Var.string;

import java.util.List;
import org.bangfu.shared.Var;

/**
 * PeriodicScreeningProcess (定期监测): the quarterly warnings to the townships and the Q4 income survey that marks
 * 增收重点帮扶对象 and starts an IncomeSupportProcess for each (org.bangfu.incomesupport); and ConcentratedScreeningProcess, the yearly concentrated
 * screening (集中排查) list per village. Their keys, element ids and variables.
 */
public final class PeriodicScreening {

  public static final String KEY = "PeriodicScreeningProcess";
  /** The yearly 集中排查 has its own process: Camunda 7 allows one timer start event per process. */
  public static final String CONCENTRATED_KEY = "ConcentratedScreeningProcess";

  public static final String QUARTER_ENDED = "StartEvent_QuarterEnded";
  public static final String YEARLY_SCREENING_DUE = "StartEvent_YearlyScreeningDue";
  public static final String EVALUATE_WARNINGS = "Activity_EvaluateQuarterlyWarnings";
  public static final String REVIEW_WARNINGS = "Activity_ReviewQuarterlyWarnings";
  public static final String RECORD_WARNING_REVIEW = "Activity_RecordWarningReview";
  public static final String FOURTH_QUARTER = "Gateway_FourthQuarter";
  public static final String MARK_PRIORITY = "Activity_MarkPriorityHouseholds";
  public static final String COMPARE_LAST_YEAR = "Activity_CompareLastYear";
  public static final String START_INCOME_SUPPORT = "Activity_StartIncomeSupport";
  /**
   * The per-village income plan of the models before IncomeSupportProcess (one text for the whole village): its
   * steps stay known for the instances those versions still run.
   */
  public static final String DRAFT_INCOME_PLANS = "Activity_DraftIncomePlans";
  public static final String RECORD_INCOME_PLANS = "Activity_RecordIncomePlans";
  public static final String PREPARE_SCREENING = "Activity_PrepareConcentratedScreening";
  public static final String CONCENTRATED_SCREENING = "Activity_ConcentratedScreening";
  public static final String RECORD_SCREENING = "Activity_RecordConcentratedScreening";

  public static final String DECISION_WARNING = "Decision_QuarterlyWarning";
  public static final String DECISION_PRIORITY = "Decision_PriorityIncomeSupport";
  /** Where and in which years the periodic rules apply (a province's own scheme, or none). */
  public static final String DECISION_SCHEME = "Decision_PeriodicScheme";

  /** bf_screening_run.id of this run. */
  public static final Var<Long> RUN_ID = longVar("runId");
  /** The operator who started this run by hand (/api/periodic-runs); not set when the timer started it. */
  public static final Var<String> REQUESTED_BY = string("requestedBy");
  /** 2026-Q4 for a quarterly run, 2027 for a yearly one. */
  public static final Var<String> RUN_KEY = string("runKey");
  /**
   * The step property naming the list a task shows (WARNING, PRIORITY or SCREENING). The list itself — names,
   * incomes — is never a process variable: the Tasklist tab 筛查名单 reads it from the registry for the user's region.
   */
  public static final String LIST_PROPERTY = "screeningList";

  /** The township (MI element) whose warning list a review covers; the village of a list task. */
  public static final Var<String> TOWNSHIP_CODE = string("townshipCode");
  public static final Var<String> VILLAGE_CODE = string("villageCode");

  /** REVIEWED. */
  public static final Var<String> WARNING_DECISION = string("warningDecision");
  /** The list numbers of the households whose risk needs an identification: "1, 3". */
  public static final Var<String> RISK_HOUSEHOLDS = string("riskHouseholds");
  public static final Var<String> WARNING_NOTE = string("warningNote");

  /** DRAWN_UP. */
  public static final Var<String> INCOME_PLAN_DECISION = string("incomePlanDecision");
  public static final Var<String> INCOME_PLAN = string("incomePlan");

  /** SCREENED. */
  public static final Var<String> SCREENING_DECISION = string("screeningDecision");
  public static final Var<String> SCREENING_NOTE = string("screeningNote");

  public static final List<Var<?>> ALL = List.of(RUN_ID, RUN_KEY, REQUESTED_BY, TOWNSHIP_CODE, VILLAGE_CODE,
      WARNING_DECISION, RISK_HOUSEHOLDS, WARNING_NOTE, INCOME_PLAN_DECISION, INCOME_PLAN, SCREENING_DECISION,
      SCREENING_NOTE);

  private PeriodicScreening() {
  }
}
