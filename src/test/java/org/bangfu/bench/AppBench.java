package org.bangfu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.measure.MeasureDelivery;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Benchmarks of the whole application as separately started JVMs (run with {@code ./mvnw -B verify -Pbench}; never in
 * CI): its start-up and memory on the embedded default against a stock Camunda Spring Boot application with the same
 * models, and the lifecycle of cases through the API by concurrent clients on one node and on two nodes of one
 * database, with the engine settings of application.yml against the starter's defaults — and against stock Camunda
 * through its own REST API (StockCounty: the same user tasks, HTTP Basic, authorization on).
 */
class AppBench {

  private static final int SECONDS = Integer.getInteger("bangfu.bench.lifecycle-seconds", 120);
  /** Not counted: the fresh JVM compiles its hot paths meanwhile. */
  private static final int WARM_UP_SECONDS = Integer.getInteger("bangfu.bench.warm-up-seconds", 60);
  private static final int CLIENTS = Integer.getInteger("bangfu.bench.clients", 12);
  /**
   * The county's other open tasks around the clients' cases (as CompletionBench: 200 villages, 15 townships, the
   * levels in the shares of a case's steps), put in before the clients start by an engine of the benchmark on the
   * node's database; 0: an otherwise empty database, as the runs before 2026-12-06 late.
   */
  private static final int OPEN_TASKS = Integer.getInteger("bangfu.bench.lifecycle-open-tasks", 20_000);
  private static final String COUNTY = DemoCounty.COUNTY_APPROVER;
  private static final String[][] VILLAGES = DemoCounty.VILLAGES;
  private static final List<String> HANDLERS = DemoCounty.HANDLERS;
  /** The starter's defaults for what application.yml sets: the stock configuration of the same application. */
  private static final List<String> STOCK_ENGINE = List.of("--camunda.bpm.job-execution.core-pool-size=3",
      "--camunda.bpm.job-execution.max-pool-size=10", "--camunda.bpm.job-execution.queue-capacity=3",
      "--camunda.bpm.job-execution.max-jobs-per-acquisition=3", "--camunda.bpm.job-execution.wait-time-in-millis=5000",
      "--camunda.bpm.history-level=full");

  static {
    BenchLogging.quiet();
  }

  // --- 6. start-up and memory

  @Test
  void startUpAndMemoryOnTheEmbeddedDefault() throws Exception {
    Path work = Files.createTempDirectory("bangfu-bench-start-");
    List<String[]> rows = new ArrayList<>();
    for (String run : List.of("first start", "restart")) {
      rows.add(start("Bangfu (" + run + ")", AppNode.launch("org.bangfu.BangfuApplication", "/api/me",
          work, rows.size(), List.of("--spring.profiles.active=demo", "--bangfu.data-dir=" + work.resolve("ours")))));
      rows.add(start("stock (" + run + ")", AppNode.launch("stockcamunda.StockCamundaApp",
          "/engine-rest/engine", work, rows.size(), List.of("--spring.config.name=stock",
              "--camunda.bpm.deployment-resource-pattern=classpath:processes/*.bpmn,classpath:processes/*.dmn,"
                  + "classpath:forms/*.form",
              "--spring.datasource.url=jdbc:h2:file:" + work.resolve("stock/db") + ";MODE=MySQL",
              "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin"))));
    }
    System.out.printf("%nSTART-UP AND MEMORY on the embedded default (H2 file, -Xmx768m)%n");
    System.out.printf("%-24s %14s %16s %10s %16s%n", "application", "to answer, s", "Spring Boot, s", "RSS, MB",
        "heap after GC, MB");
    rows.forEach(r -> System.out.printf("%-24s %14s %16s %10s %16s%n", (Object[]) r));
  }

