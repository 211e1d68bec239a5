package org.bangfu.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Engine settings of Bangfu that are not plain properties: the decision audit on every user task. */
@Component
public class BangfuEnginePlugin extends AbstractProcessEnginePlugin {

  private final DecisionAuditListener auditListener;

  public BangfuEnginePlugin(@Lazy DecisionAuditListener auditListener) {
    this.auditListener = auditListener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new DecisionAuditParseListener(auditListener));
  }
}
