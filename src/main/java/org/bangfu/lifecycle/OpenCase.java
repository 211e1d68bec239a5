package org.bangfu.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bangfu.catalogue.Channel;

/**
 * The command that opens a case: which household, through which channel (发现渠道), with which risks and facts. One
 * factory per way a case comes in; the case API builds it from the signed-in user's request.
 *
 * @param sharpIncomeDrop 收入大幅缩减: income collapsed (job lost, harvest or prices failed), not yet in the 12 months
 * @param urgentMeasures measure codes to start at once through the green channel (disaster, accident…)
 * @param signal the department's data, for a {@code DEPARTMENT_SIGNAL}
 * @param pushRecordId the department's pushed row (bf_push_record) the case comes from; only the import sets it
 */
public record OpenCase(Long householdId, String channel, List<String> riskTypes, LocalDate signalDate,
    Boolean unsafeHousing, Boolean unsafeWater, Boolean dropoutRisk, Boolean noMedicalInsurance,
    BigDecimal medicalSelfPay, Boolean sharpIncomeDrop, Boolean urgent, List<String> urgentMeasures, DepartmentSignal signal,
    Long pushRecordId) {

  /** What a department pushed about the household: who, which kind of event, the rule that fired, an amount. */
  public record DepartmentSignal(String department, String kind, String detail, BigDecimal amount) {
  }

  /** 基层干部排查: a cadre's screening (the quarterly warning list, the yearly concentrated screening) found risks. */
  public static OpenCase cadreScreening(Long householdId, List<String> riskTypes) {
    return new OpenCase(householdId, Channel.CADRE_SCREENING.name(), riskTypes, null, null, null, null, null, null,
        null, false, List.of(), null, null);
  }

  /**
   * 部门筛查预警: a department's pushed row flagged the household. The housing, water and schooling facts follow from
   * the row's risk; a medical push carries the self-paid amount.
   */
  public static OpenCase departmentPush(Long householdId, String riskType, DepartmentSignal signal,
      BigDecimal medicalSelfPay, Long pushRecordId) {
    return new OpenCase(householdId, Channel.DEPARTMENT_SIGNAL.name(), List.of(riskType), null,
        "HOUSING".equals(riskType), "WATER".equals(riskType), "SCHOOLING".equals(riskType), null, medicalSelfPay,
        null, false, List.of(), signal, pushRecordId);
  }
}
