package org.bangfu.measure;

import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.COUNTY_CODE;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.shared.Var.doubleVar;
import static org.bangfu.shared.Var.longVar;
import static org.bangfu.shared.Var.string;

import java.util.List;
import org.bangfu.shared.Var;

/** MeasureDeliveryProcess: its key, element ids and variables. */
public final class MeasureDelivery {

  public static final String KEY = "MeasureDeliveryProcess";
  public static final String DELIVER_MEASURE = "Activity_DeliverMeasure";
  public static final String RECORD_MEASURE_RESULT = "Activity_RecordMeasureResult";
  public static final String MEASURE_DONE = "Event_MeasureDone";
  public static final Var<Long> MEASURE_ID = longVar("measureId");
  public static final Var<String> MEASURE_CODE = string("measureCode");
  public static final Var<String> DEPARTMENT = string("department");
  public static final Var<String> DELIVERY_OUTCOME = string("deliveryOutcome");
  public static final Var<String> DELIVERY_RESULT = string("deliveryResult");
  public static final Var<Double> DELIVERED_AMOUNT = doubleVar("deliveredAmount");
  public static final Var<String> EVIDENCE_REF = string("evidenceRef");
  /** The plan's due date of the measure (plan measures only), used as the task's due date. */
  public static final Var<java.util.Date> MEASURE_DUE_DATE = org.bangfu.shared.Var.date("measureDueDate");

  public static final List<Var<?>> ALL = List.of(CASE_ID, MEASURE_ID, MEASURE_CODE, DEPARTMENT, COUNTY_CODE,
      DELIVERY_OUTCOME, DELIVERY_RESULT, DELIVERED_AMOUNT, EVIDENCE_REF, DECIDED_BY, MEASURE_DUE_DATE);

  private MeasureDelivery() {
  }
}
