package org.bangfu.process;

import org.bangfu.engine.BangfuEnginePlugin;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;

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
    configuration.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_FULL);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9_-]+");
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.getProcessEnginePlugins().add(new BangfuEnginePlugin(decisionAudit, java.util.List.of(), historyDays));
    return configuration;
  }
}
