package org.bangfu.lifecycle;

import static org.bangfu.shared.Var.bool;
import static org.bangfu.shared.Var.string;

import java.util.List;
import org.bangfu.casefile.CaseFile;
import org.bangfu.catalogue.RiskType;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * AssistanceCaseProcess: the parent of one case (监测帮扶案件), calling identification, the household plan, the
 * measures and the exit review in turn; its key, element ids and variables.
 */
public final class AssistanceCase {

  public static final String KEY = "AssistanceCaseProcess";

  public static final String IDENTIFICATION = "Activity_Identification";
  public static final String HOUSEHOLD_PLAN = "Activity_HouseholdPlan";
  public static final String MEASURE_IMPLEMENTATION = "Activity_MeasureImplementation";
  public static final String EXIT_REVIEW = "Activity_ExitReview";
  public static final String YEARLY_CHECK_DUE = "Event_YearlyCheckDue";
  public static final String YEARLY_TRACKING_CHECK = "Activity_YearlyTrackingCheck";
  public static final String CASE_REJECTED = "Event_CaseRejected";
  public static final String RISK_ELIMINATED = "Event_RiskEliminated";

  /** MEASURES when a rolled-back 风险消除 mark resumes the case at its measures; empty for a new case. */
  public static final Var<String> RESUME_AT = string("resumeAt");
  public static final String RESUME_AT_MEASURES = "MEASURES";

  /** INCLUDED or REJECTED, from the identification. */
  public static final Var<String> IDENTIFICATION_OUTCOME = RiskIdentification.IDENTIFICATION_OUTCOME;
  /** EXIT_PROPOSED, NEW_RISK or NATURAL_EXIT, from the measure implementation. */
  public static final Var<String> IMPLEMENTATION_OUTCOME = string("implementationOutcome");
  /** ELIMINATED, NOT_YET or TRACKING, from the exit review. */
  public static final Var<String> EXIT_OUTCOME = string("exitOutcome");
  /** With NOT_YET: the reviewers asked for a revised plan, not only more time. */
  public static final Var<Boolean> EXIT_REVISE_PLAN = bool("exitRevisePlan");
  /** Why the plan is being revised (new risk on a visit, exit review, yearly check); shown to the cadre. */
  public static final Var<String> PLAN_REVISION_REASON = string("planRevisionReason");

  // yearly tracking check (持续跟踪) of a no-labour household under the safety net
  public static final Var<String> TRACKING_DECISION = string("trackingDecision");
  public static final Var<String> TRACKING_FINDINGS = string("trackingFindings");
  /** 风险自然消除 (all members died, the household's registration cancelled): what the cadre found. */
  public static final Var<String> NATURAL_EXIT_REASON = string("naturalExitReason");
  public static final String NATURAL_EXIT = "NATURAL_EXIT";
  public static final String RECORD_NATURAL_EXIT = "Activity_RecordNaturalExit";

  public static final List<Var<?>> ALL = List.of(RESUME_AT, IMPLEMENTATION_OUTCOME,
      EXIT_OUTCOME, EXIT_REVISE_PLAN, PLAN_REVISION_REASON, TRACKING_DECISION, TRACKING_FINDINGS, NATURAL_EXIT_REASON);

  /**
   * The references every instance of the case starts with (a new case, and a case resumed after a rollback): case
   * and household, the routing codes of its village, its risk types. No personal data.
   */
  public static VariableMap caseVariables(CaseFile caseFile) {
    RegionCode region = new RegionCode(caseFile.getVillageCode());
    VariableMap variables = Variables.createVariables();
    CaseVariables.CASE_ID.put(variables, caseFile.getId());
    CaseVariables.HOUSEHOLD_ID.put(variables, caseFile.getHouseholdId());
    CaseVariables.VILLAGE_CODE.put(variables, region.village());
    CaseVariables.TOWNSHIP_CODE.put(variables, region.township());
    CaseVariables.COUNTY_CODE.put(variables, region.county());
    RiskIdentification.RISK_TYPES.put(variables, caseFile.getRiskTypes());
    RiskIdentification.RISK_TYPE_LABELS.put(variables, RiskType.labels(caseFile.getRiskTypes()));
    return variables;
  }

  private AssistanceCase() {
  }
}
