package org.bangfu.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import javax.sql.DataSource;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.core.io.ClassPathResource;

/**
 * Random work on an engine with the inbox (start, claim, hand back, reassign, candidates added and removed, due dates
 * and priorities changed, completions that create the next task in the same command, cancelled cases), checking
 * after every step that each standard filter answers every user exactly as the engine's own query of that filter
 * does: the count, the whole list, and a page in a random order. Used on H2 (InboxFilterServiceTest) and on MariaDB
 * within the application (InboxIT).
 */
public final class InboxWorkout {

  /** Orderings Tasklist offers that the inbox table answers; null = the filter's own (due date ascending). */
  private static final List<Function<TaskService, TaskQuery>> ORDERINGS = List.of(tasks -> null,
      tasks -> null, // the filter's own twice as often: it is what Tasklist shows first
      tasks -> tasks.createTaskQuery().orderByTaskCreateTime().desc(),
      tasks -> tasks.createTaskQuery().orderByDueDate().desc(),
      tasks -> tasks.createTaskQuery().orderByTaskPriority().desc(),
      tasks -> tasks.createTaskQuery().orderByTaskName().asc(),
      tasks -> tasks.createTaskQuery().orderByTaskAssignee().asc(),
      tasks -> tasks.createTaskQuery().orderByFollowUpDate().asc());

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Random random;
  private final String prefix;
  private final List<String> groups;
  private final Map<String, List<String>> users;
  private final Map<InboxFilter, String> filters;
  private final List<String> instances = new ArrayList<>();
  private final List<String> versions;
  private final List<String> subTasks = new ArrayList<>();
  private int checks;

