package org.bangfu.inbox;

import camundajar.impl.com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.util.JsonUtil;
import org.camunda.bpm.engine.impl.util.QueryMaxResultsLimitUtil;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The engine's filter service, answering the standard inbox filters ({@link InboxFilter}) from the inbox table:
 * the page's task ids and the count come from an indexed read of the user's groups' rows, then the engine loads just
 * those tasks through the filter as it would (its authorization and tenant checks applied to them). Tasklist's own
 * extension (its sorting, active tasks only) is answered too; anything else — a filter whose query was changed,
 * search criteria added in Tasklist, an ordering the table has no column for, no signed-in user — runs in the engine
 * unchanged. Tasklist, the REST API and Java callers all come through here.
 */
public class InboxFilterService extends FilterServiceImpl {

  private final Map<InboxFilter, JsonObject> standardQueries = new EnumMap<>(InboxFilter.class);
  private final JsonObject noCriteria = criteria(new TaskQueryImpl());
  /** Tasklist's own extension of every filter: tasks of active process instances only. */
  private final JsonObject activeOnly = criteria((TaskQueryImpl) new TaskQueryImpl().active());
  private final AtomicLong fromInbox = new AtomicLong();
  private final AtomicLong fromEngine = new AtomicLong();

  private final KeptReads kept;

  InboxFilterService(KeptReads kept) {
    this.kept = kept;
    for (InboxFilter filter : InboxFilter.values()) {
      standardQueries.put(filter, filter.queryJson());
    }
  }

  /** How many filter pages and counts were answered from the inbox table, and how many by the engine's query. */
  public long answeredFromInbox() {
    return fromInbox.get();
  }

  public long answeredByEngine() {
    return fromEngine.get();
  }

  @Override
  public <T> List<T> listPage(String filterId, int firstResult, int maxResults) {
    return listPage(filterId, null, firstResult, maxResults);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult,
      int maxResults) {
    return (List<T>) commandExecutor.execute(context -> {
      Plan plan = plan(context, filterId, extendingQuery);
      if (plan == null) {
        fromEngine.incrementAndGet();
        return new ExecuteFilterListPageCmd(filterId, extendingQuery, firstResult, maxResults).execute(context);
      }
      fromInbox.incrementAndGet();
      QueryMaxResultsLimitUtil.checkMaxResultsLimit(maxResults); // as the filter's command: the engine's limit, if set
      List<String> ids = plan.query.parties().isEmpty() ? List.of()
          : sql(() -> InboxTable.page(connection(context), plan.query, plan.sorts, firstResult, maxResults));
      if (ids.isEmpty()) {
        return List.of();
      }
      // those tasks by id, in the page's order, with the engine's authorization and tenant checks: the inbox rows
      // already are the filter's criteria (InboxWorkout checks every answer against the engine's own query)
      TaskQueryImpl onlyThese = new TaskQueryImpl();
      onlyThese.taskIdIn(ids.toArray(String[]::new));
      plan.orderings.forEach(onlyThese::orderBy);
      onlyThese.initializeFormKeys();
      return onlyThese.listPage(0, ids.size());
    });
  }

  @Override
  public Long count(String filterId) {
    return count(filterId, null);
  }

  @Override
  public Long count(String filterId, Query<?, ?> extendingQuery) {
    return commandExecutor.execute(context -> {
      Plan plan = plan(context, filterId, extendingQuery);
      if (plan == null) {
        fromEngine.incrementAndGet();
        return new ExecuteFilterCountCmd(filterId, extendingQuery).execute(context);
      }
      fromInbox.incrementAndGet();
      return plan.query.parties().isEmpty() ? 0L : sql(() -> InboxTable.count(connection(context), plan.query));
    });
  }

