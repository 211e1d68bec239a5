package org.bangfu.identification;

import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.COUNTY_CODE;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.shared.CaseVariables.HOUSEHOLD_ID;
import static org.bangfu.shared.CaseVariables.TOWNSHIP_CODE;
import static org.bangfu.shared.CaseVariables.VILLAGE_CODE;
import static org.bangfu.shared.Var.bool;
import static org.bangfu.shared.Var.date;
import static org.bangfu.shared.Var.doubleVar;
import static org.bangfu.shared.Var.longVar;
import static org.bangfu.shared.Var.string;

import java.util.Date;
import java.util.List;
import org.bangfu.shared.Var;

/** RiskIdentificationProcess: its key, element ids and variables. */
public final class RiskIdentification {

  public static final String KEY = "RiskIdentificationProcess";
  public static final String DECISION_ELIGIBILITY = "Decision_MonitoringEligibility";
  public static final String MESSAGE_OBJECTION = "Message_ObjectionRaised";
  public static final String ERROR_CASE_REJECTED = "CASE_REJECTED";
  /** The income test stops: the province has no line for the year (boundary event on the test). */
  public static final String ERROR_LINE_MISSING = "LINE_MISSING";
  /** The income test stops: months of the 12 have no income record (boundary event on the test). */
  public static final String ERROR_INCOME_INCOMPLETE = "INCOME_INCOMPLETE";

  public static final String ACCEPT_APPLICATION = "Activity_AcceptApplication";
  public static final String VERIFY_HOUSEHOLD = "Activity_VerifyHousehold";
  public static final String ASSESS_ELIGIBILITY = "Activity_AssessEligibility";
  public static final String MONITORING_LINE_MISSING = "Activity_MonitoringLineMissing";
  public static final String COMPLETE_INCOME_RECORDS = "Activity_CompleteIncomeRecords";
  public static final String RECORD_INCOME_RECORDS = "Activity_RecordIncomeRecords";
  public static final String REVIEW_OUT_OF_RANGE = "Activity_ReviewOutOfRange";
  public static final String RECORD_TOWNSHIP_JUDGEMENT = "Activity_RecordTownshipJudgement";
  public static final String CONFIRM_GREEN_CHANNEL = "Activity_ConfirmGreenChannel";
  public static final String START_URGENT_MEASURES = "Activity_StartUrgentMeasures";
  public static final String VILLAGE_REVIEW = "SubProcess_VillageReview";
  public static final String CROSS_CHECK_ASSETS = "Activity_CrossCheckAssets";
  public static final String DEMOCRATIC_REVIEW = "Activity_DemocraticReview";
  public static final String PUBLISH_NOTICE = "Activity_PublishNotice";
  public static final String NOTICE_OUTCOME = "Gateway_NoticeOutcome";
  public static final String NOTICE_PERIOD_OVER = "Event_NoticePeriodOver";
  public static final String TOWNSHIP_REVIEW = "Activity_TownshipReview";
  public static final String COUNTY_APPROVAL = "Activity_CountyApproval";
  public static final String RECORD_INCLUSION = "Activity_RecordInclusion";
  public static final String RECORD_REJECTION = "Activity_RecordRejection";
  public static final String INCLUDED = "Event_Included";
  public static final String REJECTED = "Event_Rejected";

  // references and routing facts
  public static final Var<String> CHANNEL = string("channel");
  public static final Var<String> RISK_TYPES = string("riskTypes");
  /** The risk types in Chinese, for forms. */
  public static final Var<String> RISK_TYPE_LABELS = string("riskTypeLabels");
  public static final Var<Date> IDENTIFICATION_DEADLINE = date("identificationDeadline");
  public static final Var<String> NOTICE_DURATION = string("noticeDuration");

  // facts the village confirms at home verification (other triggers, docs/domain.md §1)
  public static final Var<Boolean> UNSAFE_HOUSING = bool("unsafeHousing");
  public static final Var<Boolean> UNSAFE_WATER = bool("unsafeWater");
  public static final Var<Boolean> DROPOUT_RISK = bool("dropoutRisk");
  public static final Var<Boolean> NO_MEDICAL_INSURANCE = bool("noMedicalInsurance");
  public static final Var<Double> MEDICAL_SELF_PAY = doubleVar("medicalSelfPay");
  public static final Var<Boolean> AUTHORISATION_SIGNED = bool("authorisationSigned");
  public static final Var<String> VERIFY_FINDINGS = string("verifyFindings");
  /** 收入大幅缩减: a collapse of income the past 12 months do not show yet. */
  public static final Var<Boolean> SHARP_INCOME_DROP = bool("sharpIncomeDrop");

  // green channel
  public static final Var<Boolean> GREEN_CHANNEL_REQUESTED = bool("greenChannelRequested");
  public static final Var<Boolean> GREEN_CHANNEL_STARTED = bool("greenChannelStarted");
  /** The village asks for the green channel at 入户核实 (greenChannelRequested is the signal's, the system's). */
  public static final Var<Boolean> GREEN_CHANNEL_ASKED = bool("greenChannelAsked");
  public static final Var<String> URGENT_MEASURES = string("urgentMeasures");