  private static String[] start(String name, AppNode node) throws Exception {
    try (node) {
      double seconds = node.sinceLaunch() / 1e9;
      Thread.sleep(5_000);
      String started = "?";
      Matcher m = Pattern.compile("Started \\w+ in ([0-9.]+) seconds").matcher(Files.readString(node.log().toPath()));
      if (m.find()) {
        started = m.group(1);
      }
      long rss = 0;
      for (String line : Files.readAllLines(Path.of("/proc/" + node.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
      jcmd(node.pid(), "GC.run");
      Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd(node.pid(), "GC.heap_info"));
      String heap = used.find() ? String.valueOf(Long.parseLong(used.group(1)) / 1024) : "?";
      return new String[] {name, String.format("%.1f", seconds), started, String.valueOf(rss), heap};
    }
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor();
    return out;
  }

  // --- 1. and 7. lifecycle throughput, one and two nodes

  @Test
  void casesThroughTheApiOnOneAndTwoNodes() throws Exception {
    // -Dbangfu.bench.lifecycle-configs: a part of them (stock,starter,nocache,ours,one,two)
    List<String> configs = List.of(System.getProperty("bangfu.bench.lifecycle-configs",
        "stock,starter,nocache,ours,one,two")
        .split(","));
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String config : configs) {
        rows.add(switch (config) {
          case "stock" -> lifecycle("stock Camunda (REST)", server, "lc_camunda", 0, List.of());
          case "starter" -> lifecycle("stock engine settings", server, "lc_stock", 1, STOCK_ENGINE);
          case "nocache" -> lifecycle("ours, no kept sign-in", server, "lc_nocache", 1,
              List.of("--bangfu.security.sign-in-cache=0s"));
          case "ours" -> lifecycle("ours", server, "lc_ours", 1, List.of());
          // the same cases, each step's completion in one request (POST /api/cases/{id}/steps/{step}/complete)
          case "one" -> lifecycle(ONE_REQUEST, server, "lc_one", 1, List.of());
          case "two" -> lifecycle("ours, two nodes", server, "lc_two", 2, List.of());
          default -> throw new IllegalArgumentException("no configuration " + config);
        });
      }
      System.out.printf("%nLIFECYCLE through the API: %d clients for %d s after %d s of warm-up, among %,d other open"
          + " tasks, each case from the signal to its measures delivered (9+ completions; the 5-day notice ended by the"
          + " demo administrator's endpoint); stock Camunda: the same user tasks through its REST API, HTTP Basic,"
          + " authorization on%n", CLIENTS, SECONDS, WARM_UP_SECONDS, OPEN_TASKS);
      System.out.printf("%-22s %8s %12s %14s %14s %10s %10s %8s %10s %16s %16s %16s%n", "configuration", "cases/s",
          "completions/s", "complete p50", "complete p99", "claim p50", "requests/s", "errors", "anomalies",
          "app CPU/compl.", "DB CPU/compl.", "CPU/completion");
      for (Map<String, Object> r : rows) {
        System.out.printf("%-22s %8.2f %12.1f %11.0f ms %11.0f ms %7.0f ms %10.1f %8d %10s %13.1f ms %13.1f ms"
            + " %13.1f ms%n", r.get("name"), r.get("cases"), r.get("completions"), r.get("p50"), r.get("p99"),
            r.get("claimP50"), r.get("requests"), r.get("errors"), r.get("anomalies"), r.get("appCpu"), r.get("dbCpu"),
            cpu(r));
      }
      // every configuration against the first (stock Camunda through its REST API, unless left out)
      for (Map<String, Object> r : rows.subList(1, rows.size())) {
        System.out.printf("ratio %s/%s: completions/s %.2fx, CPU per completion %.2fx%n", r.get("name"),
            rows.get(0).get("name"), (double) r.get("completions") / (double) rows.get(0).get("completions"),
            cpu(r) / cpu(rows.get(0)));
      }
      // scenario 7: two nodes against one, when both ran
      Map<String, Map<String, Object>> named = new LinkedHashMap<>();
      rows.forEach(r -> named.put((String) r.get("name"), r));
      if (named.containsKey("ours") && named.containsKey("ours, two nodes")) {
        System.out.printf("two nodes/one completions/s: %.2fx%n", (double) named.get("ours, two nodes")
            .get("completions") / (double) named.get("ours").get("completions"));
      }
    }
  }

