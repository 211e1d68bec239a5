package org.bangfu.inbox;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbBulkOperation;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Keeps the inbox table in step with a command's changes to tasks: as the command's work ends, it notes every task
 * the command created, changed or deleted, or whose candidates it changed (from the engine's entity cache); when the
 * command flushes — after the engine's own statements, in the same transaction — it rewrites those tasks' rows from
 * their final state and identity links. Every task is covered this way, process tasks, sub-tasks (加签) and tasks
 * without a process alike, whatever changed it. The engine flushes a command's sessions newest first, so
 * {@link Opener} opens this one as each command begins, before the engine's own: it is flushed last.
 */
final class InboxSession implements Session {

  private final CommandContext commandContext;
  private final Map<String, TaskEntity> changed = new LinkedHashMap<>();
  private final Set<String> removed = new LinkedHashSet<>();
  /** Tasks this command inserted: they have no inbox rows yet. */
  private final Set<String> created = new LinkedHashSet<>();
  /** Tasks whose candidates changed although the task itself was not loaded. */
  private final Set<String> linksChanged = new LinkedHashSet<>();
  private boolean changedInBulk;
  /** The command changed memberships, groups, filters or their authorizations: the kept reads are dropped. */
  private boolean accessChanged;
  private int depth;

  private final KeptReads kept;

  private InboxSession(CommandContext commandContext, KeptReads kept) {
    this.commandContext = commandContext;
    this.kept = kept;
  }

  /**
   * Notes what the command did to tasks, from the engine's entity cache as the command's work ends and before the
   * engine flushes it (flushing forgets deleted entities): tasks inserted, changed (merged or dirty) or deleted, and
   * the tasks of identity links inserted or deleted.
   */
  private void capture() {
    for (CachedDbEntity cached : commandContext.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
      DbEntityState state = cached.getEntityState();
      boolean deleted = state == DbEntityState.DELETED_TRANSIENT || state == DbEntityState.DELETED_PERSISTENT
          || state == DbEntityState.DELETED_MERGED;
      if (cached.getEntity() instanceof TaskEntity task) {
        if (deleted) {
          removed.add(task.getId());
        } else if (state == DbEntityState.TRANSIENT || state == DbEntityState.MERGED || cached.isDirty()) {
          changed.put(task.getId(), task);
          if (state == DbEntityState.TRANSIENT) {
            created.add(task.getId());
          }
        }
      } else if (cached.getEntity() instanceof IdentityLinkEntity link && link.getTaskId() != null
          && (deleted || state == DbEntityState.TRANSIENT)) {
        linksChanged.add(link.getTaskId());
      } else if (!accessChanged && changesAccess(cached.getEntity())
          && (deleted || state == DbEntityState.TRANSIENT || cached.isDirty())) {
        // the type first: isDirty() compares an entity's whole state, and every command holds many entities
        accessChanged = true;
      }
    }
    if (!accessChanged) {
      accessChanged = commandContext.getDbEntityManager().getDbOperationManager().bulkOperations.values().stream()
          .flatMap(Collection::stream).anyMatch(bulk -> changesAccess(bulk));
    }
    if (accessChanged) {
      // now, and again when the change is committed: a read between the two saw the old state
      kept.accessChanged();
      commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> kept.accessChanged());
    }
    for (String taskId : linksChanged) {
      TaskEntity task = commandContext.getDbEntityManager().getDbEntityCache().get(TaskEntity.class, taskId);
      if (task != null) {
        changed.putIfAbsent(taskId, task);
      }
    }
    linksChanged.removeAll(changed.keySet());
    linksChanged.removeAll(removed);
  }

  /** What the kept reads ({@link KeptReads}) depend on: memberships, groups, filters, and who may read those. */
  private static boolean changesAccess(Object entity) {
    if (entity instanceof AuthorizationEntity authorization) {
      return governsKeptReads(authorization.getResourceType());
    }
    return entity instanceof MembershipEntity || entity instanceof GroupEntity || entity instanceof FilterEntity;
  }

  /** A bulk statement (deleting a user's or a group's memberships, a resource's authorizations…). */
  private static boolean changesAccess(DbBulkOperation bulk) {
    Class<?> type = bulk.getEntityType();
    if (AuthorizationEntity.class.isAssignableFrom(type)) {
      // the engine deletes a task's authorizations with its task: those do not matter here
      return !(bulk.getParameter() instanceof Map<?, ?> parameters
          && parameters.get("resourceType") instanceof Integer resourceType && !governsKeptReads(resourceType));
    }
    return MembershipEntity.class.isAssignableFrom(type) || GroupEntity.class.isAssignableFrom(type)
        || FilterEntity.class.isAssignableFrom(type);
  }

  private static boolean governsKeptReads(int resourceType) {
    return resourceType == Resources.FILTER.resourceType() || resourceType == Resources.GROUP.resourceType()
        || resourceType == Resources.GROUP_MEMBERSHIP.resourceType();
  }

  @Override
  public void flush() {
    if (changed.isEmpty() && removed.isEmpty() && linksChanged.isEmpty() && !changedInBulk) {
      return;
    }
    try {
      InboxTable.write(commandContext.getDbSqlSession().getSqlSession().getConnection(),
          commandContext.getProcessEngineConfiguration().getDatabaseTablePrefix(),
          changed.values().stream().map(InboxSession::row).toList(), created, linksChanged, removed, changedInBulk);
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not update the inbox of tasks " + changed.keySet() + removed, e);
    }
    changed.clear();
    created.clear();
    removed.clear();
    linksChanged.clear();
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
   * tasks in bulk statements, not through their entities: suspending or activating process instances or
   * definitions (not jobs or job definitions: their tasks stay as they are); and migrations (a task may get another
   * step key or process).
   */
  static final class Opener extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      InboxSession session = Context.getCommandContext().getSession(InboxSession.class);
      if (command instanceof AbstractSetProcessInstanceStateCmd
          || command instanceof AbstractSetProcessDefinitionStateCmd
          || command instanceof AbstractUpdateProcessInstancesSuspendStateCmd
          || command instanceof MigrateProcessInstanceCmd) {
        session.changedInBulk = true;
      }
      session.depth++;
      T result;
      try {
        result = next.execute(command);
      } finally {
        session.depth--;
      }
      if (session.depth == 0) {
        session.capture(); // the outermost command's work is done; the engine flushes next
      }
      return result;
    }
  }

  static final class Factory implements SessionFactory {

    private final KeptReads kept;

    Factory(KeptReads kept) {
      this.kept = kept;
    }

    @Override
    public Class<?> getSessionType() {
      return InboxSession.class;
    }

    @Override
    public Session openSession() {
      return new InboxSession(Context.getCommandContext(), kept);
    }
  }
}