  /** How the inbox table answers this filter for the signed-in user; null when the engine must. */
  private Plan plan(CommandContext context, String filterId, Query<?, ?> extendingQuery) {
    Authentication user = context.getAuthentication();
    if (filterId == null || user == null || user.getUserId() == null
        || extendingQuery != null && !(extendingQuery instanceof TaskQueryImpl)) {
      return null;
    }
    // with the engine's check that the user may read the filter (AuthorizationException otherwise), or that check
    // passed for this user and these groups a moment ago (KeptReads)
    long before = kept.generation();
    KeptReads.KnownFilter filter = kept.filter(filterId, () -> {
      FilterEntity found = context.getFilterManager().findFilterById(filterId);
      return found == null ? null : new KeptReads.KnownFilter(kindOf(found), found.getResourceType());
    });
    if (filter == null || !EntityTypes.TASK.equals(filter.resourceType()) || filter.kind() == null) {
      return null;
    }
    // kept only from a check that ran: a command with checks disabled (the engine's own work) grants nothing
    boolean checks = context.isAuthorizationCheckEnabled()
        && context.getProcessEngineConfiguration().isAuthorizationEnabled();
    if (checks && !kept.mayRead(user.getUserId(), user.getGroupIds(), filterId)) {
      context.getAuthorizationManager().checkAuthorization(Permissions.READ, Resources.FILTER, filterId);
      kept.allowed(user.getUserId(), user.getGroupIds(), filterId, before);
    }
    InboxFilter kind = filter.kind();
    JsonObject extending = extendingQuery == null ? noCriteria : criteria((TaskQueryImpl) extendingQuery);
    if (!extending.equals(noCriteria) && !extending.equals(activeOnly)) {
      return null;
    }
    // the stored query is exactly the standard one (kindOf compared them)
    TaskQueryImpl query = (TaskQueryImpl) kind.query();
    TaskQueryImpl effective = extendingQuery == null ? query : (TaskQueryImpl) query.extend((TaskQuery) extendingQuery);
    List<InboxTable.Sort> sorts = sorts(effective.getOrderingProperties());
    if (sorts == null) {
      return null;
    }
    List<String> parties = new ArrayList<>();
    if (kind.readsCandidateUser()) {
      // as the engine's candidate-user query: the user's groups as the identity service has them now
      kept.groupsOf(user.getUserId(), () -> context.getReadOnlyIdentityProvider().createGroupQuery()
          .groupMember(user.getUserId()).list().stream().map(Group::getId).toList())
          .forEach(group -> parties.add(InboxTable.GROUP + group));
      parties.add(InboxTable.CANDIDATE_USER + user.getUserId());
    } else if (kind.readsCurrentUserGroups() && user.getGroupIds() != null) {
      // ${currentUserGroups()}: the groups of the signed-in user's authentication
      user.getGroupIds().forEach(group -> parties.add(InboxTable.GROUP + group));
    }
    if (kind.readsAssignee()) {
      parties.add(InboxTable.ASSIGNEE + user.getUserId());
    }
    return new Plan(new InboxTable.Query(parties, kind.dueAfter(), kind.dueBefore(), extending.equals(activeOnly)),
        sorts, effective.getOrderingProperties() == null ? List.of() : effective.getOrderingProperties());
  }

  private InboxFilter kindOf(FilterEntity filter) {
    JsonObject stored = JsonUtil.asObject(filter.getQueryInternal());
    return standardQueries.entrySet().stream().filter(entry -> entry.getValue().equals(stored)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  /** A query's criteria: its JSON without the orderings. */
  private static JsonObject criteria(TaskQueryImpl query) {
    JsonObject json = new JsonTaskQueryConverter().toJsonObject(query);
    json.remove(JsonTaskQueryConverter.ORDERING_PROPERTIES);
    json.remove(JsonTaskQueryConverter.ORDER_BY);
    return json;
  }

  /** The table's columns for the engine's orderings; null if one has none (variables, case-insensitive names). */
  private static List<InboxTable.Sort> sorts(List<QueryOrderingProperty> orderings) {
    List<InboxTable.Sort> sorts = new ArrayList<>();
    for (QueryOrderingProperty ordering : orderings == null ? List.<QueryOrderingProperty>of() : orderings) {
      if (ordering.getRelation() != null || ordering.getQueryProperty().getFunction() != null
          || ordering.getDirection() == null) {
        return null;
      }
      String column = switch (ordering.getQueryProperty().getName()) {
        case "CREATE_TIME_" -> "create_time";
        case "DUE_DATE_" -> "due_date";
        case "FOLLOW_UP_DATE_" -> "follow_up_date";
        case "PRIORITY_" -> "priority";
        case "NAME_" -> "name";
        case "ASSIGNEE_" -> "assignee";
        case "ID_" -> "task_id";
        default -> null;
      };
      if (column == null) {
        return null;
      }
      sorts.add(new InboxTable.Sort(column, "asc".equals(ordering.getDirection().getName())));
    }
    return sorts;
  }

  private static Connection connection(CommandContext context) {
    return context.getDbSqlSession().getSqlSession().getConnection();
  }

  private static <T> T sql(SqlCall<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not read the inbox", e);
    }
  }

  private interface SqlCall<T> {
    T run() throws SQLException;
  }

  private record Plan(InboxTable.Query query, List<InboxTable.Sort> sorts, List<QueryOrderingProperty> orderings) {
  }
}
