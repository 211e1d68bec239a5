package org.bangfu.measure;

import static org.bangfu.shared.Var.doubleVar;
import static org.bangfu.shared.Var.string;

import java.util.List;
import org.bangfu.shared.Var;

/**
 * MeasureImplementationProcess (帮扶措施落实与跟踪回访): the plan's measures delivered in parallel by their
 * departments while the village cadre visits the household on a cycle; its key, element ids and variables.
 */
public final class MeasureImplementation {

  public static final String KEY = "MeasureImplementationProcess";

  public static final String ISSUE_MEASURES = "Activity_IssueMeasures";
  public static final String DELIVER_MEASURES = "Activity_DeliverMeasures";
  public static final String VISIT_DUE = "Event_VisitDue";
  public static final String FOLLOW_UP_VISIT = "Activity_FollowUpVisit";
  public static final String RECORD_VISIT = "Activity_RecordVisit";
  public static final String READY_FOR_EXIT = "Event_ReadyForExitReview";
  public static final String PLAN_REVISION_NEEDED = "Event_PlanRevisionNeeded";

  /** yyyy-MM: the month whose income the cadre observed. */
  public static final Var<String> VISIT_PERIOD = string("visitPeriod");
  public static final Var<Double> VISIT_NET_INCOME = doubleVar("visitNetIncome");
  public static final Var<Double> VISIT_RIGID_SPENDING = doubleVar("visitRigidSpending");
  /** The month's income by its four kinds, when the cadre records them (all four; their sum the net income). */
  public static final Var<Double> VISIT_BUSINESS_INCOME = doubleVar("visitBusinessIncome");
  public static final Var<Double> VISIT_WAGE_INCOME = doubleVar("visitWageIncome");
  public static final Var<Double> VISIT_PROPERTY_INCOME = doubleVar("visitPropertyIncome");
  public static final Var<Double> VISIT_TRANSFER_INCOME = doubleVar("visitTransferIncome");
  public static final Var<String> VISIT_CHANGES = string("visitChanges");
  /** CONTINUE, NEW_RISK (revise the plan) or PROPOSE_EXIT (start the exit review). */
  public static final Var<String> VISIT_OUTCOME = string("visitOutcome");

  public static final List<Var<?>> ALL = List.of(VISIT_PERIOD, VISIT_NET_INCOME, VISIT_RIGID_SPENDING,
      VISIT_BUSINESS_INCOME, VISIT_WAGE_INCOME, VISIT_PROPERTY_INCOME, VISIT_TRANSFER_INCOME, VISIT_CHANGES,
      VISIT_OUTCOME);

  private MeasureImplementation() {
  }
}
