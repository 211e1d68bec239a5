package org.bangfu.exit;

import static org.bangfu.shared.Var.bool;
import static org.bangfu.shared.Var.string;

import java.util.List;
import org.bangfu.shared.Var;

/** ExitReviewProcess (风险消除): its key, element ids and variables. */
public final class ExitReview {

  public static final String KEY = "ExitReviewProcess";
  public static final String DECISION = "Decision_ExitEligibility";
  public static final String MESSAGE_OBJECTION = "Message_ExitObjectionRaised";

  public static final String HOME_VERIFICATION = "Activity_ExitHomeVerification";
  public static final String ASSESS_EXIT = "Activity_AssessExit";
  public static final String DEMOCRATIC_REVIEW = "Activity_ExitDemocraticReview";
  public static final String PUBLISH_NOTICE = "Activity_PublishExitNotice";
  public static final String NOTICE_OUTCOME = "Gateway_ExitNoticeOutcome";
  public static final String NOTICE_PERIOD_OVER = "Event_ExitNoticePeriodOver";
  public static final String TOWNSHIP_REVIEW = "Activity_ExitTownshipReview";
  public static final String COUNTY_APPROVAL = "Activity_ExitCountyApproval";
  public static final String RECORD_ELIMINATION = "Activity_RecordElimination";
  public static final String CONFIRM_TRACKING = "Activity_ConfirmTracking";
  public static final String RECORD_TRACKING = "Activity_RecordTracking";
  public static final String RECORD_NOT_YET = "Activity_RecordNotYet";
  public static final String ELIMINATED = "Event_Eliminated";
  public static final String TRACKING = "Event_Tracking";
  public static final String NOT_YET = "Event_ExitNotYet";

  // home verification by the village: what only a visit can tell
  public static final Var<String> VERIFY_DECISION = string("exitVerifyDecision");
  public static final Var<String> VERIFY_REASON = string("exitVerifyReason");
  public static final Var<Boolean> RIGID_SPENDING_CONTROLLABLE = bool("rigidSpendingControllable");
  /** 两不愁三保障: food, clothing, schooling, basic medical care, safe housing. */
  public static final Var<Boolean> BASIC_NEEDS_SECURED = bool("basicNeedsSecured");
  public static final Var<Boolean> DRINKING_WATER_SECURED = bool("drinkingWaterSecured");
  /** The village saw the household on 低保 or 特困 (民政's decision), whether or not this case delivered it. */
  public static final Var<Boolean> ON_SAFETY_NET = bool("onSafetyNet");

  // the DMN's finding
  /** ELIGIBLE, NOT_YET or TRACKING. */
  public static final Var<String> ASSESSMENT = string("exitAssessment");
  public static final Var<String> ASSESSMENT_REASON = string("exitAssessmentReason");

  /** TRACKING or CONTINUE: the township's answer to the rules' "tracking" (people decide, docs/domain.md §5). */
  public static final Var<String> TRACKING_CONFIRM_DECISION = string("trackingConfirmDecision");
  public static final Var<String> TRACKING_CONFIRM_REASON = string("trackingConfirmReason");

  public static final Var<String> REVIEW_DECISION = string("exitReviewDecision");
  public static final Var<String> REVIEW_REASON = string("exitReviewReason");
  public static final Var<String> OBJECTION_TEXT = string("exitObjectionText");
  public static final Var<String> NOTICE_DURATION = string("exitNoticeDuration");
  public static final Var<String> TOWNSHIP_DECISION = string("exitTownshipDecision");
  public static final Var<String> TOWNSHIP_REASON = string("exitTownshipReason");
  public static final Var<String> COUNTY_DECISION = string("exitCountyDecision");
  public static final Var<String> COUNTY_REASON = string("exitCountyReason");

  public static final List<Var<?>> ALL = List.of(VERIFY_DECISION, VERIFY_REASON, RIGID_SPENDING_CONTROLLABLE,
      BASIC_NEEDS_SECURED, DRINKING_WATER_SECURED, ON_SAFETY_NET, ASSESSMENT, ASSESSMENT_REASON,
      TRACKING_CONFIRM_DECISION, TRACKING_CONFIRM_REASON, REVIEW_DECISION, REVIEW_REASON,
      OBJECTION_TEXT, NOTICE_DURATION, TOWNSHIP_DECISION, TOWNSHIP_REASON, COUNTY_DECISION, COUNTY_REASON);

  private ExitReview() {
  }
}
