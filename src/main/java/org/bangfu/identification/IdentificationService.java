package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casefile.CaseStatus;
import org.bangfu.exit.ExitReview;
import org.bangfu.household.Household;
import org.bangfu.lifecycle.AssistanceCase;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IncomeTest;
import org.bangfu.identification.IdentificationApi.SignalRequest;
import org.bangfu.process.EngineClock;
import org.bangfu.measure.Department;
import org.bangfu.measure.MeasureCode;
import org.bangfu.measure.MeasureService;
import org.bangfu.region.RegionCode;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.web.ConflictException;
import org.bangfu.web.InvalidInputException;
import org.bangfu.web.InvalidInputException.FieldError;
import org.bangfu.web.NotFoundException;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.bangfu.engine.InvalidDecisionException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases from risk signals and carries out the system steps of RiskIdentificationProcess. */
@Service
@EnableConfigurationProperties(IdentificationProperties.class)
public class IdentificationService {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

  private final HouseholdService households;
  private final CaseFileService caseFiles;
  private final MeasureService measures;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final RegionAccess access;
  private final IdentificationProperties properties;
  private final MonitoringThreshold threshold;

  public IdentificationService(HouseholdService households, CaseFileService caseFiles, MeasureService measures,
      RuntimeService runtimeService, DecisionService decisionService, RegionAccess access,
      IdentificationProperties properties, MonitoringThreshold threshold) {
    this.threshold = threshold;
    this.households = households;
    this.caseFiles = caseFiles;
    this.measures = measures;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
    this.access = access;
    this.properties = properties;
  }

  /**
   * Opens a case for a risk signal and starts its identification. The case row, the audit entry and the process
   * instance are written in one transaction: a refused signal leaves nothing behind.
   */
  @Transactional
  public CaseFile open(SignalRequest request, BangfuUser user) {
    return open(request, user, null);
  }

  /** Opens a case for a department's pushed record (bf_push_record), which the case's signal names. */
  @Transactional
  public CaseFile open(SignalRequest request, BangfuUser user, Long pushRecordId) {
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
    List<MeasureCode> urgentMeasures = parseMeasures(errors, "urgentMeasures", request.urgentMeasures());
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
    LocalDate deadline = signalDate.plusDays(properties.timeLimitDays());
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
    RiskIdentification.GREEN_CHANNEL_REQUESTED.put(variables, urgent);
    RiskIdentification.GREEN_CHANNEL_STARTED.put(variables, false);
    RiskIdentification.URGENT_MEASURES.put(variables,
        String.join(",", urgentMeasures.stream().map(Enum::name).toList()));
    // the whole case runs as AssistanceCaseProcess; identification is its first call activity
    String instanceId = runtimeService.startProcessInstanceByKey(AssistanceCase.KEY, caseFile.getBusinessKey(),
        variables).getId();
    caseFiles.attachProcess(caseFile, instanceId);
    return caseFile;
  }

  /** Evaluates the monitoring-range DMN for the case with its registry figures and records the figures. */
  @Transactional
  public Eligibility assess(Long caseId, TriggerFacts facts) {
    CaseFile caseFile = caseFiles.find(caseId);
    IncomeTest test = households.incomeTest(caseFile.getHouseholdId(), caseFile.getSignalDate());
    VariableMap variables = Variables.fromMap(Eligibility.inputs(new RegionCode(caseFile.getVillageCode()).province(),
        caseFile.getSignalDate().getYear(), test, facts));
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(RiskIdentification.DECISION_ELIGIBILITY)
        .variables(variables).evaluate().getSingleResult();
    Eligibility eligibility = new Eligibility(Boolean.TRUE.equals(result.getEntry("eligible")),
        result.getEntry("householdType"), result.getEntry("eligibilityReason"), test.perCapitaIncome(),
        test.adjustedPerCapitaIncome(), threshold.of(new RegionCode(caseFile.getVillageCode()).province(),
            caseFile.getSignalDate().getYear()));
    caseFile.setHouseholdType(eligibility.householdType());
    caseFile.setPerCapitaIncome(eligibility.perCapitaIncome());
    caseFile.setAdjustedIncome(eligibility.adjustedPerCapitaIncome());
    caseFile.setIncomeThreshold(eligibility.incomeThreshold());
    caseFiles.recordAssessment(caseFile);
    caseFiles.audit(caseId, RiskIdentification.ASSESS_ELIGIBILITY, "监测范围判定",
        eligibility.eligible() ? "IN_RANGE" : "OUT_OF_RANGE",
        eligibility.reason() + "（人均纯收入 " + test.perCapitaIncome() + " 元，扣除合规自付支出后 "
            + test.adjustedPerCapitaIncome() + " 元，监测线 " + eligibility.incomeThreshold() + " 元，收入记录 "
            + test.monthsRecorded() + " 个月）",
        CaseFileService.SYSTEM, null);
    return eligibility;
  }

