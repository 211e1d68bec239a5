package org.bangfu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bangfu.demo.DemoData;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.inbox.InboxFilter;
import org.bangfu.measure.MeasureDelivery;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.bangfu.tools.SyntheticPush;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Benchmark (not a test: {@code ./mvnw -B verify -Pbench -Dit.test=BusiestDayBench}; never in CI): a county's busiest
 * morning, the load model of docs/benchmarks.md — people who open their inbox, open a task with its case, claim it,
 * think, complete it, look at case pages, search, and supervisors who watch the dashboard, each with think times
 * (exponential, mean -Dbangfu.bench.day.think seconds, 20), in stages of more and more people
 * (-Dbangfu.bench.day.users, "25,50,100,200,400"), each stage -Dbangfu.bench.day.stage-seconds (120) measured after
 * 30 s; while a department import runs throughout and the quarter's run is made at the start. One node (a JVM of its
 * own, MariaDB). Prints p50/p95/p99 per action and stage, and the largest stage whose every action has p95 ≤ 300 ms.
 *
 * <p>A virtual user works one case after another through every step (registering the household, opening the case,
 * each decision as the step's role — cadre, township, county, departments), so that the tasks it opens, claims and
 * completes exist; before each step it opens that role's inbox and the task, and between actions it thinks.
 *
 * <p>Then the same with stock Camunda through its REST API (StockCounty), for the actions it has: the inbox (its
 * filters), the task, claim and complete ({@code -Dbangfu.bench.day.configs}, "ours,stock").
 */
class BusiestDayBench {

  private static final int[] USERS = Arrays.stream(System.getProperty("bangfu.bench.day.users", "25,50,100,200,400")
      .split(",")).mapToInt(Integer::parseInt).toArray();
  private static final double THINK_SECONDS = Double.parseDouble(System.getProperty("bangfu.bench.day.think", "20"));
  private static final int STAGE_SECONDS = Integer.getInteger("bangfu.bench.day.stage-seconds", 120);
  private static final int WARM_UP_SECONDS = 30;
  private static final double TARGET_P95_MS = 300;
  private static final String COUNTY_APPROVER = DemoCounty.COUNTY_APPROVER;
  private static final String[][] VILLAGES = DemoCounty.VILLAGES;
  private static final List<String> HANDLERS = DemoCounty.HANDLERS;
  private static final List<String> ACTIONS = List.of("open inbox", "open task", "claim", "complete", "case page",
      "search", "dashboard");
  /** Those stock Camunda has. */
  private static final List<String> STOCK_ACTIONS = ACTIONS.subList(0, 4);

  static {
    BenchLogging.quiet();
  }

  @Test
  void aCountysBusiestMorning() throws Exception {
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      // -Dbangfu.bench.day.configs: ours, stock or both (in this order)
      for (String config : System.getProperty("bangfu.bench.day.configs", "ours,stock").split(",")) {
        if (config.equals("stock")) {
          stockMorning(server);
        } else {
          oursMorning(server);
        }
      }
    }
  }

  private static void oursMorning(EmbeddedMariaDb.Server server) throws Exception {
    server.createDatabase("day");
    Path work = Files.createTempDirectory("bangfu-bench-day-");
    try (AppNode node = AppNode.start(server.url("day"), work, 0, "--camunda.bpm.job-execution.enabled=true",
        "--bangfu.imports.poll-interval=PT1S",
        // -Dbangfu.bench.day.import-share: the import's share of its time (the application's setting: 0.5)
        "--bangfu.imports.busy-share=" + System.getProperty("bangfu.bench.day.import-share", "0.5"))) {
      try (Connection db = BenchEngine.seeding(server, "day")) {
        SyntheticPush.seedRegistry(db, SyntheticPush.villages(db, DemoData.COUNTY), 20_000);
      }
      Background background = new Background(node, work);
      background.start();
      String served = stages(node.api(), false);
      background.stop();
      System.out.printf("%nBUSIEST DAY, ours (think time %.0f s mean, a department import throughout, the quarter's"
          + " run at the start: %s; open tasks at the end: %,d)%n%s", THINK_SECONDS, background.describe(),
          openTasks(server, "day"), served);
    }
  }

  /**
   * Stock Camunda (StockCounty) with the actions it has — the inbox, the task, claim, complete — by the same people on
   * the same steps; it has no case page, search, dashboard, department import or quarterly run, so its people only
   * work their cases and nothing runs beside them.
   */
  private static void stockMorning(EmbeddedMariaDb.Server server) throws Exception {
    Path work = Files.createTempDirectory("bangfu-bench-day-stock-");
    server.createDatabase("day_stock");
    try (AppNode node = StockCounty.start(server, "day_stock", work, 1)) {
      String served = stages(node.api(), true);
      System.out.printf("%nBUSIEST DAY, stock Camunda through its REST API (think time %.0f s mean, nothing beside;"
          + " open tasks at the end: %,d)%n%s", THINK_SECONDS, openTasks(server, "day_stock"), served);
    }
  }

  /** The stages until one's p95 passes the target; their report and the largest stage within it. */
  private static String stages(ApiClient api, boolean stock) throws InterruptedException {
    Map<String, String> filters = new LinkedHashMap<>();
    for (Map<String, Object> filter : api.getList("cadre_dongshan", "/engine-rest/filter?resourceType=Task")
        .getBody()) {
      filters.put((String) filter.get("name"), (String) filter.get("id"));
    }
    StringBuilder report = new StringBuilder();
    int served = 0;
    for (int users : USERS) {
      Stage stage = new Stage(api, filters, users, stock);
      stage.run();
      report.append(stage.print());
      if (stage.worstP95() > TARGET_P95_MS) {
        break;
      }
      served = users;
    }
    return report.append(String.format("largest stage with every action's p95 <= %.0f ms: %s%n", TARGET_P95_MS,
        served == 0 ? "none" : served + " people")).toString();
  }

  private static int openTasks(EmbeddedMariaDb.Server server, String database) throws java.sql.SQLException {
    try (Connection db = BenchEngine.seeding(server, database)) {
      return AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_RU_TASK");
    }
  }

  /** A department import after another (医保 pushes of 20,000 rows), and the quarter's run once. */
  private static final class Background {
    private final AppNode node;
    private final Path work;
    private final AtomicInteger imports = new AtomicInteger();
    private volatile boolean running = true;
    private volatile String quarterly = "not started";
    private Thread thread;

    Background(AppNode node, Path work) {
      this.node = node;
      this.work = work;
    }

    void start() {
      thread = new Thread(() -> {
        long started = System.currentTimeMillis();
        var quarter = node.api().postAsAdmin("/api/periodic-runs", Map.of("kind", "QUARTERLY"));
        quarterly = quarter.getStatusCode().value() + " in " + (System.currentTimeMillis() - started) / 1000 + " s";
        for (int n = 0; running; n++) {
          try {
            Path file = work.resolve("push-" + n + ".csv");
            // record numbers of this push's own: rows a department sent before are recognised and skipped
            SyntheticPush.writeMedicalPush(file, "SYN" + n + "-", 20_000, 20_000, 200, 997,
                LocalDate.now().minusDays(1 + n));
            var response = node.upload("handler_medins", "MEDINS", file.getFileName().toString(),
                Files.readAllBytes(file));
            if (response.statusCode() != 202) {
              return;
            }
            var id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(response.body());
            id.find();
            while (running && !node.get("handler_medins", "/api/imports/" + id.group(1)).contains("\"DONE\"")) {
              Thread.sleep(1_000);
            }
            imports.incrementAndGet();
          } catch (InterruptedException e) {
            return;
          } catch (Exception e) {
            System.out.println("background import: " + e);
            return;
          }
        }
      }, "background");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      running = false;
      thread.interrupt();
    }

    String describe() {
      return "quarterly run " + quarterly + ", " + imports.get() + " imports of 20,000 rows done";
    }
  }

  /** One stage: this many people for the stage's time, their actions' latencies after the warm-up. */
  private static final class Stage {
    final ApiClient api;
    final Map<String, String> filters;
    final int users;
    /** Stock Camunda: its actions only; everyone works cases (it has no dashboard to watch). */
    final boolean stock;
    final List<String> actions;
    final Map<String, ConcurrentLinkedQueue<Double>> latencies = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicInteger casesDone = new AtomicInteger();
    long measuredFrom;
    long until;

    Stage(ApiClient api, Map<String, String> filters, int users, boolean stock) {
      this.api = api;
      this.filters = filters;
      this.users = users;
      this.stock = stock;
      this.actions = stock ? STOCK_ACTIONS : ACTIONS;
    }

    void run() throws InterruptedException {
      measuredFrom = System.currentTimeMillis() + WARM_UP_SECONDS * 1000L;
      until = measuredFrom + STAGE_SECONDS * 1000L;
      List<Thread> people = new ArrayList<>();
      int supervisors = stock ? 0 : Math.max(1, users / 25);
      for (int u = 0; u < users; u++) {
        int n = u;
        // one supervisor in 25 people (at least one) watches the dashboard; the others work cases
        people.add(new Thread(n < supervisors ? this::supervise : () -> workCases(VILLAGES[n % VILLAGES.length]),
            "person-" + n));
      }
      for (Thread person : people) {
        person.start();
        Thread.sleep(Math.max(1, WARM_UP_SECONDS * 500L / users)); // arrive over the first half of the warm-up
      }
      for (Thread person : people) {
        person.join();
      }
    }

    void supervise() {
      while (System.currentTimeMillis() < until) {
        think();
        timed("dashboard", () -> call("supervisor_county", HttpMethod.GET, "/api/supervision/" + DemoData.COUNTY,
            null));
      }
    }

    void workCases(String[] village) {
      while (System.currentTimeMillis() < until) {
        try {
          oneCase(village);
        } catch (RuntimeException | AssertionError e) {
          errors.add(e.toString());
        }
      }
    }

    void oneCase(String[] village) {
      String cadre = village[1];
      String reviewer = village[2];
      String bk;
      Object caseId = null;
      if (stock) {
        bk = StockCounty.startCase(api, village);
      } else {
        long household = api.createHousehold(cadre, ApiClient.household(village[0], "ORDINARY", 7000, 0, "FULL",
            "NONE"));
        Map<String, Object> opened = api.openCase(cadre, Map.of("householdId", household, "channel",
            "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
        bk = (String) opened.get("businessKey");
        caseId = opened.get("id");
      }
      step(cadre, caseId, bk, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
          "verifyFindings", "情况属实", "verifyDecision", "CONFIRM"));
      step(cadre, caseId, bk, RiskIdentification.DEMOCRATIC_REVIEW, Map.of("reviewDecision", "PASS"));
      if (!stock) {
        api.postAsAdmin("/api/demo/cases/" + caseId + "/end-waiting", Map.of());
      }
      step(COUNTY_APPROVER, caseId, bk, RiskIdentification.CROSS_CHECK_ASSETS, Map.of("assetCheckResult", "CLEAR"));
      step(reviewer, caseId, bk, RiskIdentification.TOWNSHIP_REVIEW, Map.of("townshipDecision", "APPROVE"));
      step(COUNTY_APPROVER, caseId, bk, RiskIdentification.COUNTY_APPROVAL, Map.of("countyDecision", "APPROVE"));
      step(cadre, caseId, bk, HouseholdPlan.DRAFT_PLAN, Map.of("householdConfirmed", true, "planDraftDecision",
          "SUBMIT"));
      step(reviewer, caseId, bk, HouseholdPlan.TOWNSHIP_REVIEW, Map.of("planTownshipDecision", "APPROVE"));
      step(COUNTY_APPROVER, caseId, bk, HouseholdPlan.COUNTY_APPROVAL, Map.of("planCountyDecision", "APPROVE"));
      for (String handler : HANDLERS) {
        for (Map<String, Object> task : api.tasks(handler, bk)) {
          if (MeasureDelivery.DELIVER_MEASURE.equals(task.get("taskDefinitionKey"))) {
            act(handler, caseId, bk, (String) task.get("id"), Map.of("deliveryOutcome", "DELIVERED", "deliveredAmount",
                1000, "deliveryResult", "已落实", "evidenceRef", "PZ-" + handler));
          }
        }
      }
      if (System.currentTimeMillis() >= measuredFrom) {
        casesDone.incrementAndGet();
      }
    }

    /** The step's task of the case as its role finds it (waiting for it, as after a timer), then acting on it. */
    void step(String user, Object caseId, String bk, String step, Map<String, Object> variables) {
      long give = System.currentTimeMillis() + 60_000;
      while (true) {
        var found = api.tasks(user, bk).stream().filter(t -> step.equals(t.get("taskDefinitionKey"))).findFirst();
        if (found.isPresent()) {
          act(user, caseId, bk, (String) found.get().get("id"), variables);
          return;
        }
        if (System.currentTimeMillis() > give) {
          throw new AssertionError(user + " sees no " + step + " of " + bk);
        }
        sleep(200);
      }
    }

    /** What a person does with a task: the inbox, the task with its case, claim, think, complete, sometimes more. */
    void act(String user, Object caseId, String bk, String taskId, Map<String, Object> variables) {
      String inbox = filters.get(InboxFilter.GROUP.title());
      timed("open inbox", () -> {
        // as Tasklist: the first page of 本组待办, newest first, and every filter's count
        ResponseEntity<String> page = call(user, HttpMethod.POST, "/engine-rest/filter/" + inbox
            + "/list?firstResult=0&maxResults=15", Map.of("sorting", List.of(Map.of("sortBy", "created",
                "sortOrder", "desc")), "active", true));
        for (String filter : filters.values()) {
          ResponseEntity<String> count = call(user, HttpMethod.GET, "/engine-rest/filter/" + filter + "/count", null);
          if (count.getStatusCode().isError()) {
            return count;
          }
        }
        return page;
      });
      think();
      timed("open task", () -> {
        call(user, HttpMethod.GET, "/engine-rest/task/" + taskId, null);
        ResponseEntity<String> form = call(user, HttpMethod.GET, "/engine-rest/task/" + taskId + "/form-variables",
            null);
        // stock Camunda: the task and its variables are all it has to show
        return stock ? form : call(user, HttpMethod.GET, "/api/cases/of-task/" + taskId, null);
      });
      timed("claim", () -> api.claim(user, taskId));
      think();
      timed("complete", () -> api.complete(user, taskId, variables));
      if (stock) {
        return; // no case page, no search
      }
      if (ThreadLocalRandom.current().nextInt(3) == 0) {
        think();
        timed("case page", () -> call(user, HttpMethod.GET, "/api/cases/" + caseId, null));
      }
      if (ThreadLocalRandom.current().nextInt(5) == 0) {
        think();
        // 查找案件 by its case number, as a cadre who was told it on the phone
        timed("search", () -> call(user, HttpMethod.GET, "/api/cases/search?q=" + bk, null));
      }
    }

    /** A request as the user, its body as text (lists and objects alike). */
    ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
      return api.as(user).exchange(path, method, new HttpEntity<>(body), String.class);
    }

    void timed(String action, Supplier<? extends ResponseEntity<?>> request) {
      long start = System.nanoTime();
      ResponseEntity<?> response = request.get();
      double millis = (System.nanoTime() - start) / 1e6;
      if (response.getStatusCode().isError()) {
        errors.add(action + ": " + response.getStatusCode() + " " + response.getBody());
      }
      long now = System.currentTimeMillis();
      if (now >= measuredFrom && now < until) {
        latencies.computeIfAbsent(action, a -> new ConcurrentLinkedQueue<>()).add(millis);
      }
    }

    void think() {
      double mean = THINK_SECONDS * 1000;
      long millis = (long) Math.min(4 * mean, -mean * Math.log(1 - ThreadLocalRandom.current().nextDouble()));
      sleep(Math.min(millis, Math.max(0, until - System.currentTimeMillis())));
    }

    /** The highest p95 of the actions; infinite when an action was not measured or requests failed. */
    double worstP95() {
      if (!errors.isEmpty() || !latencies.keySet().containsAll(actions)) {
        return Double.POSITIVE_INFINITY;
      }
      return actions.stream().mapToDouble(a -> BenchEngine.percentileOf(latencies.get(a), 95)).max().orElseThrow();
    }

    String print() {
      StringBuilder out = new StringBuilder(String.format("%n%d people: %d cases done, %d errors%s%n", users,
          casesDone.get(), errors.size(), errors.isEmpty() ? "" : " (first: " + errors.peek() + ")"));
      out.append(String.format("%-12s %8s %8s %8s %8s %8s%n", "action", "count", "per s", "p50 ms", "p95 ms",
          "p99 ms"));
      for (String action : actions) {
        List<Double> millis = new ArrayList<>(latencies.getOrDefault(action, new ConcurrentLinkedQueue<>()));
        out.append(String.format("%-12s %8d %8.2f %8.1f %8.1f %8.1f%n", action, millis.size(),
            millis.size() / (double) STAGE_SECONDS, BenchEngine.percentileOf(millis, 50),
            BenchEngine.percentileOf(millis, 95), BenchEngine.percentileOf(millis, 99)));
      }
      return out.toString();
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

}
