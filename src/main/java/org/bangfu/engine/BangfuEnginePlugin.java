package org.bangfu.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Engine settings of Bangfu that are not plain properties: the decision audit on every user task, and refusals of
 * user input reported as such rather than as engine errors. Used by the application and by the process tests.
 */
@Component
public class BangfuEnginePlugin extends AbstractProcessEnginePlugin {

  private final TaskListener auditListener;

  @Autowired
  public BangfuEnginePlugin(@Lazy DecisionAuditListener auditListener) {
    this((TaskListener) auditListener);
  }

  public BangfuEnginePlugin(TaskListener auditListener) {
    this.auditListener = auditListener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new DecisionAuditParseListener(auditListener));
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new UserErrorInterceptor());
  }
}
