package org.bangfu.inbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The inbox in the engine: each command's {@link InboxSession} rewrites the rows of {@code bf_inbox} of the tasks the
 * command created, changed or deleted when it flushes, and the standard filters are answered from that table
 * ({@link InboxFilterService}).
 */
@Component
@DependsOnDatabaseInitialization
public class InboxPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(InboxPlugin.class);

  private final KeptReads kept;
  private final InboxFilterService filterService;

  /**
   * @param keptReads how long a user's groups and filter permission are kept between pages (KeptReads); 0s: read
   *     on every request
   */
  @Autowired
  public InboxPlugin(@Value("${bangfu.inbox.kept-reads}") Duration keptReads) {
    this.kept = new KeptReads(keptReads);
    this.filterService = new InboxFilterService(kept);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<SessionFactory>());
    }
    configuration.getCustomSessionFactories().add(new InboxSession.Factory(kept));
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(0, new InboxSession.Opener());
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(0, new InboxSession.Opener());
    configuration.setFilterService(filterService);
  }

  /**
   * On an empty inbox table (the first start after this version was installed, or no task open), fills it from the
   * engine's open tasks — before the job executor and the web requests start, and after Flyway made the table
   * ({@code @DependsOnDatabaseInitialization}). All nodes of a cluster run the same version.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
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

  KeptReads keptReads() {
    return kept;
  }

  public InboxFilterService filterService() {
    return filterService;
  }
}
