package org.bangfu.household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.MissingSettingException;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The year's monitoring line of a village's province (or of its city, where a city publishes its own), from the DMN
 * {@code Decision_MonitoringThreshold}. A year without a line is a {@link MissingSettingException}: never another
 * year's line or the national floor.
 */
@Component
public class MonitoringThreshold {

  public static final String DECISION = "Decision_MonitoringThreshold";

  /** The line of one province or city and year, with last year's rural disposable income and where both come from. */
  public record Line(BigDecimal incomeThreshold, BigDecimal ruralIncomeLastYear, String source) {
  }

  private final DecisionService decisionService;

  public MonitoringThreshold(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** The variables the threshold table reads for a village and year. */
  public static Map<String, Object> inputs(RegionCode village, int year) {
    return Map.of("provinceCode", village.province(), "cityCode", village.city(), "year", year);
  }

  /** The line for the village's province or city in the year; stops with a message when none is configured. */
  public Line of(RegionCode village, int year) {
    DmnDecisionResultEntries row = decisionService.evaluateDecisionByKey(DECISION)
        .variables(Variables.fromMap(inputs(village, year))).evaluate().getFirstResult();
    return lineOf(row == null ? null : row.getEntryMap(), village, year);
  }

  /** The line from a row of the table (the engine's or a parsed draft's), or the stop when there is none. */
  public static Line lineOf(Map<String, Object> row, RegionCode village, int year) {
    Object threshold = row == null ? null : row.get("incomeThreshold");
    Object ruralIncome = row == null ? null : row.get("ruralIncomeLastYear");
    if (!(threshold instanceof Number line) || !(ruralIncome instanceof Number rural)) {
      throw missing(village, year);
    }
    Object source = row.get("lineSource");
    return new Line(money(line), money(rural), source == null ? "未注明来源" : source.toString());
  }

  public static MissingSettingException missing(RegionCode village, int year) {
    return new MissingSettingException("省份代码 " + village.province() + "（地市 " + village.city() + "）" + year
        + " 年的监测收入线尚未配置：请流程管理员在决策表“监测收入线（按省份、年度）”中按本省公布的标准补充，"
        + "补充前不做收入测算，也不沿用其他年份或全国底线");
  }

  private static BigDecimal money(Number value) {
    return BigDecimal.valueOf(value.doubleValue()).setScale(2, RoundingMode.HALF_UP);
  }
}
