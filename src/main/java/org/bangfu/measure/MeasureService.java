package org.bangfu.measure;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
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
      measure.setCreatedAt(LocalDateTime.now());
      measures.insert(measure);
      VariableMap variables = Variables.createVariables();
      MeasureDelivery.CASE_ID.put(variables, caseId);
      MeasureDelivery.MEASURE_ID.put(variables, measure.getId());
      MeasureDelivery.MEASURE_CODE.put(variables, code.name());
      MeasureDelivery.DEPARTMENT.put(variables, code.department().name());
      MeasureDelivery.COUNTY_CODE.put(variables, caseFile.getCountyCode());
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
    measure.setDeliveredAt(LocalDateTime.now());
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

  public List<Measure> forCase(Long caseId) {
    return measures.findByCase(caseId);
  }
}
