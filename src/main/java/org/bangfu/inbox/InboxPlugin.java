package org.bangfu.inbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The inbox in the engine: every user task of every deployed process reports its events (created, assigned, updated
 * — candidates, due date, priority —, completed, deleted) to the command's {@link InboxSession}, which rewrites the
 * task's rows of {@code bf_inbox} when the command flushes; the standard filters are answered from that table
 * ({@link InboxFilterService}). Tasks without a process are not supported: the application turns them off
 * ({@code standalone-tasks-enabled: false}).
 */
@Component
@DependsOnDatabaseInitialization
public class InboxPlugin extends AbstractProcessEnginePlugin {

  private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
      TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

  private static final Logger LOG = LoggerFactory.getLogger(InboxPlugin.class);

  private final InboxFilterService filterService = new InboxFilterService();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<SessionFactory>());
    }
    configuration.getCustomSessionFactories().add(new InboxSession.Factory());
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(0, new InboxSession.Opener());
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(0, new InboxSession.Opener());
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        EVENTS.forEach(event -> definition.addTaskListener(event, InboxPlugin::taskEvent));
      }
    });
    configuration.setFilterService(filterService);
  }

  /**
   * On an empty inbox table (the first start after this version was installed, or no task open), fills it from the
   * engine's open tasks — before the job executor and the web requests start, and after Flyway made the table
   * ({@code @DependsOnDatabaseInitialization}). All nodes of a cluster run the same version.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int tasks = configuration.getCommandExecutorTxRequired().execute(context -> {
      Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM bf_inbox")) {
        rows.next();
        return rows.getLong(1) > 0 ? -1
            : InboxTable.rebuild(connection, configuration.getDatabaseTablePrefix());
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not fill the inbox table bf_inbox", e);
      }
    });
    if (tasks > 0) {
      LOG.info("Inbox filled from the engine's {} open tasks", tasks);
    }
  }

  private static void taskEvent(DelegateTask task) {
    String event = task.getEventName();
    if (TaskListener.EVENTNAME_COMPLETE.equals(event) || TaskListener.EVENTNAME_DELETE.equals(event)) {
      InboxSession.current().removed(task.getId());
    } else {
      InboxSession.current().changed((TaskEntity) task);
    }
  }

  public InboxFilterService filterService() {
    return filterService;
  }
}
