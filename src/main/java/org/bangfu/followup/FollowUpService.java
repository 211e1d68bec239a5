package org.bangfu.followup;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.household.HouseholdApi.IncomeRequest;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IncomeKind;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.measure.MeasureImplementation;
import org.bangfu.measure.MeasureService;
import org.bangfu.shared.EngineClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up visits (回访) by the village cadre: the observed income of a month goes into the household's income
 * record (which the exit review reads), the visit itself is kept as it was entered.
 */
@Service
public class FollowUpService {

  public static final String CONTINUE = "CONTINUE";
  public static final String NEW_RISK = "NEW_RISK";
  public static final String PROPOSE_EXIT = "PROPOSE_EXIT";

  static final BigDecimal MAX_MONTHLY = new BigDecimal("10000000");

  private final MeasureService measures;
  private final VisitMapper visits;
  private final CaseFileService caseFiles;
  private final HouseholdService households;

  public FollowUpService(VisitMapper visits, CaseFileService caseFiles, HouseholdService households,
      MeasureService measures) {
    this.measures = measures;
    this.visits = visits;
    this.caseFiles = caseFiles;
    this.households = households;
  }

  /** A month's four kinds of income as a visit records them; all null when not recorded by kind. */
  public record Kinds(Double business, Double wage, Double property, Double transfer) {

    public static final Kinds NONE = new Kinds(null, null, null, null);

    boolean given() {
      return business != null || wage != null || property != null || transfer != null;
    }
  }

  /** Records a visit; a wrong entry refuses the completion with the field and the reason (nothing written). */
  @Transactional
  public Visit record(Long caseId, String period, Double netIncome, Double rigidSpending, String changes,
      String outcome, String visitedBy) {
    return record(caseId, period, netIncome, rigidSpending, Kinds.NONE, changes, outcome, visitedBy);
  }

  /** {@link #record} with the month's income by its four kinds, which must add up to its net income. */
  @Transactional
  public Visit record(Long caseId, String period, Double netIncome, Double rigidSpending, Kinds kinds,
      String changes, String outcome, String visitedBy) {
    YearMonth month = month(period);
    YearMonth now = YearMonth.from(EngineClock.today());
    if (month.isAfter(now) || month.isBefore(now.minusMonths(12))) {
      throw new InvalidDecisionException(MeasureImplementation.VISIT_PERIOD.name(),
          "收入月份应为最近12个月内、不晚于本月");
    }
    BigDecimal net = amount(MeasureImplementation.VISIT_NET_INCOME.name(), "当月家庭纯收入", netIncome);
    BigDecimal rigid = amount(MeasureImplementation.VISIT_RIGID_SPENDING.name(), "当月合规自付支出",
        rigidSpending == null ? 0d : rigidSpending);
    BigDecimal[] byKind = kinds(kinds, net);
    String text = changes == null || changes.isBlank() ? null : changes.trim();
    if (text != null && text.length() > 1000) {
      throw new InvalidDecisionException(MeasureImplementation.VISIT_CHANGES.name(), "变化情况不能超过1000字");
    }
    if (PROPOSE_EXIT.equals(outcome)) {
      // the exit review waits for every open measure; until then the household keeps being visited
      List<String> open = measures.forCase(caseId).stream().filter(m -> MeasureService.OPEN.equals(m.getStatus()))
          .map(m -> MeasureCode.valueOf(m.getMeasureCode()).label()).toList();
      if (!open.isEmpty()) {
        throw new InvalidDecisionException(MeasureImplementation.VISIT_OUTCOME.name(), "还有 " + open.size()
            + " 项帮扶措施尚未落实（" + String.join("、", open) + "），落实后才能建议风险消除；本次请选择“继续帮扶”");
      }
    }
    CaseFile caseFile = caseFiles.find(caseId);
    households.recordMonthlyIncome(caseFile.getHouseholdId(), new IncomeRequest(month.toString(), net, rigid,
        "回访登记", byKind[0], byKind[1], byKind[2], byKind[3]));
    Visit visit = new Visit(null, caseId, EngineClock.today(), month.toString(), net, rigid, text, outcome,
        visitedBy, EngineClock.now());
    visits.insert(visit);
    return visit;
  }

  public List<Visit> forCase(Long caseId) {
    return visits.findByCase(caseId);
  }

  private static YearMonth month(String period) {
    try {
      return YearMonth.parse(period == null ? "" : period.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidDecisionException(MeasureImplementation.VISIT_PERIOD.name(),
          "收入月份格式应为 年-月，例如 " + YearMonth.from(EngineClock.today()).minusMonths(1));
    }
  }

  /**
   * The four kinds, checked: none, or all four — wages and transfers not negative, business and property income may
   * be a loss — adding up to the month's net income.
   */
  private static BigDecimal[] kinds(Kinds kinds, BigDecimal net) {
    if (kinds == null || !kinds.given()) {
      return new BigDecimal[4];
    }
    Double[] values = {kinds.business(), kinds.wage(), kinds.property(), kinds.transfer()};
    String[] fields = {MeasureImplementation.VISIT_BUSINESS_INCOME.name(), MeasureImplementation.VISIT_WAGE_INCOME
        .name(), MeasureImplementation.VISIT_PROPERTY_INCOME.name(), MeasureImplementation.VISIT_TRANSFER_INCOME.name()};
    BigDecimal[] amounts = new BigDecimal[4];
    for (int k = 0; k < 4; k++) {
      IncomeKind kind = IncomeKind.values()[k];
      if (values[k] == null) {
        throw new InvalidDecisionException(fields[k], "按四类登记收入时四项都要填写（没有的填0）：请填写" + kind.label());
      }
      amounts[k] = BigDecimal.valueOf(values[k]).setScale(2, java.math.RoundingMode.HALF_UP);
      if (!kind.mayBeLoss() && amounts[k].signum() < 0 || amounts[k].abs().compareTo(MAX_MONTHLY) > 0) {
        throw new InvalidDecisionException(fields[k], kind.label() + (kind.mayBeLoss() ? "应在正负1000万元之间"
            : "应在0到1000万元之间"));
      }
    }
    BigDecimal sum = amounts[0].add(amounts[1]).add(amounts[2]).add(amounts[3]);
    if (sum.compareTo(net) != 0) {
      throw new InvalidDecisionException(MeasureImplementation.VISIT_NET_INCOME.name(), "四类收入之和为 "
          + sum.stripTrailingZeros().toPlainString() + " 元，与当月家庭纯收入 " + net.stripTrailingZeros().toPlainString()
          + " 元不一致");
    }
    return amounts;
  }

  private static BigDecimal amount(String field, String label, Double value) {
    if (value == null) {
      throw new InvalidDecisionException(field, "请填写" + label);
    }
    BigDecimal amount = BigDecimal.valueOf(value);
    if (amount.signum() < 0 || amount.compareTo(MAX_MONTHLY) > 0) {
      throw new InvalidDecisionException(field, label + "应在0到1000万元之间");
    }
    return amount;
  }
}
