package org.bangfu.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.bangfu.inbox.InboxFilter;
import org.bangfu.inbox.InboxPlugin;
import org.bangfu.inbox.InboxStatements;
import org.bangfu.testing.EmbeddedMariaDb;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test: run with {@code ./mvnw -B verify -Pbench}; never in CI): a reviewer's inbox — the first
 * page of 20 of the standard filter 本组待办 as Tasklist asks for it (newest first, active tasks) and its count — with
 * 100k open tasks (-Dbangfu.bench.tasks), authorization on, a township reviewer in 3 of a county's 18 candidate
 * groups (a sixth of the tasks), on an embedded MariaDB on loopback, in two engine configurations built in the same
 * run on the same model and data:
 * <ul>
 *   <li><b>stock</b>: Camunda 7.24's defaults — the default authorization provider writes a TASK authorization per
 *       candidate group of each task, and the filter's query joins them;</li>
 *   <li><b>ours</b>: the application's engine settings and its inbox ({@link InboxPlugin}): the page's task ids and
 *       the count from the inbox table, then the engine loads those 20 tasks (with its authorization check).</li>
 * </ul>
 * Prints p50/p95 and the ratio. On both data sets it also times the supervision dashboard (DashboardFigures).
 */
class InboxBench {

  private static final int TASKS = Integer.getInteger("bangfu.bench.tasks", 100_000);
  /** -Dbangfu.bench.inbox-profile-seconds: after the figures, the page alone this long under JFR (0: not). */
  private static final int PROFILE_SECONDS = Integer.getInteger("bangfu.bench.inbox-profile-seconds", 0);
  private static final String COUNTY = "629901";
  /** A county's candidate groups as the application names them: 12 villages, 4 townships, the county, a department. */
  private static final List<String> GROUPS = groups();
  private static final int GROUP_COUNT = GROUPS.size();
  /** A township reviewer: the township's group and two of its villages' (in the absence of their cadres). */
  private static final List<String> REVIEWER_GROUPS = List.of("township-629901100", "village-629901100201",
      "village-629901100202");
  private static final int STEPS = 6;

  static {
    BenchLogging.quiet();
  }

