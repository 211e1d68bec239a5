package org.bangfu.measure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.plan.Plan;
import org.bangfu.plan.PlanMeasure;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.EngineClock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assistance measures of a case; each runs as a MeasureDeliveryProcess routed to its county department. */
@Service
public class MeasureService {

  public static final String OPEN = "OPEN";
  public static final String DELIVERED = "DELIVERED";
  public static final String NOT_DELIVERED = "NOT_DELIVERED";
  public static final String CANCELLED = "CANCELLED";

  private final MeasureMapper measures;
  private final RuntimeService runtimeService;
  private final CaseFileService caseFiles;

  public MeasureService(MeasureMapper measures, RuntimeService runtimeService, CaseFileService caseFiles) {
    this.measures = measures;
    this.runtimeService = runtimeService;
    this.caseFiles = caseFiles;
  }

  /**
   * Green channel: starts each urgent measure at once as a task for its department. A measure the case already
   * has is not started twice (a case returned for re-verification passes here again).
   */
  @Transactional
  public List<Measure> startUrgent(Long caseId, List<MeasureCode> codes) {
    CaseFile caseFile = caseFiles.find(caseId);
    Set<String> existing = measures.findByCase(caseId).stream().map(Measure::getMeasureCode)
        .collect(Collectors.toSet());
    for (MeasureCode code : codes) {
      if (existing.contains(code.name())) {
        continue;
      }
      Measure measure = new Measure();
      measure.setCaseId(caseId);
      measure.setMeasureCode(code.name());
      measure.setDepartment(code.department().name());
      measure.setUrgent(true);
      measure.setStatus(OPEN);
      measure.setCreatedAt(EngineClock.now());
      measures.insert(measure);
      VariableMap variables = Variables.createVariables();
      CaseVariables.CASE_ID.put(variables, caseId);
      MeasureDelivery.MEASURE_ID.put(variables, measure.getId());
      MeasureDelivery.MEASURE_CODE.put(variables, code.name());
      MeasureDelivery.DEPARTMENT.put(variables, code.department().name());
      CaseVariables.COUNTY_CODE.put(variables, caseFile.getCountyCode());
      String instanceId = runtimeService.startProcessInstanceByKey(MeasureDelivery.KEY,
          caseFile.getBusinessKey() + "-M" + measure.getId(), variables).getId();
      measures.attachProcess(measure.getId(), instanceId);
    }
    caseFiles.markGreenChannel(caseId);
    return measures.findByCase(caseId);
  }

  @Transactional
  public void recordResult(Long measureId, String outcome, BigDecimal amount, String result, String evidence,
      String actor) {
    Measure measure = measures.findById(measureId);
    measure.setStatus(DELIVERED.equals(outcome) ? DELIVERED : NOT_DELIVERED);
    measure.setAmount(amount);
    measure.setResult(result);
    measure.setEvidence(evidence);
    measure.setDeliveredBy(actor);
    measure.setDeliveredAt(EngineClock.now());
    if (measures.recordResult(measure) == 0) {
      throw new IllegalStateException("measure " + measureId + " is no longer open");
    }
  }

  /**
   * The case was rejected: measures not yet delivered stop; what was delivered stays recorded, nothing is
   * deleted.
   */
  @Transactional
  public void cancelOpen(Long caseId, String reason) {
    for (Measure measure : measures.findByCase(caseId)) {
      if (OPEN.equals(measure.getStatus()) && measures.cancel(measure.getId()) == 1) {
        if (measure.getProcessInstanceId() != null
            && runtimeService.createProcessInstanceQuery().processInstanceId(measure.getProcessInstanceId())
                .count() > 0) {
          runtimeService.deleteProcessInstance(measure.getProcessInstanceId(), "案件不予纳入：" + reason);
        }
        caseFiles.audit(caseId, "Measure_" + measure.getMeasureCode(),
            MeasureCode.valueOf(measure.getMeasureCode()).label(), CANCELLED, "案件不予纳入，未落实的紧急措施停止",
            CaseFileService.SYSTEM, null);
      }
    }
  }

  /**
   * Issues the approved plan's measures (Activity_IssueMeasures): a plan measure the case has no open or delivered
   * measure of becomes an open measure with the plan's due date; an open measure the revised plan dropped is
   * cancelled (delivered ones stay recorded). The branches of the implementation then deliver every open measure
   * that is not a green-channel measure (those run on their own since identification).
   */
  @Transactional
  public List<Long> issuePlanMeasures(Long caseId, Plan plan) {
    List<Measure> existing = measures.findByCase(caseId);
    Set<String> planned = new java.util.HashSet<>();
    for (PlanMeasure planned1 : plan.getMeasures()) {
      planned.add(planned1.getMeasureCode());
      Measure current = existing.stream()
          .filter(m -> m.getMeasureCode().equals(planned1.getMeasureCode())
              && (OPEN.equals(m.getStatus()) || DELIVERED.equals(m.getStatus())))
          .findFirst().orElse(null);
      if (current != null) {
        if (OPEN.equals(current.getStatus()) && !current.isUrgent()) {
          measures.assignToPlan(current.getId(), plan.getId(), planned1.getDueDate());
        }
        continue;
      }
      Measure measure = new Measure();
      measure.setCaseId(caseId);
      measure.setMeasureCode(planned1.getMeasureCode());
      measure.setDepartment(planned1.getDepartment());
      measure.setStatus(OPEN);
      measure.setPlanId(plan.getId());
      measure.setDueDate(planned1.getDueDate());
      measure.setCreatedAt(EngineClock.now());
      measures.insert(measure);
    }
    for (Measure measure : existing) {
      if (OPEN.equals(measure.getStatus()) && !measure.isUrgent() && !planned.contains(measure.getMeasureCode())
          && measures.cancel(measure.getId()) == 1) {
        caseFiles.audit(caseId, "Measure_" + measure.getMeasureCode(),
            MeasureCode.valueOf(measure.getMeasureCode()).label(), CANCELLED,
            "第" + plan.getPlanVersion() + "版帮扶计划不再包含此措施", CaseFileService.SYSTEM, null);
      }
    }
    List<Long> open = deliverableIds(caseId);
    caseFiles.auditStep(caseId, MeasureImplementation.ISSUE_MEASURES, "ISSUED",
        "第" + plan.getPlanVersion() + "版计划，" + open.size() + " 项措施交责任部门落实", CaseFileService.SYSTEM, null);
    return open;
  }

  /** The open plan measures of the case, one implementation branch each ({@code camunda:collection}). */
  public List<Long> deliverableIds(Long caseId) {
    return measures.findByCase(caseId).stream().filter(m -> OPEN.equals(m.getStatus()) && !m.isUrgent())
        .map(Measure::getId).toList();
  }

  /** The department that delivers the measure, for the branch's candidate group. */
  public String department(Long measureId) {
    return measures.findById(measureId).getDepartment();
  }

  public String code(Long measureId) {
    return measures.findById(measureId).getMeasureCode();
  }

  /** The plan's due date of the measure, as the delivery task's due date (end of that day). */
  public java.util.Date dueDate(Long measureId) {
    java.time.LocalDate due = measures.findById(measureId).getDueDate();
    return due == null ? null
        : java.util.Date.from(due.atTime(18, 0).atZone(java.time.ZoneId.systemDefault()).toInstant());
  }

  /** Measures delivered so far (the exit needs at least one). */
  public int deliveredCount(Long caseId) {
    return (int) measures.findByCase(caseId).stream().filter(m -> DELIVERED.equals(m.getStatus())).count();
  }

  public List<Measure> forCase(Long caseId) {
    return measures.findByCase(caseId);
  }
}