  // eligibility (DMN)
  public static final Var<Boolean> ELIGIBLE = bool("eligible");
  public static final Var<String> HOUSEHOLD_TYPE = string("householdType");
  public static final Var<String> ELIGIBILITY_REASON = string("eligibilityReason");
  public static final Var<Double> PER_CAPITA_INCOME = doubleVar("perCapitaIncome");
  public static final Var<Double> ADJUSTED_PER_CAPITA_INCOME = doubleVar("adjustedPerCapitaIncome");
  public static final Var<Double> INCOME_THRESHOLD = doubleVar("incomeThreshold");
  /** Where the line comes from (the threshold table's row), shown with it. */
  public static final Var<String> LINE_SOURCE = string("lineSource");
  /** Why the income test stopped (the missing line or months), for the task that resolves it. */
  public static final Var<String> ASSESSMENT_PROBLEM = string("assessmentProblem");
  /** The months the village adds: one line per month, "2026-03 1500 200". */
  public static final Var<String> INCOME_LINES = string("incomeLines");
  public static final Var<String> INCOME_DECISION = string("incomeDecision");
  public static final Var<String> LINE_DECISION = string("lineDecision");
  public static final Var<String> LINE_NOTE = string("lineNote");
  public static final Var<String> INCOME_NOTE = string("incomeNote");

  // decisions of each step (form fields) and their reasons
  public static final Var<String> APPLICATION_DECISION = string("applicationDecision");
  public static final Var<String> APPLICATION_REASON = string("applicationReason");
  public static final Var<String> VERIFY_DECISION = string("verifyDecision");
  public static final Var<String> VERIFY_REASON = string("verifyReason");
  public static final Var<String> GREEN_CHANNEL_DECISION = string("greenChannelDecision");
  public static final Var<String> GREEN_CHANNEL_REASON = string("greenChannelReason");
  public static final Var<String> ASSET_CHECK_RESULT = string("assetCheckResult");
  public static final Var<String> ASSET_CHECK_REASON = string("assetCheckReason");
  public static final Var<String> REVIEW_DECISION = string("reviewDecision");
  public static final Var<String> REVIEW_REASON = string("reviewReason");
  public static final Var<String> OBJECTION_TEXT = string("objectionText");
  public static final Var<String> OUT_OF_RANGE_DECISION = string("outOfRangeDecision");
  public static final Var<String> OUT_OF_RANGE_REASON = string("outOfRangeReason");
  /** The household type the township proposes when it goes on against the rules' hint (householdType is the system's). */
  public static final Var<String> PROPOSED_HOUSEHOLD_TYPE = string("proposedHouseholdType");
  public static final Var<String> TOWNSHIP_DECISION = string("townshipDecision");
  public static final Var<String> TOWNSHIP_REASON = string("townshipReason");
  public static final Var<String> COUNTY_DECISION = string("countyDecision");
  public static final Var<String> COUNTY_REASON = string("countyReason");

  // set by the decision audit on every decision
  public static final Var<String> REJECT_REASON = string("rejectReason");
  public static final Var<String> REJECTED_BY = string("rejectedBy");
  public static final Var<String> REJECTED_STEP = string("rejectedStep");

  /** INCLUDED or REJECTED: how the identification ended, for the case process that called it. */
  public static final Var<String> IDENTIFICATION_OUTCOME = string("identificationOutcome");
  public static final String OUTCOME_INCLUDED = "INCLUDED";
  public static final String OUTCOME_REJECTED = "REJECTED";

  public static final List<Var<?>> ALL = List.of(IDENTIFICATION_OUTCOME, CASE_ID, HOUSEHOLD_ID, VILLAGE_CODE, TOWNSHIP_CODE, COUNTY_CODE,
      CHANNEL, RISK_TYPES, RISK_TYPE_LABELS, IDENTIFICATION_DEADLINE, NOTICE_DURATION, UNSAFE_HOUSING, UNSAFE_WATER, DROPOUT_RISK,
      NO_MEDICAL_INSURANCE, MEDICAL_SELF_PAY, AUTHORISATION_SIGNED, VERIFY_FINDINGS, SHARP_INCOME_DROP,
      LINE_SOURCE, ASSESSMENT_PROBLEM, INCOME_LINES, INCOME_DECISION, LINE_DECISION, LINE_NOTE, INCOME_NOTE, OUT_OF_RANGE_DECISION,
      OUT_OF_RANGE_REASON, PROPOSED_HOUSEHOLD_TYPE, GREEN_CHANNEL_ASKED, GREEN_CHANNEL_REQUESTED,
      GREEN_CHANNEL_STARTED, URGENT_MEASURES, ELIGIBLE, HOUSEHOLD_TYPE, ELIGIBILITY_REASON, PER_CAPITA_INCOME,
      ADJUSTED_PER_CAPITA_INCOME, INCOME_THRESHOLD, APPLICATION_DECISION, APPLICATION_REASON, VERIFY_DECISION,
      VERIFY_REASON, GREEN_CHANNEL_DECISION, GREEN_CHANNEL_REASON, ASSET_CHECK_RESULT, ASSET_CHECK_REASON,
      REVIEW_DECISION, REVIEW_REASON, OBJECTION_TEXT, TOWNSHIP_DECISION, TOWNSHIP_REASON, COUNTY_DECISION,
      COUNTY_REASON, DECIDED_BY, REJECT_REASON, REJECTED_BY, REJECTED_STEP);

  private RiskIdentification() {
  }
}
