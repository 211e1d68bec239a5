package org.bangfu.inbox;

import camundajar.impl.com.google.gson.JsonObject;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.Deadlines;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters every approver starts with: their groups' tasks, their own, those due within two days and
 * those overdue. (Done tasks are history, not a Tasklist filter: the case page shows them.) Each is an engine filter
 * with the query below; while a filter's stored query is exactly this one, {@link InboxFilterService} answers it from
 * the inbox table.
 */
public enum InboxFilter {

  /** Candidate user: the groups' tasks and those offered to the user directly (a stand-in's, 代理), claimed or not. */
  GROUP("本组待办", -10, "本人所在村、乡镇、县或部门的待办任务（含代理的任务）"),
  MINE("我的待办", -5, "已由我认领的任务"),
  DUE_SOON("即将到期", 0, "本组两天内到期的任务"),
  OVERDUE("已逾期", 5, "本组已过到期日仍未办理的任务");

  private final String title;
  private final int priority;
  private final String description;

  InboxFilter(String title, int priority, String description) {
    this.title = title;
    this.priority = priority;
    this.description = description;
  }

  public String title() {
    return title;
  }

  public int priority() {
    return priority;
  }

  public String description() {
    return description;
  }

  /** The filter's engine query: what Tasklist runs, and what the inbox table must answer the same. */
  public TaskQuery query() {
    TaskQueryImpl query = new TaskQueryImpl();
    return switch (this) {
      case GROUP -> query.taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
          .orderByDueDate().asc();
      case MINE -> query.taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
      case DUE_SOON -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
          .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(" + Deadlines.DUE_SOON_DAYS + ").toDate()}")
          .orderByDueDate().asc();
      case OVERDUE -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
          .dueBeforeExpression("${now()}").orderByDueDate().asc();
    };
  }

  /**
   * Creates the filter (everybody may read it) or, when it exists, sets its query and properties to this release's:
   * the users' standard filters follow a new release.
   *
   * @return the filter
   */
  public Filter ensure(FilterService filters, AuthorizationService authorizations) {
    // each card says whose case the task is about (casepage.TaskCards adds these words to the list's tasks)
    Map<String, Object> properties = Map.of("priority", priority, "description", description, "refresh", true,
        "variables", List.of(Map.of("name", CaseVariables.CASE_TITLE.name(), "label", "案件"),
            Map.of("name", CaseVariables.CASE_FACT.name(), "label", "要点")));
    Filter existing = filters.createFilterQuery().filterName(title).singleResult();
    if (existing != null) {
      existing.setQuery(query());
      existing.setProperties(properties);
      return filters.saveFilter(existing);
    }
    Filter filter = filters.saveFilter(filters.newTaskFilter(title).setQuery(query()).setProperties(properties));
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    read.setUserId(Authorization.ANY);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
    return filter;
  }

  JsonObject queryJson() {
    return new JsonTaskQueryConverter().toJsonObject(query());
  }

  /**
   * Whose rows of the inbox table the filter reads, as its query above names them: the candidate user (the user's
   * groups and the user), the signed-in user's groups ({@code currentUserGroups()}), or the assignee.
   */
  boolean readsCandidateUser() {
    return this == GROUP;
  }

  boolean readsCurrentUserGroups() {
    return this == DUE_SOON || this == OVERDUE;
  }

  boolean readsAssignee() {
    return this == MINE;
  }

  /** The due-date window now, as the filter's expressions would evaluate it; nulls where the filter has no bound. */
  Date dueAfter() {
    return this == DUE_SOON ? ClockUtil.getCurrentTime() : null;
  }

  Date dueBefore() {
    Date now = ClockUtil.getCurrentTime();
    return switch (this) {
      // as dateTime().plusDays(2): calendar days in the server's zone
      case DUE_SOON -> Date.from(now.toInstant().atZone(ZoneId.systemDefault()).plusDays(Deadlines.DUE_SOON_DAYS).toInstant());
      case OVERDUE -> now;
      default -> null;
    };
  }
}
