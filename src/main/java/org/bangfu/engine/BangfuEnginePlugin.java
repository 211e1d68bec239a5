package org.bangfu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Engine settings of Bangfu that are not plain properties: the history level {@link CaseHistoryLevel}, the decision
 * audit on every user task, the listeners on
 * every new task (what changed since a return, standing delegations), history retention
 * per process from configuration, and refusals of user input reported as such rather than as engine errors. Used by
 * the application and by the process tests.
 */
@Component
public class BangfuEnginePlugin extends AbstractProcessEnginePlugin {

  private final TaskListener auditListener;
  private final List<? extends TaskListener> createListeners;
  private final Map<String, Integer> historyDays;

  @Autowired
  public BangfuEnginePlugin(@Lazy DecisionAuditListener auditListener, @Lazy List<TaskCreateListener> createListeners,
      Environment environment) {
    this(auditListener, createListeners, Binder.get(environment)
        .bind("bangfu.history.time-to-live-days", Bindable.mapOf(String.class, Integer.class)).orElse(Map.of()));
  }

  public BangfuEnginePlugin(TaskListener auditListener, List<? extends TaskListener> createListeners,
      Map<String, Integer> historyDays) {
    this.auditListener = auditListener;
    this.createListeners = createListeners;
    this.historyDays = historyDays;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the history level "case" (application.yml)
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(CaseHistoryLevel.INSTANCE);
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new DecisionAuditParseListener(auditListener, createListeners));
    configuration.getCustomPreBPMNParseListeners().add(new HistoryTimeToLiveParseListener(historyDays));
    configuration.getCustomPreBPMNParseListeners().add(new StepLabelParseListener());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired()
        .add(0, new UserErrorInterceptor(configuration::getPasswordPolicy));
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new ListenerRefusalInterceptor());
  }
}
