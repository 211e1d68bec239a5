package org.bangfu.inbox;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.AbstractSetStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The tasks a command changed, written to the inbox table when the command flushes: after the engine's own
 * statements, in the same transaction, from the tasks' final state — whatever listeners or delegates changed after
 * the event that named the task. The engine flushes a command's sessions newest first, so {@link Opener} opens this
 * one as each command begins, before the engine's own: it is flushed last.
 */
final class InboxSession implements Session {

  private final CommandContext commandContext;
  private final Map<String, TaskEntity> changed = new LinkedHashMap<>();
  private final Set<String> removed = new LinkedHashSet<>();
  private boolean changedInBulk;

  private InboxSession(CommandContext commandContext) {
    this.commandContext = commandContext;
  }

  static InboxSession current() {
    return Context.getCommandContext().getSession(InboxSession.class);
  }

  void changed(TaskEntity task) {
    changed.put(task.getId(), task);
  }

  void removed(String taskId) {
    removed.add(taskId);
  }

  void changedInBulk() {
    changedInBulk = true;
  }

  @Override
  public void flush() {
    if (changed.isEmpty() && removed.isEmpty() && !changedInBulk) {
      return;
    }
    try {
      InboxTable.write(commandContext.getDbSqlSession().getSqlSession().getConnection(),
          commandContext.getProcessEngineConfiguration().getDatabaseTablePrefix(),
          changed.values().stream().map(InboxSession::row).toList(), removed, changedInBulk);
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not update the inbox of tasks " + changed.keySet() + removed, e);
    }
    changed.clear();
    removed.clear();
    changedInBulk = false;
  }

  private static InboxTable.TaskRow row(TaskEntity task) {
    ProcessDefinitionEntity definition = task.getProcessDefinitionId() == null ? null : task.getProcessDefinition();
    return new InboxTable.TaskRow(task.getId(), task.getName(), task.getCreateTime(), task.getDueDate(),
        task.getFollowUpDate(), task.getPriority(), task.getAssignee(), task.getTaskDefinitionKey(),
        definition == null ? null : definition.getKey(), task.isSuspended());
  }

  @Override
  public void close() {
    // nothing held: the connection is the engine's
  }

  /**
   * Opens the session first thing in every command (see the class comment), and notes the commands that change
   * tasks in bulk without a task event: suspending or activating process instances or definitions, and migrating
   * instances to another version (a task may get another step key or process).
   */
  static final class Opener extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      InboxSession session = Context.getCommandContext().getSession(InboxSession.class);
      if (command instanceof AbstractSetStateCmd || command instanceof AbstractUpdateProcessInstancesSuspendStateCmd
          || command instanceof MigrateProcessInstanceCmd) {
        session.changedInBulk();
      }
      return next.execute(command);
    }
  }

  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return InboxSession.class;
    }

    @Override
    public Session openSession() {
      return new InboxSession(Context.getCommandContext());
    }
  }
}
