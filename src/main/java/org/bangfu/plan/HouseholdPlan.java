package org.bangfu.plan;

import static org.bangfu.shared.Var.bool;
import static org.bangfu.shared.Var.doubleVar;
import static org.bangfu.shared.Var.longVar;
import static org.bangfu.shared.Var.string;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.shared.Var;

/** HouseholdPlanProcess (一户一策): its key, element ids and variables. */
public final class HouseholdPlan {

  public static final String KEY = "HouseholdPlanProcess";

  public static final String PREPARE_DRAFT = "Activity_PrepareDraftPlan";
  public static final String DRAFT_PLAN = "Activity_DraftPlan";
  public static final String SAVE_PLAN = "Activity_SavePlan";
  public static final String TOWNSHIP_REVIEW = "Activity_PlanTownshipReview";
  public static final String COUNTY_APPROVAL = "Activity_PlanCountyApproval";
  public static final String APPROVE_PLAN = "Activity_ApprovePlan";
  public static final String PLAN_APPROVED = "Event_PlanApproved";

  public static final Var<Long> PLAN_ID = longVar("planId");
  public static final Var<Long> PLAN_VERSION = longVar("planVersion");
  /** The DMN's recommendation and the members' labour capacity, in Chinese, for the cadre drafting the plan. */
  public static final Var<String> RECOMMENDATION = string("recommendedMeasures");
  public static final Var<String> LABOUR_SUMMARY = string("labourSummary");
  public static final Var<Double> INCOME_TARGET = doubleVar("planIncomeTarget");
  /** yyyy-MM-dd, as form-js date fields submit it. */
  public static final Var<String> REVIEW_DATE = string("planReviewDate");
  public static final Var<String> NOTE = string("planNote");
  public static final Var<Boolean> HOUSEHOLD_CONFIRMED = bool("householdConfirmed");
  public static final Var<String> DRAFT_DECISION = string("planDraftDecision");
  /** The saved plan in words, for the township and county reviewers. */
  public static final Var<String> SUMMARY = string("planSummary");
  public static final Var<String> TOWNSHIP_DECISION = string("planTownshipDecision");
  public static final Var<String> TOWNSHIP_REASON = string("planTownshipReason");
  public static final Var<String> COUNTY_DECISION = string("planCountyDecision");
  public static final Var<String> COUNTY_REASON = string("planCountyReason");

  /** Whether the plan has this measure (a check box per measure in the form). */
  public static Var<Boolean> chosen(MeasureCode code) {
    return bool("plan_" + code.name());
  }

  public static Var<Double> amount(MeasureCode code) {
    return doubleVar("planAmount_" + code.name());
  }

  /** yyyy-MM-dd. */
  public static Var<String> dueDate(MeasureCode code) {
    return string("planDue_" + code.name());
  }

  /** The responsible department (a Department code), one of the measure's departments. */
  public static Var<String> department(MeasureCode code) {
    return string("planDept_" + code.name());
  }

  public static Var<String> responsible(MeasureCode code) {
    return string("planPerson_" + code.name());
  }

  public static final List<Var<?>> ALL;

  static {
    List<Var<?>> all = new ArrayList<>(List.of(PLAN_ID, PLAN_VERSION, RECOMMENDATION, LABOUR_SUMMARY,
        INCOME_TARGET, REVIEW_DATE, NOTE, HOUSEHOLD_CONFIRMED, DRAFT_DECISION, SUMMARY, TOWNSHIP_DECISION,
        TOWNSHIP_REASON, COUNTY_DECISION, COUNTY_REASON));
    for (MeasureCode code : MeasureCode.values()) {
      all.addAll(List.of(chosen(code), department(code), amount(code), dueDate(code), responsible(code)));
    }
    ALL = Collections.unmodifiableList(all);
  }

  private HouseholdPlan() {
  }
}