  /**
   * "ours" alone, for a profile of the API path:
   * {@code -Dit.test='AppBench#oursAloneForAProfile' -Dbangfu.bench.ours-alone=true
   * -Dbangfu.bench.node-jvm-options=-XX:StartFlightRecording=filename=ours.jfr,settings=profile}.
   */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bangfu.bench.ours-alone", matches = "true",
      disabledReason = "a profiling run, asked for by -Dbangfu.bench.ours-alone=true; the full run measures ours too")
  void oursAloneForAProfile() throws Exception {
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      Map<String, Object> r = lifecycle("ours", server, "lc_profiled", 1, List.of());
      System.out.printf("%nOURS ALONE: %.1f completions/s, %.1f requests/s, app CPU %.1f ms and DB CPU %.1f ms per"
          + " completion, %d errors%n", r.get("completions"), r.get("requests"), r.get("appCpu"), r.get("dbCpu"),
          r.get("errors"));
    }
  }

  /** The configuration whose clients complete each step in one request of the application's API. */
  private static final String ONE_REQUEST = "ours, one request";

  private static double cpu(Map<String, Object> row) {
    return (double) row.get("appCpu") + (double) row.get("dbCpu");
  }

  /** A configuration's run on this many nodes of the application; 0: stock Camunda (StockCounty), one node. */
  private Map<String, Object> lifecycle(String name, EmbeddedMariaDb.Server server, String database, int nodes,
      List<String> engine) throws Exception {
    server.createDatabase(database);
    Path work = Files.createTempDirectory("bangfu-bench-" + database + "-");
    List<AppNode> started = new ArrayList<>();
    boolean stock = nodes == 0;
    try {
      if (stock) {
        started.add(StockCounty.start(server, database, work, 0));
      }
      for (int n = 0; n < nodes; n++) {
        // the 5-day notice is ended by the demo's administrator endpoint once the review has passed
        List<String> options = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=true"));
        options.addAll(engine);
        started.add(AppNode.start(server.url(database), work, n, options.toArray(String[]::new)));
      }
      if (OPEN_TASKS > 0) {
        long seeding = System.currentTimeMillis();
        ProcessEngine seeder = (stock ? BenchEngine.stock(server, database) : BenchEngine.ours(server, database))
            .buildProcessEngine();
        try {
          CompletionBench.otherOpenTasks(seeder, OPEN_TASKS);
        } finally {
          BenchEngine.close(seeder);
        }
        System.out.printf("%s: %,d other open tasks in %,d s%n", name, OPEN_TASKS,
            (System.currentTimeMillis() - seeding) / 1000);
      }
      List<ApiClient> apis = started.stream().map(AppNode::api).toList();
      Run run = new Run(apis, System.currentTimeMillis() + WARM_UP_SECONDS * 1000L, stock, ONE_REQUEST.equals(name));
      long until = run.measuredFrom + SECONDS * 1000L;
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String[] village = VILLAGES[c % VILLAGES.length];
        clients.add(new Thread(() -> {
          while (System.currentTimeMillis() < until) {
            run.oneCase(village);
          }
        }, "client-" + c));
      }
      clients.forEach(Thread::start);
      // CPU of the measured window: the application nodes and the database server (not the clients)
      long databasePid = ProcessCpu.databaseServer(server.port());
      Thread.sleep(Math.max(0, run.measuredFrom - System.currentTimeMillis()));
      double appFrom = started.stream().mapToDouble(n -> ProcessCpu.seconds(n.pid())).sum();
      double dbFrom = ProcessCpu.seconds(databasePid);
      Map<String, Long> statementsFrom = BenchEngine.counters(server);
      boolean digests = Boolean.getBoolean("bangfu.bench.db-digests");
      if (digests) {
        BenchEngine.sql(server, "TRUNCATE TABLE performance_schema.events_statements_summary_by_digest");
      }
      for (Thread client : clients) {
        client.join();
      }
      double appCpu = started.stream().mapToDouble(n -> ProcessCpu.seconds(n.pid())).sum() - appFrom;
      double dbCpu = ProcessCpu.seconds(databasePid) - dbFrom;
      Map<String, Long> statementsTo = BenchEngine.counters(server);
      double seconds = (System.currentTimeMillis() - run.measuredFrom) / 1e3;
      int twice;
      try (Connection db = DriverManager.getConnection(server.url(database), "root", "")) {
        twice = AppNode.intQuery(db, "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_TASKINST"
            + " WHERE TASK_DEF_KEY_ = '" + RiskIdentification.TOWNSHIP_REVIEW + "' GROUP BY PROC_INST_ID_"
            + " HAVING COUNT(*) > 1) t");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", name);
      row.put("cases", run.cases.get() / seconds);
      row.put("completions", run.latencies("complete").size() / seconds);
      row.put("p50", BenchEngine.percentileOf(run.latencies("complete"), 50));
      row.put("p99", BenchEngine.percentileOf(run.latencies("complete"), 99));
      row.put("claimP50", BenchEngine.percentileOf(run.latencies("claim"), 50));
      row.put("requests", run.requests.get() / seconds);
      row.put("errors", run.errors.size());
      int completions = Math.max(1, run.latencies("complete").size());
      row.put("appCpu", appCpu * 1000 / completions);
      row.put("dbCpu", dbCpu * 1000 / completions);
      // what the database server was asked per completion, and the rows it read by scanning
      StringBuilder asked = new StringBuilder();
      statementsTo.forEach((k, v) -> asked.append(String.format(" %s %.1f", k.toLowerCase().replace("com_", ""),
          (v - statementsFrom.getOrDefault(k, 0L)) / (double) completions)));
      System.out.println("database per completion (" + name + "):" + asked);
      if (digests) {
        BenchEngine.printDigests(server, name, completions);
      }
      row.put("anomalies", (twice + run.stillOpenElsewhere.get()) == 0 ? "none"
          : twice + " timers twice, " + run.stillOpenElsewhere.get() + " tasks still open on the other node");
      run.errors.stream().limit(5).forEach(e -> System.out.println("error (" + name + "): " + e));
      if (!run.errors.isEmpty()) {
        // a refused request may have been a deadlock's victim: the server's report of the latest one
        try (Connection db = DriverManager.getConnection(server.url(database), "root", "");
            java.sql.ResultSet status = db.createStatement().executeQuery("SHOW ENGINE INNODB STATUS")) {
          status.next();
          String report = status.getString("Status");
          int from = report.indexOf("LATEST DETECTED DEADLOCK");
          if (from >= 0) {
            int to = report.indexOf("\n------------\nTRANSACTIONS", from);
            System.out.println(report.substring(from, to < 0 ? report.length() : to));
          }
        }
      }
      return row;
    } finally {
      started.forEach(AppNode::close);
    }
  }

  /** One configuration's clients: each works whole cases, each request on the next node in turn. */
  private static final class Run {
    final List<ApiClient> nodes;
    final Map<String, ConcurrentLinkedQueue<Double>> latencies = new java.util.concurrent.ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicInteger cases = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger turn = new AtomicInteger();
    final AtomicInteger stillOpenElsewhere = new AtomicInteger();
    final long measuredFrom;
    /** Stock Camunda: the case is a process started through its REST API, no household, no notice to end. */
    final boolean stock;
    /**
     * Each step completed in one request of the application's API (by the case and step; a department's measure by
     * its task's id, from the handler's list), instead of Tasklist's find, claim and complete.
     */
    final boolean oneRequest;

    Run(List<ApiClient> nodes, long measuredFrom, boolean stock, boolean oneRequest) {
      this.nodes = nodes;
      this.measuredFrom = measuredFrom;
      this.stock = stock;
      this.oneRequest = oneRequest;
    }

    boolean measuring() {
      return System.currentTimeMillis() >= measuredFrom;
    }

    List<Double> latencies(String kind) {
      return new ArrayList<>(latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
    }

    ApiClient next() {
      return nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
    }

    void oneCase(String[] village) {
      String cadre = village[1];
      String reviewer = village[2];
      try {
        String bk;
        Object caseId = null;
        if (stock) {
          bk = StockCounty.startCase(next(), village);
          count(1);
        } else {
          long household = next().createHousehold(cadre,
              ApiClient.household(village[0], "ORDINARY", 7000, 0, "FULL", "NONE"));
          Map<String, Object> opened = next().openCase(cadre, Map.of("householdId", household, "channel",
              "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
          bk = (String) opened.get("businessKey");
          caseId = opened.get("id");
          count(2);
        }
        decide(cadre, bk, caseId, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
            "verifyFindings", "情况属实", "verifyDecision", "CONFIRM"));
        decide(cadre, bk, caseId, RiskIdentification.DEMOCRATIC_REVIEW, Map.of("reviewDecision", "PASS"));
        if (!stock) {
          next().postAsAdmin("/api/demo/cases/" + caseId + "/end-waiting", Map.of());
          count(1);
        }
        decide(COUNTY, bk, caseId, RiskIdentification.CROSS_CHECK_ASSETS, Map.of("assetCheckResult", "CLEAR"));
        decide(reviewer, bk, caseId, RiskIdentification.TOWNSHIP_REVIEW, Map.of("townshipDecision", "APPROVE"));
        decide(COUNTY, bk, caseId, RiskIdentification.COUNTY_APPROVAL, Map.of("countyDecision", "APPROVE"));
        decide(cadre, bk, caseId, HouseholdPlan.DRAFT_PLAN, Map.of("householdConfirmed", true,
            "planDraftDecision", "SUBMIT"));
        decide(reviewer, bk, caseId, HouseholdPlan.TOWNSHIP_REVIEW, Map.of("planTownshipDecision", "APPROVE"));
        decide(COUNTY, bk, caseId, HouseholdPlan.COUNTY_APPROVAL, Map.of("planCountyDecision", "APPROVE"));
        int delivered = 0;
        for (String handler : HANDLERS) {
          for (Map<String, Object> task : tasks(handler, bk, MeasureDelivery.DELIVER_MEASURE, false)) {
            complete(handler, (String) task.get("id"), Map.of("deliveryOutcome", "DELIVERED", "deliveredAmount",
                1000, "deliveryResult", "已落实", "evidenceRef", "PZ-" + handler));
            delivered++;
          }
        }
        if (delivered == 0) {
          errors.add(bk + ": no measure to deliver");
        } else if (measuring()) {
          cases.incrementAndGet();
        }
      } catch (RuntimeException | AssertionError e) {
        errors.add(e.toString());
      }
    }

    /** The user's task of the case at this step (waiting up to 30 s for it, as after the notice timer). */
    void decide(String user, String bk, Object caseId, String step, Map<String, Object> variables) {
      if (oneRequest) {
        completeStep(user, bk, caseId, step, variables);
        return;
      }
      List<Map<String, Object>> found = tasks(user, bk, step, true);
      complete(user, (String) found.get(0).get("id"), variables);
    }

    /** One request: the step's completion, asked again while the case has not reached the step (up to 30 s). */
    void completeStep(String user, String bk, Object caseId, String step, Map<String, Object> variables) {
      long until = System.currentTimeMillis() + 30_000;
      while (true) {
        long start = System.nanoTime();
        ResponseEntity<Map<String, Object>> response = next().post(user, "/api/cases/" + caseId + "/steps/" + step
            + "/complete", Map.of("fields", variables));
        count(1);
        if (response.getStatusCode().value() == 200) {
          took("complete", start);
          return;
        }
        boolean notYet = response.getStatusCode().value() == 409
            && String.valueOf(response.getBody()).contains("当前没有待办理的");
        if (!notYet || System.currentTimeMillis() > until) {
          throw new AssertionError(user + " could not complete " + step + " of " + bk + ": "
              + response.getStatusCode() + " " + response.getBody());
        }
        sleep(100);
      }
    }

    List<Map<String, Object>> tasks(String user, String bk, String step, boolean wait) {
      long until = System.currentTimeMillis() + 30_000;
      while (true) {
        List<Map<String, Object>> found = next().tasks(user, bk).stream()
            .filter(t -> step.equals(t.get("taskDefinitionKey"))).toList();
        count(1);
        if (!found.isEmpty() || !wait) {
          return found;
        }
        if (System.currentTimeMillis() > until) {
          throw new AssertionError(user + " sees no " + step + " of " + bk + " after 30 s");
        }
        sleep(100);
      }
    }

    void complete(String user, String taskId, Map<String, Object> variables) {
      ApiClient node = next();
      if (oneRequest) {
        timed("complete", () -> node.post(user, "/api/tasks/" + taskId + "/complete", Map.of("fields", variables)));
        return;
      }
      timed("claim", () -> node.claim(user, taskId));
      timed("complete", () -> node.complete(user, taskId, variables));
      if (nodes.size() > 1) {
        // a task completed on one node is gone on the other
        ApiClient other = nodes.get((nodes.indexOf(node) + 1) % nodes.size());
        count(1);
        if (other.get(user, "/engine-rest/task/" + taskId).getStatusCode().value() != 404) {
          stillOpenElsewhere.incrementAndGet();
        }
      }
    }

    void timed(String kind, Supplier<ResponseEntity<Map<String, Object>>> request) {
      long start = System.nanoTime();
      ResponseEntity<Map<String, Object>> response = request.get();
      count(1);
      if (response.getStatusCode().value() != (oneRequest ? 200 : 204)) {
        throw new AssertionError(kind + " refused: " + response.getStatusCode() + " " + response.getBody());
      }
      took(kind, start);
    }

    /** A request of this kind that started at {@code start} (System.nanoTime) is done: its latency, if measured. */
    void took(String kind, long start) {
      if (measuring()) {
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - start) / 1e6);
      }
    }

    void count(int made) {
      if (measuring()) {
        requests.addAndGet(made);
      }
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