  @Test
  void aReviewersInboxAtOneHundredThousandOpenTasks() {
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      if (!Boolean.parseBoolean(System.getProperty("bangfu.bench.inbox-stock", "true"))) {
        // -Dbangfu.bench.inbox-stock=false: ours only, for its breakdown (no ratio without stock)
        Map<String, Object> ours = measure("ours", server, true);
        System.out.printf("%nINBOX ours only, %,d open tasks (%,d visible): page p50 %.1f p95 %.1f ms, count p50 %.1f "
            + "p95 %.1f ms%n", TASKS, ours.get("visible"), ours.get("pageP50"), ours.get("pageP95"), ours.get("countP50"),
            ours.get("countP95"));
        DashboardFigures.Result dashboard = (DashboardFigures.Result) ours.get("dashboard");
        long[] figures = dashboard.figures();
        System.out.printf("DASHBOARD ours only, county %s: open %,d, due soon %,d, overdue %,d: p50 %.1f p95 %.1f ms%n",
            COUNTY, figures[0], figures[1], figures[2], BenchEngine.percentile(dashboard.millis(), 50),
            BenchEngine.percentile(dashboard.millis(), 95));
        return;
      }
      Map<String, Object> stock = measure("stock", server, false);
      Map<String, Object> ours = measure("ours", server, true);
      System.out.printf("%nINBOX %,d open tasks, reviewer in %d of %d groups (%,d visible: stock %,d, ours %,d)%n",
          TASKS, REVIEWER_GROUPS.size(), GROUP_COUNT, ours.get("visible"), stock.get("visible"), ours.get("visible"));
      System.out.printf("%-16s %12s %12s %12s %12s%n", "configuration", "page p50 ms", "page p95 ms",
          "count p50 ms", "count p95 ms");
      for (Map<String, Object> row : List.of(stock, ours)) {
        System.out.printf("%-16s %12.1f %12.1f %12.1f %12.1f%n", row.get("name"), row.get("pageP50"),
            row.get("pageP95"), row.get("countP50"), row.get("countP95"));
      }
      System.out.printf("ratio stock/ours: page p95 %.1fx, count p95 %.1fx%n",
          (double) stock.get("pageP95") / (double) ours.get("pageP95"),
          (double) stock.get("countP95") / (double) ours.get("countP95"));
      DashboardFigures.print(COUNTY, (DashboardFigures.Result) stock.get("dashboard"),
          (DashboardFigures.Result) ours.get("dashboard"));
    }
  }

  private static Map<String, Object> measure(String name, EmbeddedMariaDb.Server server, boolean ours) {
    String database = ours ? "inbox_ours" : "inbox_stock";
    server.createDatabase(database);
    StandaloneProcessEngineConfiguration configuration = ours ? BenchEngine.ours(server, database)
        : BenchEngine.stock(server, database);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      Map<InboxFilter, String> filters = seed(engine, ours);
      String filter = filters.get(InboxFilter.GROUP);
      engine.getIdentityService().setAuthentication("reviewer", REVIEWER_GROUPS);
      // what Tasklist sends with every filter: its sorting (newest first) and active tasks only
      Supplier<TaskQuery> tasklist = () -> engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc()
          .active();
      Supplier<List<Task>> page = () -> engine.getFilterService().listPage(filter, tasklist.get(), 0, 20);
      Supplier<Long> count = () -> engine.getFilterService().count(filter, tasklist.get());
      long visible = count.get();
      if (page.get().size() != Math.min(20, visible)) {
        throw new IllegalStateException(name + ": a page of " + page.get().size() + " of " + visible);
      }
      List<Double> pages = BenchEngine.time(page);
      List<Double> counts = BenchEngine.time(count);
      // Tasklist's list of filters asks each filter's count: the other three standard filters (ours only: stock's
      // take minutes each, as its count of this one)
      Map<InboxFilter, double[]> otherCounts = new LinkedHashMap<>();
      for (InboxFilter other : ours ? List.of(InboxFilter.MINE, InboxFilter.DUE_SOON, InboxFilter.OVERDUE)
          : List.<InboxFilter>of()) {
        Supplier<Long> otherCount = () -> engine.getFilterService().count(filters.get(other), tasklist.get());
        List<Double> millis = BenchEngine.time(otherCount);
        otherCounts.put(other, new double[] {otherCount.get(), BenchEngine.percentile(millis, 50),
            BenchEngine.percentile(millis, 95)});
      }
      if (ours) {
        System.out.printf("%n%s: the other filters' counts (tasks, p50 ms, p95 ms):", name);
        otherCounts.forEach((other, figures) -> System.out.printf(" %s %,.0f %.1f %.1f;", other.title(), figures[0],
            figures[1], figures[2]));
        System.out.println();
      }
      if (ours) {
        whereOursGoes(engine, filter, page.get().stream().map(Task::getId).toList());
      }
      if (ours && PROFILE_SECONDS > 0) {
        profile(page);
      }
      engine.getIdentityService().clearAuthentication();
      DashboardFigures.Result dashboard = ours ? DashboardFigures.ours(engine, COUNTY)
          : DashboardFigures.stock(engine, GROUPS, STEPS);
      return Map.of("name", name, "visible", visible, "pageP50", BenchEngine.percentile(pages, 50),
          "pageP95", BenchEngine.percentile(pages, 95), "countP50", BenchEngine.percentile(counts, 50),
          "countP95", BenchEngine.percentile(counts, 95), "dashboard", dashboard);
    } finally {
      BenchEngine.close(engine);
    }
  }

  /**
   * Where the time of "ours" goes: the inbox table's two statements on their own (InboxTable's, over JDBC), and the
   * engine loading the page's 20 tasks by id with its authorization check (as the filter does) and without it (no
   * user signed in).
   */
  /**
   * Ours' page, requested again and again for the profile's seconds with Java Flight Recorder's profiling settings,
   * the recording written to target/inbox-page.jfr: where a page's time goes, without the seeding in the recording.
   */
  private static void profile(Supplier<List<Task>> page) {
    try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
      recording.start();
      long until = System.nanoTime() + PROFILE_SECONDS * 1_000_000_000L;
      int pages = 0;
      while (System.nanoTime() < until) {
        page.get();
        pages++;
      }
      recording.stop();
      java.nio.file.Path file = java.nio.file.Path.of("target", "inbox-page.jfr");
      recording.dump(file);
      System.out.printf("%nPROFILE of ours' page: %,d pages in %d s, recorded in %s%n", pages, PROFILE_SECONDS,
          file.toAbsolutePath());
    } catch (java.io.IOException | java.text.ParseException e) {
      throw new IllegalStateException("could not record the page's profile", e);
    }
  }

  private static void whereOursGoes(ProcessEngine engine, String filterId, List<String> pageIds) {
    List<String> parties = new ArrayList<>(REVIEWER_GROUPS.stream().map(group -> "G:" + group).toList());
    parties.add("U:reviewer");
    Supplier<List<Task>> load = () -> engine.getTaskService().createTaskQuery()
        .taskIdIn(pageIds.toArray(String[]::new)).orderByTaskCreateTime().desc().list();
    Map<String, List<Double>> parts = new LinkedHashMap<>();
    parts.put("inbox table: the page's 20 ids (SQL)",
        BenchEngine.time(() -> onTable(engine, c -> InboxStatements.newestIds(c, parties, 20))));
    parts.put("inbox counts: the count, kept per party (SQL)",
        BenchEngine.time(() -> onTable(engine, c -> InboxStatements.count(c, parties))));
    parts.put("inbox table: the count, COUNT(DISTINCT) over the rows (SQL)",
        BenchEngine.time(() -> onTable(engine, c -> InboxStatements.countFromRows(c, parties))));
    parts.put("engine: those 20 tasks by id, authorization checked", BenchEngine.time(load));
    // what the filter service does around them for every page and count: the filter read with the user's
    // permission to read it, and the user's groups (the candidate-user query's), each as its own command
    parts.put("engine: the filter, with the permission to read it",
        BenchEngine.time(() -> engine.getFilterService().getFilter(filterId)));
    parts.put("identity: the user's groups (the candidate user's)",
        BenchEngine.time(() -> engine.getIdentityService().createGroupQuery().groupMember("reviewer").list()));
    var authentication = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().clearAuthentication();
    parts.put("engine: those 20 tasks by id, no authorization check", BenchEngine.time(load));
    engine.getIdentityService().setAuthentication(authentication);
    System.out.printf("%nWHERE OURS GOES (p50 / p95 ms)%n");
    parts.forEach((part, millis) -> System.out.printf("%-58s %8.1f %8.1f%n", part,
        BenchEngine.percentile(millis, 50), BenchEngine.percentile(millis, 95)));
  }

  private interface TableRead<T> {
    T on(Connection connection) throws SQLException;
  }

  private static <T> T onTable(ProcessEngine engine, TableRead<T> read) {
    try (Connection connection = BenchEngine.configuration(engine).getDataSource().getConnection()) {
      return read.on(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The groups, the reviewer, the standard filters (their ids returned), and TASKS instances of a model with one of 6
   * steps each, spread evenly over the groups; a fifth of the tasks overdue (due within the last 30 days), a fifth due
   * within two days, the others within 3 to 60 days, each at a random minute of its day. Started in transactions of
   * 1,000 by -Dbangfu.bench.seed-threads clients (2).
   */
  private static Map<InboxFilter, String> seed(ProcessEngine engine, boolean ours) {
    for (String groupId : GROUPS) {
      engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(groupId));
    }
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("reviewer"));
    REVIEWER_GROUPS.forEach(group -> engine.getIdentityService().createMembership("reviewer", group));
    Map<InboxFilter, String> filters = new LinkedHashMap<>();
    for (InboxFilter filter : InboxFilter.values()) {
      filters.put(filter, filter.ensure(engine.getFilterService(), engine.getAuthorizationService()).getId());
    }
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("InboxBench").camundaHistoryTimeToLive(30).startEvent()
        .exclusiveGateway("Gateway_Step");
    for (int step = 0; step < STEPS; step++) {
      flow = flow.moveToNode("Gateway_Step").condition("step " + step, "${step == " + step + "}")
          .userTask("Activity_Step" + step).name("步骤" + step).camundaCandidateGroups("${region}")
          .camundaDueDate("${due}").endEvent().moveToNode("Gateway_Step");
    }
    engine.getRepositoryService().createDeployment().addModelInstance("inbox-bench.bpmn", flow.done()).deploy();
    long started = System.currentTimeMillis();
    long minute = 60_000L;
    long day = 24 * 60 * minute;
    BenchEngine.inBatches(engine, TASKS, Integer.getInteger("bangfu.bench.seed-threads", 2), i -> {
      Random random = new java.util.Random(i);
      long due = switch (i % 5) {
        case 0 -> started - minute - random.nextInt(30 * 24 * 60) * minute;
        case 1 -> started + minute + random.nextInt(2 * 24 * 60 - 2) * minute;
        default -> started + 3 * day + random.nextInt(57 * 24 * 60) * minute;
      };
      engine.getRuntimeService().startProcessInstanceByKey("InboxBench", Map.of("region",
          GROUPS.get(i % GROUP_COUNT), "step", (i / GROUP_COUNT) % STEPS, "due", new Date(due)));
    });
    System.out.printf("seeded %,d tasks (%s) in %,d s%n", TASKS, ours ? "ours" : "stock",
        (System.currentTimeMillis() - started) / 1000);
    return filters;
  }

  private static List<String> groups() {
    List<String> groups = new ArrayList<>();
    for (int township = 0; township < 4; township++) {
      groups.add("township-6299011" + String.format("%02d", township));
      for (int village = 1; village <= 3; village++) {
        groups.add("village-6299011" + String.format("%02d", township) + "20" + village);
      }
    }
    groups.add("county-" + COUNTY);
    groups.add("dept-CIVIL-" + COUNTY);
    return List.copyOf(groups);
  }
}
