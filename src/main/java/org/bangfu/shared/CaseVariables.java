package org.bangfu.shared;

import java.util.List;

/**
 * The variables every process of a case carries: which case and household, the household's region (the candidate
 * groups of each level are built from it), and who took the last decision. AssistanceCaseProcess passes them into
 * each stage it calls; ModelConsistencyTest checks that every call activity does.
 */
public final class CaseVariables {

  public static final Var<Long> CASE_ID = Var.longVar("caseId");
  public static final Var<Long> HOUSEHOLD_ID = Var.longVar("householdId");
  public static final Var<String> VILLAGE_CODE = Var.string("villageCode");
  public static final Var<String> TOWNSHIP_CODE = Var.string("townshipCode");
  public static final Var<String> COUNTY_CODE = Var.string("countyCode");
  /** Set by the decision audit on every deciding step, in any process: the user who completed it. */
  public static final Var<String> DECIDED_BY = Var.string("decidedBy");

  /**
   * Whose case a task is about, as Tasklist reads it: the title (户主 · 乡镇村 · 案件编号) and the step's key fact on the
   * task cards (the standard filters list them), and the summary every form opens with. They are never engine
   * variables: the engine's answers are completed with them on their way out, from the case file and the registry.
   */
  public static final Var<String> CASE_TITLE = Var.string("caseTitle");
  public static final Var<String> CASE_FACT = Var.string("caseFact");
  public static final Var<String> CASE_SUMMARY = Var.string("caseSummary");

  /**
   * Why the village cadre is asked to re-assess a monitored or tracked household now: a department's flagged event
   * (department, rule, date — no personal data), shown on the visit or the tracking check it brought forward.
   */
  public static final Var<String> REASSESS_REASON = Var.string("reassessReason");

  /**
   * Task-local, on a task a step was returned to (退回): why, in the returning person's words (set by approval's
   * TaskReturn; the message it causes is a 退回, not a new task).
   */
  public static final Var<String> RETURN_NOTE = Var.string("returnNote");

  /** The region and identity of the case, passed into every called stage. */
  public static final List<Var<?>> PASSED_TO_STAGES = List.of(CASE_ID, HOUSEHOLD_ID, VILLAGE_CODE, TOWNSHIP_CODE,
      COUNTY_CODE);

  public static final List<Var<?>> ALL = List.of(CASE_ID, HOUSEHOLD_ID, VILLAGE_CODE, TOWNSHIP_CODE, COUNTY_CODE,
      DECIDED_BY, REASSESS_REASON);

  private CaseVariables() {
  }
}
