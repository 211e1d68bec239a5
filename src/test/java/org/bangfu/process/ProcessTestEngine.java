package org.bangfu.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bangfu.engine.BangfuEnginePlugin;
import org.bangfu.engine.SlaService;
import org.bangfu.shared.WorkingDayCalendar;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.springframework.beans.factory.config.YamlMapFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * A plain in-memory engine for the process tests: one per test class, named after it (two engines named "default"
 * in one JVM collide), with mock beans, the decision audit and coverage recording.
 */
public final class ProcessTestEngine {

  private ProcessTestEngine() {
  }

  public static ProcessEngineConfigurationImpl configuration(String name, TaskListener decisionAudit) {
    return configuration(name, decisionAudit, java.util.Map.of());
  }

  public static ProcessEngineConfigurationImpl configuration(String name, TaskListener decisionAudit,
      java.util.Map<String, Integer> historyDays) {
    ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setHistoryLevel(org.bangfu.engine.CaseHistoryLevel.INSTANCE); // as application.yml
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9_-]+");
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.getProcessEnginePlugins().add(new BangfuEnginePlugin(decisionAudit, java.util.List.of(), historyDays));
    return configuration;
  }

  /**
   * Begins a process test on this engine: camunda-bpm-assert bound to it, the SLA bean with the allowances of
   * application.yml (the one place they are set), and a driver for its user tasks.
   */
  public static TaskDriver begin(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    SlaService sla = new SlaService(new WorkingDayCalendar());
    sla.setDays(slaDays());
    Mocks.register("sla", sla);
    return new TaskDriver(engine);
  }

  /** The SLA allowances ({@code bangfu.sla.days}) of src/main/resources/application.yml, step → working days. */
  @SuppressWarnings("unchecked")
  public static Map<String, Integer> slaDays() {
    YamlMapFactoryBean yaml = new YamlMapFactoryBean();
    yaml.setResources(new FileSystemResource("src/main/resources/application.yml"));
    Map<String, Object> days = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) yaml.getObject()
        .get("bangfu")).get("sla")).get("days");
    Map<String, Integer> allowances = new LinkedHashMap<>();
    days.forEach((step, value) -> allowances.put(step, ((Number) value).intValue()));
    return allowances;
  }
}
