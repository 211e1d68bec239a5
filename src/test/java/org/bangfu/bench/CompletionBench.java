package org.bangfu.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangfu.testing.EmbeddedMariaDb;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1 at the engine level (run with {@code ./mvnw -B verify -Pbench}; never in CI): what the engine itself
 * completes on this machine without HTTP, sign-in or the application's listeners — the figure the 1,000 completions/s
 * target can be held against. Concurrent clients each run cases of 12 user tasks in sequence, as the case's steps go
 * between the levels: the village's cadre, 和平镇's reviewer and the county's approver each find the task of their
 * step (a candidate group of their level, authorization on), claim it and complete it with a decision variable. Around
 * them lie the other open tasks of a county ({@code -Dbangfu.bench.completion-open-tasks}, 20,000 by default: 200
 * villages in 15 townships, the steps' levels in the same shares), since what the engine's authorization checks cost
 * grows with the authorization rows of the user's groups. Stock (the starter's defaults) against ours (the
 * application's driver settings, per-row checks, inbox rows and the history level "case") and ours with Camunda's full
 * history; completions per second and the CPU of each completion (this JVM's and the database server's, from /proc).
 */
class CompletionBench {

  private static final int CLIENTS = Integer.getInteger("bangfu.bench.clients", 12);
  private static final int SECONDS = Integer.getInteger("bangfu.bench.completion-seconds", 60);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bangfu.bench.completion-warm-up-seconds", 20);
  private static final int STEPS = 12;
  /** The level of each step: village (V), township (T) or county (C), as a case's identification and plan go. */
  private static final String LEVELS = "VVCTCVTCVVTV";
  private static final int OPEN_TASKS = Integer.getInteger("bangfu.bench.completion-open-tasks", 20_000);
  private static final String TOWNSHIP = "township-629901100";
  private static final String COUNTY = "county-629901";

  static {
    BenchLogging.quiet();
  }

  @Test
  void twelveStepCasesCompletedThroughTheEngine() throws Exception {
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      // the configurations share this JVM: an unreported first run compiles the engine's hot paths, so that the
      // first reported configuration does not pay for the JIT the later ones use
      run("stock", server, "completions_jit", 0);
      // -Dbangfu.bench.completion-configs=ours for a profile of one configuration (then no ratios)
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String config : System.getProperty("bangfu.bench.completion-configs", "stock,ours,full").split(",")) {
        String name = config.equals("full") ? "ours, full" : config;
        rows.add(run(name, server, "completions_" + config.replace('-', '_'), OPEN_TASKS));
      }
      System.out.printf("%nSTATEMENTS per completion (the server's counters over the measured window)%n");
      System.out.printf("%-12s %10s %10s %10s %10s %10s %14s%n", "config", "all", "select", "insert", "update",
          "delete", "rows read");
      for (Map<String, Object> r : rows) {
        @SuppressWarnings("unchecked")
        Map<String, Double> statements = (Map<String, Double>) r.get("statements");
        System.out.printf("%-12s %10.1f %10.1f %10.1f %10.1f %10.1f %14.1f%n", r.get("name"),
            statements.get("Questions"), statements.get("Com_select"), statements.get("Com_insert"),
            statements.get("Com_update"), statements.get("Com_delete"), statements.get("Handler_read_key")
            + statements.get("Handler_read_next") + statements.get("Handler_read_rnd_next"));
      }
      System.out.printf("%nCOMPLETIONS through the engine's Java API: %d clients, %d s after %d s of warm-up, cases"
          + " of %d user tasks (levels %s), among %,d other open tasks of the county%n", CLIENTS, SECONDS,
          WARM_UP_SECONDS, STEPS, LEVELS, OPEN_TASKS);
      System.out.printf("%-12s %10s %14s %14s %14s %8s %16s %16s %16s%n", "config", "cases/s", "completions/s",
          "complete p50", "complete p99", "errors", "JVM CPU/compl.", "DB CPU/compl.", "CPU/completion");
      for (Map<String, Object> r : rows) {
        System.out.printf("%-12s %10.1f %14.1f %11.1f ms %11.1f ms %8d %13.2f ms %13.2f ms %13.2f ms%n", r.get("name"),
            r.get("cases"), r.get("completions"), r.get("p50"), r.get("p99"), r.get("errors"), r.get("appCpu"),
            r.get("dbCpu"), (double) r.get("appCpu") + (double) r.get("dbCpu"));
      }
      // every configuration against the first (stock, unless -Dbangfu.bench.completion-configs leaves it out)
      for (Map<String, Object> r : rows.subList(1, rows.size())) {
        System.out.printf("ratio %s/%s: completions/s %.2fx, CPU per completion %.2fx%n", r.get("name"),
            rows.get(0).get("name"), (double) r.get("completions") / (double) rows.get(0).get("completions"),
            cpu(r) / cpu(rows.get(0)));
      }
    }
  }

  private static void generalLog(EmbeddedMariaDb.Server server, String file, boolean on) {
    if (on) {
      BenchEngine.sql(server, "SET GLOBAL log_output = 'FILE'");
      BenchEngine.sql(server, "SET GLOBAL general_log_file = " + file);
    }
    BenchEngine.sql(server, "SET GLOBAL general_log = " + (on ? "ON" : "OFF"));
  }

  private static double cpu(Map<String, Object> row) {
    return (double) row.get("appCpu") + (double) row.get("dbCpu");
  }

  private static Map<String, Object> run(String name, EmbeddedMariaDb.Server server, String database,
      int openTasks) throws InterruptedException {
    server.createDatabase(database);
    // variants for a comparison (-Dbangfu.bench.completion-configs=stock,ours,ours-auto,ours-sps): the engine's default
    // authorization checks (a join unless the user has a REVOKE), or statements prepared on the server
    StandaloneProcessEngineConfiguration configuration = name.equals("stock") ? BenchEngine.stock(server, database)
        : BenchEngine.ours(server, database, name.contains("sps") ? Map.of("useServerPrepStmts", "true") : Map.of());
    if (name.contains("auto")) {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    }
    if (name.equals("ours, full")) {
      // ours with Camunda's full history instead of the level "case": what the history level alone saves
      configuration.setHistoryLevel(org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_FULL);
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      for (String groupId : groups()) {
        engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(groupId));
      }
      AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("CompletionBench")
          .camundaHistoryTimeToLive(30).startEvent();
      for (int step = 0; step < STEPS; step++) {
        flow = flow.userTask("Activity_Step" + step).name("步骤" + step)
            .camundaCandidateGroups(switch (LEVELS.charAt(step)) {
              case 'V' -> "${village}";
              case 'T' -> "${township}";
              default -> "${county}";
            });
      }
      engine.getRepositoryService().createDeployment()
          .addModelInstance("completion-bench.bpmn", flow.endEvent().done()).deploy();
      long seeding = System.currentTimeMillis();
      otherOpenTasks(engine, openTasks);
      if (openTasks > 0) {
        System.out.printf("%s: %,d other open tasks in %,d s%n", name, openTasks,
            (System.currentTimeMillis() - seeding) / 1000);
      }
      long measuredFrom = System.currentTimeMillis() + WARM_UP_SECONDS * 1000L;
      long until = measuredFrom + SECONDS * 1000L;
      ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
      AtomicInteger cases = new AtomicInteger();
      AtomicInteger errors = new AtomicInteger();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String village = BenchEngine.village(c);
        String cadre = "cadre-" + c;
        clients.add(new Thread(() -> {
          while (System.currentTimeMillis() < until) {
            try {
              // the case is opened by the system (as the application's signal), then worked level by level
              String instance = engine.getRuntimeService().startProcessInstanceByKey("CompletionBench",
                  Map.of("village", village, "township", TOWNSHIP, "county", COUNTY)).getId();
              for (int step = 0; step < STEPS; step++) {
                switch (LEVELS.charAt(step)) {
                  case 'V' -> engine.getIdentityService().setAuthentication(cadre, List.of(village));
                  case 'T' -> engine.getIdentityService().setAuthentication("reviewer", List.of(TOWNSHIP));
                  default -> engine.getIdentityService().setAuthentication("approver", List.of(COUNTY));
                }
                Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
                long start = System.nanoTime();
                engine.getTaskService().claim(task.getId(), engine.getIdentityService().getCurrentAuthentication()
                    .getUserId());
                engine.getTaskService().complete(task.getId(), Map.of("decision", "APPROVE"));
                if (System.currentTimeMillis() >= measuredFrom) {
                  latencies.add((System.nanoTime() - start) / 1e6);
                }
              }
              if (System.currentTimeMillis() >= measuredFrom) {
                cases.incrementAndGet();
              }
            } catch (RuntimeException e) {
              if (errors.incrementAndGet() == 1) {
                System.out.println("first error (" + name + "): " + e);
              }
            } finally {
              engine.getIdentityService().clearAuthentication();
            }
          }
        }, "client-" + c));
      }
      clients.forEach(Thread::start);
      // CPU of the measured window: this JVM (engine and clients: the clients only call the engine) and the database
      long databasePid = ProcessCpu.databaseServer(server.port());
      Thread.sleep(Math.max(0, measuredFrom - System.currentTimeMillis()));
      double appFrom = ProcessCpu.ofThisJvm();
      double dbFrom = ProcessCpu.seconds(databasePid);
      Map<String, Long> countersFrom = BenchEngine.counters(server);
      boolean digests = Boolean.getBoolean("bangfu.bench.db-digests");
      if (digests) {
        BenchEngine.sql(server, "TRUNCATE TABLE performance_schema.events_statements_summary_by_digest");
      }
      String log = System.getProperty("bangfu.bench.completion-log");
      if (log != null) {
        // -Dbangfu.bench.completion-log=/tmp/x: every statement of two seconds of the window, into /tmp/x-<config>.log
        Thread.sleep(10_000);
        generalLog(server, "'" + log + "-" + name.replace(", ", "-") + ".log'", true);
        Thread.sleep(2_000);
        generalLog(server, null, false);
      }
      for (Thread client : clients) {
        client.join();
      }
      double appCpu = ProcessCpu.ofThisJvm() - appFrom;
      double dbCpu = ProcessCpu.seconds(databasePid) - dbFrom;
      Map<String, Long> countersTo = BenchEngine.counters(server);
      int completions = Math.max(1, latencies.size());
      if (digests) {
        BenchEngine.printDigests(server, name, completions);
      }
      double seconds = (System.currentTimeMillis() - measuredFrom) / 1e3;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", name);
      row.put("cases", cases.get() / seconds);
      row.put("completions", latencies.size() / seconds);
      row.put("p50", BenchEngine.percentileOf(latencies, 50));
      row.put("p99", BenchEngine.percentileOf(latencies, 99));
      row.put("errors", errors.get());
      row.put("appCpu", appCpu * 1000 / completions);
      row.put("dbCpu", dbCpu * 1000 / completions);
      Map<String, Double> statements = new LinkedHashMap<>();
      countersTo.forEach((counter, to) -> statements.put(counter,
          (to - countersFrom.get(counter)) / (double) completions));
      row.put("statements", statements);
      return row;
    } finally {
      BenchEngine.close(engine);
    }
  }

  /** The county's groups: 200 villages in 15 townships (和平镇, township 0, holds the clients' villages), the county. */
  private static List<String> groups() {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      groups.add(villageOf(i));
    }
    for (int t = 0; t < 15; t++) {
      groups.add(String.format("township-6299011%02d", t));
    }
    groups.add(COUNTY);
    return groups;
  }

  /** Village i of the county (i % 15 its township); the first 100 are 和平镇's, as {@link BenchEngine#village}. */
  private static String villageOf(int i) {
    return i < 100 ? BenchEngine.village(i) : String.format("village-6299011%02d2%02d", 1 + i % 14, i % 100);
  }

  /**
   * The county's other open tasks: n cases with one step open each, at the step's level (the levels in the shares of
   * a case's steps), started two transactions at a time.
   */
  static void otherOpenTasks(ProcessEngine engine, int n) {
    if (n == 0) {
      return;
    }
    engine.getRepositoryService().createDeployment().addModelInstance("other-case.bpmn",
        Bpmn.createExecutableProcess("OtherCase").camundaHistoryTimeToLive(30).startEvent().userTask("Activity_Open")
            .name("其他案件的步骤").camundaCandidateGroups("${group}").endEvent().done()).deploy();
    BenchEngine.inBatches(engine, n, 2, i -> engine.getRuntimeService()
        .startProcessInstanceByKey("OtherCase", Map.of("group", openTaskGroup(i))));
  }

  /** The candidate group of the county's i-th other open task: its level in the steps' shares, spread over the county. */
  private static String openTaskGroup(int i) {
    return switch (LEVELS.charAt(i % STEPS)) {
      case 'V' -> villageOf((i / STEPS) % 200);
      case 'T' -> String.format("township-6299011%02d", (i / STEPS) % 15);
      default -> COUNTY;
    };
  }
}