  /** Green channel: the township confirmed; the urgent measures start now, before the county decides. */
  @Transactional
  public void startUrgentMeasures(Long caseId, String measureList, String confirmedBy) {
    List<FieldError> errors = new ArrayList<>();
    List<MeasureCode> codes = parseMeasures(errors, "urgentMeasures",
        measureList == null ? List.of() : List.of(measureList.split("[,，\\s]+")));
    if (!errors.isEmpty() || codes.isEmpty()) {
      throw new InvalidDecisionException(RiskIdentification.URGENT_MEASURES.name(),
          "紧急帮扶措施填写有误：" + (errors.isEmpty() ? "未选择措施" : errors.get(0).message()));
    }
    measures.startUrgent(caseId, codes);
    caseFiles.audit(caseId, RiskIdentification.START_URGENT_MEASURES, "立即启动紧急帮扶措施", "STARTED",
        String.join("、", codes.stream().map(MeasureCode::label).toList()), confirmedBy, null);
  }

  public void noticePublished(Long caseId, String duration) {
    caseFiles.audit(caseId, RiskIdentification.PUBLISH_NOTICE, "村内公示", "PUBLISHED",
        "公示期 " + java.time.Duration.parse(duration).toDays() + " 天，公示内容不含身份证号、电话、银行及健康信息",
        CaseFileService.SYSTEM, null);
  }

  @Transactional
  public void include(Long caseId, String householdType, String decidedBy) {
    caseFiles.decide(caseId, CaseStatus.MONITORED, householdType, decidedBy, "县级审定纳入监测");
    caseFiles.audit(caseId, RiskIdentification.RECORD_INCLUSION, "纳入监测对象", "INCLUDED", householdType,
        decidedBy, null);
  }

  /** 不予纳入: the case, the reason and who decided are kept; urgent measures already given stay recorded. */
  @Transactional
  public void reject(Long caseId, String rejectedBy, String step, String reason) {
    String text = (step == null ? "" : step + "：") + (reason == null ? "" : reason);
    caseFiles.decide(caseId, CaseStatus.REJECTED, null, rejectedBy == null ? CaseFileService.SYSTEM : rejectedBy,
        text);
    measures.cancelOpen(caseId, text);
    caseFiles.audit(caseId, RiskIdentification.RECORD_REJECTION, "不予纳入", "REJECTED", text,
        rejectedBy == null ? CaseFileService.SYSTEM : rejectedBy, null);
  }

  /**
   * An objection raised during a public notice (of the inclusion or of the exit) sends the case back to the village
   * democratic review.
   */
  @Transactional
  public void raiseObjection(Long caseId, String content, BangfuUser user) {
    CaseFile caseFile = caseFiles.find(caseId);
    access.requireVisible(user, caseFile.getVillageCode(), "案件");
    if (content == null || content.isBlank() || content.length() > 1000) {
      throw InvalidInputException.of("content", "请填写异议内容（不超过1000字）");
    }
    // the notice waits in a called instance (identification or exit review) with the case's business key
    for (String[] notice : List.of(
        new String[] {RiskIdentification.MESSAGE_OBJECTION, RiskIdentification.OBJECTION_TEXT.name()},
        new String[] {ExitReview.MESSAGE_OBJECTION, ExitReview.OBJECTION_TEXT.name()})) {
      Execution waiting = runtimeService.createExecutionQuery()
          .processInstanceBusinessKey(caseFile.getBusinessKey())
          .messageEventSubscriptionName(notice[0]).singleResult();
      if (waiting != null) {
        runtimeService.createMessageCorrelation(notice[0])
            .processInstanceId(waiting.getProcessInstanceId())
            .setVariables(Map.of(notice[1], content.trim()))
            .correlate();
        caseFiles.audit(caseId, "Event_ObjectionRaised", "公示期间有异议", "OBJECTION", content.trim(), user.id(),
            null);
        return;
      }
    }
    throw new ConflictException("该案件当前不在公示期，不能登记公示异议");
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

  static List<MeasureCode> parseMeasures(List<FieldError> errors, String field, List<String> values) {
    List<MeasureCode> codes = new ArrayList<>();
    if (values == null) {
      return codes;
    }
    for (String value : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      try {
        MeasureCode code = MeasureCode.valueOf(value.trim());
        if (!codes.contains(code)) {
          codes.add(code);
        }
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field, "未知的帮扶措施：" + value));
      }
    }
    return codes;
  }

  private static void validateDepartmentSignal(List<FieldError> errors, IdentificationApi.DepartmentSignal signal) {
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
