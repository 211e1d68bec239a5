package org.bangfu.workers.measure;

import static org.bangfu.measure.MeasureDelivery.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import java.math.BigDecimal;
import org.bangfu.measure.MeasureService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordMeasureResult: the department's result (amount paid, job found, house certified…) is kept. */
@Component
public class RecordMeasureResultDelegate implements JavaDelegate {

  private final MeasureService measures;

  public RecordMeasureResultDelegate(MeasureService measures) {
    this.measures = measures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Double amount = DELIVERED_AMOUNT.get(execution);
    measures.recordResult(MEASURE_ID.get(execution), DELIVERY_OUTCOME.get(execution),
        amount == null ? null : BigDecimal.valueOf(amount), DELIVERY_RESULT.get(execution),
        EVIDENCE_REF.get(execution), DECIDED_BY.get(execution));
  }
}
