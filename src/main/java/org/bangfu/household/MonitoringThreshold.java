package org.bangfu.household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The year's monitoring line of a province, from the DMN {@code Decision_MonitoringThreshold}. */
@Component
public class MonitoringThreshold {

  public static final String DECISION = "Decision_MonitoringThreshold";

  private final DecisionService decisionService;

  public MonitoringThreshold(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** 元 per person and year, two decimals. */
  public BigDecimal of(String provinceCode, int year) {
    Number value = decisionService.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables().putValue("provinceCode", provinceCode).putValue("year", year))
        .evaluate().getSingleResult().getEntry("incomeThreshold");
    return BigDecimal.valueOf(value.doubleValue()).setScale(2, RoundingMode.HALF_UP);
  }
}
