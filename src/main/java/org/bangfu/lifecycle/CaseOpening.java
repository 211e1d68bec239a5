package org.bangfu.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.Channel;
import org.bangfu.catalogue.Department;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.catalogue.RiskType;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdService;
import org.bangfu.identification.IdentificationProperties;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.WorkingDayCalendar;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case ({@link OpenCase}): checks the signal, writes the case file and its first audit rows and starts the
 * case's AssistanceCaseProcess, whose first call activity is the identification.
 */
@Service
public class CaseOpening {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

  private final HouseholdService households;
  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;
  private final RegionAccess access;
  private final IdentificationProperties properties;
  private final WorkingDayCalendar calendar;

  public CaseOpening(HouseholdService households, CaseFileService caseFiles, RuntimeService runtimeService,
      RegionAccess access, IdentificationProperties properties, WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.households = households;
    this.caseFiles = caseFiles;
    this.runtimeService = runtimeService;
    this.access = access;
    this.properties = properties;
  }

  /**
   * Opens a case for a risk signal and starts its identification. The case row, the audit entry and the process
   * instance are written in one transaction: a refused signal leaves nothing behind.
   */
  @Transactional
  public CaseFile open(OpenCase request, BangfuUser user) {
    Long pushRecordId = request == null ? null : request.pushRecordId();
    if (request == null || request.householdId() == null) {
      throw InvalidInputException.of("householdId", "请选择农户");
    }
    Household household;
    try {
      household = households.find(request.householdId());
    } catch (NotFoundException e) {
      throw InvalidInputException.of("householdId", "农户不存在，或不在您的辖区内");
    }
    Channel channel = parseChannel(request.channel());
    // a department's pushed row may open a case in its county (the import); through the API a user acts only on
    // households they may see — the same answer as GET /api/households/{id}
    boolean departmentPush = pushRecordId != null && channel == Channel.DEPARTMENT_SIGNAL
        && access.isDepartmentOf(user, household.getVillageCode());
    if (!access.canSee(user, household.getVillageCode()) && !departmentPush) {
      throw InvalidInputException.of("householdId", "农户不存在，或不在您的辖区内");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<RiskType> riskTypes = parseRiskTypes(errors, request.riskTypes());
    LocalDate signalDate = request.signalDate() == null ? EngineClock.today() : request.signalDate();
    if (signalDate.isAfter(EngineClock.today()) || signalDate.isBefore(EngineClock.today().minusYears(1))) {
      errors.add(new FieldError("signalDate", "发现日期应在一年内且不晚于今天"));
    }
    if (request.medicalSelfPay() != null
        && (request.medicalSelfPay().signum() < 0 || request.medicalSelfPay().compareTo(MAX_AMOUNT) > 0)) {
      errors.add(new FieldError("medicalSelfPay", "医疗自付费用应在0到1亿元之间"));
    }
    boolean urgent = Boolean.TRUE.equals(request.urgent());
    List<MeasureCode> urgentMeasures = MeasureCode.parse(errors, "urgentMeasures", request.urgentMeasures());
    // an 应急 push of a disaster reaches the green channel by itself: the village and the township still confirm it
    if (!urgent && channel == Channel.DEPARTMENT_SIGNAL && request.signal() != null
        && Department.EMERGENCY.name().equals(request.signal().department())
        && riskTypes.stream().anyMatch(properties.greenChannelRiskTypes()::contains)) {
      urgent = true;
      urgentMeasures = properties.emergencyPushMeasures();
    }
    if (urgent && riskTypes.stream().noneMatch(properties.greenChannelRiskTypes()::contains)) {
      errors.add(new FieldError("urgent", "绿色通道仅适用于"
          + String.join("、", properties.greenChannelRiskTypes().stream().map(RiskType::label).toList()) + "等急难情形"));
    }
    if (urgent && urgentMeasures.isEmpty()) {
      errors.add(new FieldError("urgentMeasures", "申请绿色通道时请选择需要立即启动的帮扶措施"));
    }
    if (channel == Channel.DEPARTMENT_SIGNAL) {
      validateDepartmentSignal(errors, request.signal());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (caseFiles.hasOpenCase(household.getId())) {
      throw new ConflictException("该户已有正在识别或监测中的案件，新的风险信息请补充到该案件");
    }

    String riskTypeList = String.join(",", riskTypes.stream().map(Enum::name).toList());
    LocalDate deadline = properties.timeLimitWorkingDays()
        ? calendar.plusWorkingDays(signalDate, properties.timeLimitDays())
        : signalDate.plusDays(properties.timeLimitDays());
    // 风险再标注: a new risk after an exit links the new case to the household's earlier, eliminated one
    CaseFile earlier = caseFiles.latestForHousehold(household.getId(), CaseStatus.ELIMINATED);
    CaseFile caseFile = caseFiles.open(household.getId(), household.getVillageCode(), channel.name(), riskTypeList,
        signalDate, deadline, user.id(), earlier == null ? null : earlier.getId());
    if (channel == Channel.DEPARTMENT_SIGNAL) {
      var signal = request.signal();
      caseFiles.recordSignal(caseFile.getId(), signal.department(), signal.kind(), signal.detail(), signal.amount(),
          pushRecordId);
    }
    caseFiles.audit(caseFile.getId(), "Event_SignalReceived", "收到风险线索", "OPENED",
        channel.label() + "：" + String.join("、", riskTypes.stream().map(RiskType::label).toList()), user.id(),
        null);
    if (earlier != null) {
      caseFiles.audit(caseFile.getId(), "Event_SignalReceived", "风险再标注", "RELAPSE",
          "该户曾于" + earlier.getClosedAt().toLocalDate() + "风险消除（案件 " + earlier.getBusinessKey()
              + "），出现新的风险，重新识别", user.id(), null);
      caseFiles.audit(earlier.getId(), "Event_SignalReceived", "风险再标注", "RELAPSE",
          "出现新的风险，已重新识别：案件 " + caseFile.getBusinessKey(), user.id(), null);
    }

    VariableMap variables = AssistanceCase.caseVariables(caseFile);
    RiskIdentification.CHANNEL.put(variables, channel.name());
    RiskIdentification.IDENTIFICATION_DEADLINE.put(variables,
        Date.from(deadline.atStartOfDay(ZoneId.systemDefault()).toInstant()));
    RiskIdentification.NOTICE_DURATION.put(variables, properties.noticeDuration().toString());
    RiskIdentification.UNSAFE_HOUSING.put(variables, Boolean.TRUE.equals(request.unsafeHousing()));
    RiskIdentification.UNSAFE_WATER.put(variables, Boolean.TRUE.equals(request.unsafeWater()));
    RiskIdentification.DROPOUT_RISK.put(variables, Boolean.TRUE.equals(request.dropoutRisk()));
    RiskIdentification.NO_MEDICAL_INSURANCE.put(variables, Boolean.TRUE.equals(request.noMedicalInsurance()));
    RiskIdentification.MEDICAL_SELF_PAY.put(variables,
        request.medicalSelfPay() == null ? 0d : request.medicalSelfPay().doubleValue());
    RiskIdentification.SHARP_INCOME_DROP.put(variables, Boolean.TRUE.equals(request.sharpIncomeDrop()));
    RiskIdentification.GREEN_CHANNEL_REQUESTED.put(variables, urgent);
    RiskIdentification.GREEN_CHANNEL_STARTED.put(variables, false);
    RiskIdentification.GREEN_CHANNEL_ASKED.put(variables, false);
    RiskIdentification.URGENT_MEASURES.put(variables,
        String.join(",", urgentMeasures.stream().map(Enum::name).toList()));
    // the whole case runs as AssistanceCaseProcess; identification is its first call activity
    String instanceId = runtimeService.startProcessInstanceByKey(AssistanceCase.KEY, caseFile.getBusinessKey(),
        variables).getId();
    caseFiles.attachProcess(caseFile, instanceId);
    return caseFile;
  }

  private static Channel parseChannel(String value) {
    try {
      return Channel.valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.of("channel",
          "发现渠道应为 SELF_APPLICATION（农户自主申报）、CADRE_SCREENING（基层干部排查）或 DEPARTMENT_SIGNAL（部门筛查预警）");
    }
  }

  private static Set<RiskType> parseRiskTypes(List<FieldError> errors, List<String> values) {
    Set<RiskType> types = new LinkedHashSet<>();
    if (values == null || values.isEmpty()) {
      errors.add(new FieldError("riskTypes", "请至少选择一种风险类型"));
      return types;
    }
    for (String value : values) {
      try {
        types.add(RiskType.valueOf(value));
      } catch (IllegalArgumentException | NullPointerException e) {
        errors.add(new FieldError("riskTypes", "未知的风险类型：" + value));
      }
    }
    return types;
  }

  private static void validateDepartmentSignal(List<FieldError> errors, OpenCase.DepartmentSignal signal) {
    if (signal == null) {
      errors.add(new FieldError("signal", "部门预警须附上部门推送的数据"));
      return;
    }
    try {
      Department.valueOf(signal.department());
    } catch (IllegalArgumentException | NullPointerException e) {
      errors.add(new FieldError("signal.department", "未知的推送部门：" + signal.department()));
    }
    if (signal.kind() == null || signal.kind().isBlank() || signal.kind().length() > 32) {
      errors.add(new FieldError("signal.kind", "请填写预警类别（不超过32字）"));
    }
    if (signal.detail() != null && signal.detail().length() > 500) {
      errors.add(new FieldError("signal.detail", "预警说明不能超过500字"));
    }
    if (signal.amount() != null && (signal.amount().signum() < 0 || signal.amount().compareTo(MAX_AMOUNT) > 0)) {
      errors.add(new FieldError("signal.amount", "金额应在0到1亿元之间"));
    }
  }
}
