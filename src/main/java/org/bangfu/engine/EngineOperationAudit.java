package org.bangfu.engine;

import java.util.ArrayList;
import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The case record is whole: what anyone — an administrator in Cockpit included — changes on a case through the
 * engine's own REST API (suspending or cancelling its process, moving its token, job retries, incidents, …) is
 * appended to the case's audit, in the same transaction, from the engine's user operation log. One row per
 * operation and process instance, with who, what and the request. Operations of the application's own API are not
 * repeated here: those write their audit rows themselves.
 */
@Component
public class EngineOperationAudit extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  /**
   * Task work the engine REST API may still do (claiming, completing — the decision audit records completions) and
   * comments: not changes to the case.
   */
  private static final java.util.Set<String> NOT_CHANGES = java.util.Set.of("Task", "Comment", "Attachment",
      "IdentityLink");

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("ModifyProcessInstance", "修改流程实例（移动或重新开始环节）"), Map.entry("Delete", "删除（撤销）流程实例"),
      Map.entry("Suspend", "挂起"), Map.entry("Activate", "激活"), Map.entry("SuspendJob", "挂起作业"),
      Map.entry("ActivateJob", "激活作业"), Map.entry("SetJobRetries", "设置作业重试次数"),
      Map.entry("SetDueDate", "修改作业到期时间"), Map.entry("RecalculateDueDate", "重新计算作业到期时间"),
      Map.entry("Execute", "立即执行作业"), Map.entry("Migrate", "迁移到新版本的流程"),
      Map.entry("CreateIncident", "创建事故"), Map.entry("Resolve", "解决事故"), Map.entry("SetAnnotation", "设置备注"),
      Map.entry("ClearAnnotation", "清除备注"), Map.entry("SetRemovalTime", "设置历史删除时间"),
      Map.entry("DeleteHistory", "删除历史"), Map.entry("SetPriority", "设置优先级"),
      Map.entry("SetVariable", "设置流程变量"), Map.entry("ModifyVariable", "修改流程变量"),
      Map.entry("RemoveVariable", "删除流程变量"), Map.entry("RestartProcessInstance", "重新启动流程实例"));

  /** The audit's step of these rows (their decision is the engine's operation type). */
  public static final String STEP = "ENGINE_OPERATION";

  private final CaseFileService caseFiles;

  public EngineOperationAudit(@Lazy CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(this);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    EngineRequest request = EngineRequest.current();
    if (request == null || !(event instanceof UserOperationLogEntryEventEntity entry)
        || entry.getProcessInstanceId() == null || NOT_CHANGES.contains(entry.getEntityType())) {
      return;
    }
    String key = entry.getOperationId() + "|" + entry.getProcessInstanceId();
    if (!request.audited().add(key)) {
      return; // one row per operation and instance (the engine logs one entry per changed property)
    }
    CaseFile caseFile = caseFiles.findByBusinessKey(businessKey(entry.getProcessInstanceId()));
    if (caseFile == null) {
      return; // not a case (a periodic screening run)
    }
    String operation = entry.getOperationType();
    String detail = entry.getProperty() == null ? "" : "（" + entry.getProperty()
        + (entry.getNewValue() == null ? "" : "：" + (entry.getOrgValue() == null ? "" : entry.getOrgValue() + " → ")
        + entry.getNewValue()) + "）";
    String reason = "通过引擎接口（" + request.method() + " " + request.path() + "）" + LABELS.getOrDefault(operation,
        operation) + detail;
    caseFiles.audit(caseFile.getId(), STEP, LABELS.getOrDefault(operation, operation),
        operation.length() > 24 ? operation.substring(0, 24) : operation,
        reason.length() > 1000 ? reason.substring(0, 1000) : reason, request.userId(), entry.getTaskId());
  }

  @Override
  public void handleEvents(java.util.List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** The business key of a running or ended instance, read inside the engine's command. */
  private static String businessKey(String processInstanceId) {
    CommandContext context = Context.getCommandContext();
    ExecutionEntity execution = context.getExecutionManager().findExecutionById(processInstanceId);
    if (execution != null) {
      return execution.getBusinessKey();
    }
    HistoricProcessInstanceEntity historic = context.getDbEntityManager()
        .selectById(HistoricProcessInstanceEntity.class, processInstanceId);
    return historic == null ? null : historic.getBusinessKey();
  }
}