  public InboxWorkout(ProcessEngine engine, long seed, String prefix) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.random = new Random(seed);
    this.prefix = prefix;
    this.groups = List.of(prefix + "-g1", prefix + "-g2", prefix + "-g3", prefix + "-g4");
    // a user in one group, one in two, one in another, one in none (sees only what is offered to them directly)
    this.users = new LinkedHashMap<>();
    users.put(prefix + "-u1", List.of(groups.get(0)));
    users.put(prefix + "-u2", List.of(groups.get(0), groups.get(1)));
    users.put(prefix + "-u3", List.of(groups.get(2)));
    users.put(prefix + "-u4", List.of());
    for (String group : groups) {
      identity.saveGroup(identity.newGroup(group));
    }
    users.forEach((user, memberOf) -> {
      identity.saveUser(identity.newUser(user));
      memberOf.forEach(group -> identity.createMembership(user, group));
    });
    this.filters = new EnumMap<>(InboxFilter.class);
    for (InboxFilter filter : InboxFilter.values()) {
      // as the application: everybody may use the standard filters
      Filter existing = filter.ensure(engine.getFilterService(), engine.getAuthorizationService());
      filters.put(filter, existing.getId());
    }
    // two versions: the second calls its first step "check" (another key and name), so migrations change tasks
    versions = List.of(deploy("first", "核实"), deploy("check", "核实（新版）"));
  }

  private String deploy(String firstStep, String firstName) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(prefix).camundaHistoryTimeToLive(1).startEvent()
        .userTask(firstStep).name(firstName).camundaCandidateGroups("${groupsFirst}").camundaDueDate("${due}")
        .camundaPriority("${priority}")
        .userTask("second").name("审核").camundaCandidateGroups("${groupsSecond}").camundaFollowUpDate("${due}")
        .endEvent().done();
    // as every model of the application: each step names the variable holding its decision (the decision audit)
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      CamundaProperties properties = model.newInstance(CamundaProperties.class);
      CamundaProperty decision = model.newInstance(CamundaProperty.class);
      decision.setCamundaName("decisionVariable");
      decision.setCamundaValue("outcome");
      properties.addChildElement(decision);
      task.builder().addExtensionElement(properties);
    }
    return engine.getRepositoryService().createDeployment().addModelInstance(prefix + ".bpmn", model).deployWithResult()
        .getDeployedProcessDefinitions().get(0).getId();
  }

  /** The statements of the Flyway migrations that make the table and its indexes, as the application runs them. */
  public static void createInboxTable(Connection connection) throws SQLException, IOException {
    String vendor = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2") ? "h2" : "mysql";
    for (String migration : List.of("db/migration/V7__inbox.sql", "db/vendor/" + vendor + "/V8__inbox_page_order.sql",
        "db/migration/V14__inbox_tally.sql", "db/vendor/" + vendor + "/V14_1__inbox_county_due.sql")) {
      String script = new ClassPathResource(migration).getContentAsString(StandardCharsets.UTF_8);
      try (Statement statement = connection.createStatement()) {
        for (String sql : script.replaceAll("(?m)--.*$", "").split(";")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
      }
    }
  }

  /** Runs the steps, checking every filter for every user after each; returns the number of comparisons made. */
  public int run(int steps) {
    for (int step = 0; step < steps; step++) {
      identity.clearAuthentication();
      String done = step();
      try {
        checkAll();
      } catch (AssertionError e) {
        throw new AssertionError("after step " + step + " (" + done + "): " + e.getMessage(), e);
      }
    }
    return checks;
  }

  /**
   * Tasks of the same steps, groups and due days opened by several transactions at once, as a bulk start or a busy
   * morning does: each client opens {@code transactions} transactions of {@code perTransaction} cases. Returns the
   * failures (a deadlock over the counts' new keys would be one); then the table and its counts are checked.
   */
  public List<Throwable> concurrentStarts(int clients, int transactions, int perTransaction)
      throws InterruptedException {
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    long now = ClockUtil.getCurrentTime().getTime();
    for (int c = 0; c < clients; c++) {
      Random own = new Random(c);
      threads.add(new Thread(() -> {
        for (int t = 0; t < transactions; t++) {
          try {
            List<String> started = executor().execute(context -> {
              List<String> ids = new ArrayList<>();
              for (int i = 0; i < perTransaction; i++) {
                ids.add(engine.getRuntimeService().startProcessInstanceById(versions.get(own.nextInt(2)),
                    Variables.createVariables().putValue("groupsFirst", groups.get(own.nextInt(groups.size())))
                        .putValue("groupsSecond", groups.get(0))
                        .putValue("due", new Date(now + (own.nextInt(9) - 3) * 86_400_000L + own.nextInt(60) * 60_000L))
                        .putValue("priority", 50)).getId());
              }
              return ids;
            });
            synchronized (instances) {
              instances.addAll(started);
            }
          } catch (RuntimeException e) {
            failures.add(e);
          }
        }
      }, "starts-" + c));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    checkTable();
    return failures;
  }

  /** Cancels what the workout started. */
  public void cleanUp() {
    identity.clearAuthentication();
    users.keySet().forEach(identity::deleteUser);
    groups.forEach(identity::deleteGroup);
    for (String instance : instances) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(instance, "inbox workout done");
      }
    }
  }

  /** The workout's open tasks: those of its processes and its sub-tasks (as 加签 makes them). */
  private List<Task> open() {
    List<Task> open = new ArrayList<>(tasks.createTaskQuery().processDefinitionKey(prefix).list());
    if (!subTasks.isEmpty()) {
      open.addAll(tasks.createTaskQuery().taskIdIn(subTasks.toArray(String[]::new)).list());
    }
    return open;
  }

  private String step() {
    List<Task> open = open();
    int choice = open.isEmpty() ? 0 : random.nextInt(17);
    if (choice <= 2) {
      String instance = engine.getRuntimeService().startProcessInstanceById(versions.get(random.nextInt(2)),
          Variables.createVariables().putValue("groupsFirst", someGroups()).putValue("groupsSecond", someGroups())
              .putValue("due", someDate()).putValue("priority", random.nextInt(3) * 25)).getId();
      instances.add(instance);
      return "start";
    }
    Task task = open.get(random.nextInt(open.size()));
    String user = someUser();
    if (task.isSuspended() && choice != 11) {
      // a suspended task refuses everything but its case's activation or cancellation
      engine.getRuntimeService().activateProcessInstanceById(task.getProcessInstanceId());
      return "activate";
    }
    if (task.getProcessInstanceId() == null && choice >= 11) {
      choice = 9; // a sub-task has no case to cancel, migrate or suspend: it is signed (completed)
    }
    if ((choice == 9 || choice == 10) && !tasks.getSubTasks(task.getId()).isEmpty()) {
      choice = 14; // the step waits for its co-signers (the application refuses it): one more instead
    }
    switch (choice) {
      case 3 -> {
        if (task.getAssignee() == null) {
          tasks.claim(task.getId(), user);
        }
        return "claim";
      }
      case 4 -> {
        tasks.setAssignee(task.getId(), random.nextBoolean() ? null : user);
        return "assign";
      }
      case 5 -> {
        tasks.addCandidateGroup(task.getId(), groups.get(random.nextInt(groups.size())));
        return "add group";
      }
      case 6 -> {
        tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null).findAny()
            .ifPresent(l -> tasks.deleteCandidateGroup(task.getId(), l.getGroupId()));
        return "remove group";
      }
      case 7 -> {
        if (random.nextBoolean()) {
          tasks.addCandidateUser(task.getId(), user);
        } else {
          tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getUserId() != null
              && "candidate".equals(l.getType())).findAny()
              .ifPresent(l -> tasks.deleteCandidateUser(task.getId(), l.getUserId()));
        }
        return "candidate user";
      }
      case 8 -> {
        task.setDueDate(someDate());
        task.setPriority(random.nextInt(100));
        task.setName(random.nextBoolean() ? "核实" : "复核");
        tasks.saveTask(task);
        return "due date, priority, name";
      }
      case 9, 10 -> {
        tasks.complete(task.getId(), Map.of("outcome", "DONE"));
        return "complete";
      }
      case 11 -> {
        engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "cancelled");
        return "cancel";
      }
      case 15 -> {
        // a listener or delegate adds a candidate to the task entity itself (no task command, no update event)
        String group = groups.get(random.nextInt(groups.size()));
        executor().execute(context -> {
          context.getTaskManager().findTaskById(task.getId()).addCandidateGroup(group);
          return null;
        });
        return "delegate adds group";
      }
      case 16 -> {
        // code that removes a candidate link without loading its task (a task with one group gets a second first)
        String removed = executor().execute(context -> {
          List<IdentityLinkEntity> links = context.getIdentityLinkManager().findIdentityLinksByTaskId(task.getId())
              .stream().filter(l -> l.getGroupId() != null).toList();
          if (links.size() < 2) {
            return null;
          }
          context.getDbEntityManager().delete(links.get(0));
          return "link removed";
        });
        if (removed == null) {
          tasks.addCandidateGroup(task.getId(), groups.get(random.nextInt(groups.size())));
          return "add group";
        }
        return removed;
      }
      case 14 -> {
        Task sub = tasks.newTask();
        sub.setParentTaskId(task.getId());
        sub.setName("会签");
        sub.setAssignee(user);
        sub.setDueDate(someDate());
        tasks.saveTask(sub);
        subTasks.add(sub.getId());
        return "sub-task";
      }
      case 12 -> {
        boolean onFirst = task.getProcessDefinitionId().equals(versions.get(0));
        MigrationPlan plan = engine.getRuntimeService().createMigrationPlan(versions.get(onFirst ? 0 : 1),
            versions.get(onFirst ? 1 : 0)).mapActivities(onFirst ? "first" : "check", onFirst ? "check" : "first")
            .mapActivities("second", "second").build();
        engine.getRuntimeService().newMigration(plan).processInstanceIds(task.getProcessInstanceId()).execute();
        return "migrate";
      }
      default -> {
        engine.getRuntimeService().suspendProcessInstanceById(task.getProcessInstanceId());
        return "suspend";
      }
    }
  }

  private CommandExecutor executor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  /** Checks the table and every filter for every user now. */
  public void checkAll() {
    checkTable();
    CommandExecutor executor = executor();
    FilterService inbox = engine.getFilterService();
    for (Map.Entry<String, List<String>> user : users.entrySet()) {
      identity.setAuthentication(user.getKey(), user.getValue());
      try {
        for (Map.Entry<InboxFilter, String> filter : filters.entrySet()) {
          String id = filter.getValue();
          String what = user.getKey() + " " + filter.getKey();
          if (user.getValue().isEmpty() && (filter.getKey() == InboxFilter.DUE_SOON
              || filter.getKey() == InboxFilter.OVERDUE)) {
            // the engine refuses a candidate group list that is empty ("Candidate group list is empty"); the inbox
            // shows a user in no group an empty filter
            assertThatThrownBy(() -> executor.execute(new ExecuteFilterCountCmd(id)))
                .hasRootCauseMessage("Candidate group list is empty");
            assertThat(inbox.count(id)).as("count, " + what).isZero();
            assertThat(inbox.listPage(id, 0, 10)).as("list, " + what).isEmpty();
            continue;
          }
          assertThat(inbox.count(id)).as("count, " + what)
              .isEqualTo(executor.execute(new ExecuteFilterCountCmd(id)));
          List<Task> all = inbox.list(id);
          List<Task> expectedAll = engineList(executor, new ExecuteFilterListPageCmd(id, null, 0, Integer.MAX_VALUE));
          assertThat(ids(inbox.listPage(id, 0, Integer.MAX_VALUE))).as("whole list, " + what)
              .containsExactlyInAnyOrderElementsOf(ids(expectedAll));
          assertThat(ids(all)).as("list(), " + what).containsExactlyInAnyOrderElementsOf(ids(expectedAll));
          TaskQuery ordering = ORDERINGS.get(random.nextInt(ORDERINGS.size())).apply(tasks);
          if (random.nextBoolean()) {
            // as Tasklist asks: its sorting and active tasks only
            ordering = (ordering == null ? tasks.createTaskQuery() : ordering).active();
          }
          int first = random.nextInt(3);
          List<Task> page = inbox.listPage(id, ordering, first, 3);
          List<Task> expected = engineList(executor, new ExecuteFilterListPageCmd(id, ordering, first, 3));
          // equal up to ties: the same sort keys in the same order, each task one the filter shows
          assertThat(keys(page, ordering)).as("page from %d %s, %s", first, describe(ordering), what)
              .isEqualTo(keys(expected, ordering));
          assertThat(ids(expectedAll)).as("page tasks among the filter's, " + what).containsAll(ids(page));
          checks += 4;
        }
      } finally {
        identity.clearAuthentication();
      }
    }
  }

  /**
   * The workout's rows of the inbox table are exactly those the engine's open tasks call for: one per candidate
   * group, candidate user and assignee, with the task's current dates, priority, name, step, process and suspension.
   */
  private void checkTable() {
    List<String> expected = new ArrayList<>();
    for (Task task : open()) {
      List<String> parties = new ArrayList<>();
      tasks.getIdentityLinksForTask(task.getId()).stream().filter(link -> "candidate".equals(link.getType()))
          .forEach(link -> parties.add(link.getGroupId() != null ? "G:" + link.getGroupId() : "U:" + link.getUserId()));
      if (task.getAssignee() != null) {
        parties.add("A:" + task.getAssignee());
      }
      parties.stream().distinct().forEach(party -> expected.add(String.join("|", task.getId(), party,
          String.valueOf(time(task.getCreateTime())), String.valueOf(time(task.getDueDate())),
          String.valueOf(time(task.getFollowUpDate())), String.valueOf(task.getPriority()), task.getName(),
          String.valueOf(task.getAssignee()), String.valueOf(task.getTaskDefinitionKey()),
          task.getProcessDefinitionId() == null ? "null" : prefix, String.valueOf(task.isSuspended()))));
    }
    List<String> actual = new ArrayList<>();
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT task_id, party, create_time, due_date, "
            + "follow_up_date, priority, name, assignee, task_def_key, proc_def_key, suspended FROM bf_inbox "
            + "WHERE party LIKE ? OR party LIKE ? OR party LIKE ?")) {
      for (int i = 0; i < 3; i++) {
        select.setString(i + 1, "GUA".charAt(i) + ":" + prefix + "-%");
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          actual.add(String.join("|", rows.getString(1), rows.getString(2),
              String.valueOf(time(rows.getTimestamp(3))), String.valueOf(time(rows.getTimestamp(4))),
              String.valueOf(time(rows.getTimestamp(5))), String.valueOf(rows.getInt(6)), rows.getString(7),
              String.valueOf(rows.getString(8)), String.valueOf(rows.getString(9)), String.valueOf(rows.getString(10)),
              String.valueOf(rows.getBoolean(11))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(actual).as("the inbox table's rows").containsExactlyInAnyOrderElementsOf(expected);
    checkCounts(dataSource, prefix);
  }

  /**
   * The counts the inbox keeps equal the rows counted now (every party, day, step, suspension and slot), no count row
   * is left at 0, and each row knows how many candidate parties its task has.
   */
  private static void checkCounts(DataSource dataSource, String prefix) {
    String ours = " WHERE (party LIKE 'G:" + prefix + "-%' OR party LIKE 'U:" + prefix + "-%' OR party LIKE 'A:"
        + prefix + "-%')";
    String key = "party, due_day, suspended, proc_def_key, task_def_key, name, slot";
    String counted = "SELECT party, COALESCE(CAST(due_date AS DATE), DATE '9999-12-31') AS due_day, suspended, "
        + "COALESCE(proc_def_key, '') AS proc_def_key, COALESCE(task_def_key, '') AS task_def_key, "
        + "COALESCE(name, '') AS name, tally_slot AS slot, COUNT(*) AS tasks FROM bf_inbox" + ours + " GROUP BY party, "
        + "COALESCE(CAST(due_date AS DATE), DATE '9999-12-31'), suspended, COALESCE(proc_def_key, ''), "
        + "COALESCE(task_def_key, ''), COALESCE(name, ''), tally_slot";
    String kept = "SELECT " + key + ", tasks FROM bf_inbox_tally" + ours;
    try (Connection connection = dataSource.getConnection()) {
      assertThat(rows(connection, kept)).as("the kept counts").containsExactlyInAnyOrderElementsOf(
          rows(connection, counted));
      assertThat(rows(connection, "SELECT party, slot FROM bf_inbox_tally" + ours + " AND tasks = 0"))
          .as("count rows at 0").isEmpty();
      assertThat(rows(connection, "SELECT task_id, party, candidate_parties FROM bf_inbox i" + ours
          + " AND i.candidate_parties <> (SELECT COUNT(*) FROM bf_inbox c WHERE c.task_id = i.task_id AND c.party NOT LIKE 'A:%')"))
          .as("rows with a wrong number of candidate parties").isEmpty();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(result.getObject(i)));
        }
        rows.add(String.join("|", row));
      }
    }
    return rows;
  }

  private static Object time(Timestamp timestamp) {
    return timestamp == null ? "none" : timestamp.getTime();
  }

  /** The engine's own answer: its filter command, as the stock filter service runs it. */
  @SuppressWarnings("unchecked")
  public static List<Task> engineList(CommandExecutor executor, ExecuteFilterListPageCmd command) {
    return (List<Task>) executor.execute(command);
  }

  private static String describe(TaskQuery extending) {
    if (extending == null) {
      return "in the filter's order";
    }
    TaskQueryImpl query = (TaskQueryImpl) extending;
    return "ordered " + query.getOrderingProperties() + (query.getSuspensionState() != null ? ", active only" : "");
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  /**
   * The values a task is sorted by under the ordering (the filter's own is by due date): two answers of a page are
   * equal up to ties when these are equal (the engine's order among tasks with equal keys is the database's).
   */
  public static List<List<Object>> keys(List<Task> tasks, TaskQuery ordering) {
    return tasks.stream().map(task -> List.<Object>of(time(task.getDueDate()), time(task.getCreateTime()),
        task.getPriority(), String.valueOf(task.getName()), String.valueOf(task.getAssignee()),
        time(task.getFollowUpDate())))
        .map(all -> sortKey(all, ordering)).toList();
  }

  private static List<Object> sortKey(List<Object> all, TaskQuery ordering) {
    if (ordering == null || ((TaskQueryImpl) ordering).getOrderingProperties().isEmpty()) {
      return List.of(all.get(0));
    }
    String property = ((TaskQueryImpl) ordering).getOrderingProperties().get(0)
        .getQueryProperty().getName();
    int index = switch (property) {
      case "DUE_DATE_" -> 0;
      case "CREATE_TIME_" -> 1;
      case "PRIORITY_" -> 2;
      case "NAME_" -> 3;
      case "ASSIGNEE_" -> 4;
      default -> 5;
    };
    return List.of(all.get(0), all.get(index));
  }

  private String someGroups() {
    List<String> chosen = new ArrayList<>(groups.subList(0, 1 + random.nextInt(2)));
    Collections.shuffle(chosen, random);
    return chosen.size() > 1 && random.nextBoolean() ? groups.get(random.nextInt(groups.size()))
        : String.join(",", chosen);
  }

  private String someUser() {
    List<String> names = List.copyOf(users.keySet()); // in insertion order: the seed repeats the run
    return names.get(random.nextInt(names.size()));
  }

  /** None, overdue, due within two days, or later; to the second (ties happen, as in a real inbox). */
  private Date someDate() {
    long now = ClockUtil.getCurrentTime().getTime() / 1000 * 1000;
    return switch (random.nextInt(4)) {
      case 0 -> null;
      // hours back and ahead, so that some fall on the days a due window cuts (today, the day after tomorrow)
      case 1 -> new Date(now - (1 + random.nextInt(72)) * 3_600_000L - random.nextInt(60) * 60_000L);
      case 2 -> new Date(now + (1 + random.nextInt(60)) * 3_600_000L + random.nextInt(60) * 60_000L);
      default -> new Date(now + (3 + random.nextInt(5)) * 86_400_000L);
    };
  }

  private static Object time(Date date) {
    return date == null ? "none" : date.getTime();
  }
}
