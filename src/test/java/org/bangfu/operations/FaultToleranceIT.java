package org.bangfu.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.testing.AppNode.intQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bangfu.demo.DemoData;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * What survives the faults a county server meets, with the application as a separate JVM on a MariaDB server of its
 * own: concurrent approvers drive 40 identifications through 入户核实 and then, in parallel branches, 民主评议 and
 * 资产核查 (three completions a case) while
 * <ul>
 *   <li>the application is killed with SIGKILL in the middle of the burst and started again, or</li>
 *   <li>the database server is stopped under that load and started again, the application left running.</li>
 * </ul>
 * Afterwards every case is whole: each step completed exactly once, an audit row for each completion in the engine's
 * history and none for anything else, no step both open and done, and the approvers can finish every case.
 */
class FaultToleranceIT {

  private static final int CASES = 40;
  private static final int CLIENTS = 8;
  /** The village cadres who open the cases and do the village's steps. */
  private static final Map<String, String> CADRES = Map.of(DemoData.DONGSHAN, "cadre_dongshan",
      DemoData.XIHE, "cadre_xihe", DemoData.NANPING, "cadre_nanping");

  private static EmbeddedMariaDb.Server server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final List<AppNode> nodes = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = EmbeddedMariaDb.newServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(AppNode::close);
  }

  /** A step of a case before the notice period ends, who decides it and how. */
  private enum Step {
    VERIFY(RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true, "verifyFindings", "情况属实",
        "verifyDecision", "CONFIRM")),
    DEMOCRATIC(RiskIdentification.DEMOCRATIC_REVIEW, Map.of("reviewDecision", "PASS")),
    ASSETS(RiskIdentification.CROSS_CHECK_ASSETS, Map.of("assetCheckResult", "CLEAR"));

    final String activity;
    final Map<String, Object> variables;

    Step(String activity, Map<String, Object> variables) {
      this.activity = activity;
      this.variables = variables;
    }

    String user(Case c) {
      return this == ASSETS ? "approver_county" : c.cadre();
    }
  }

  private record Case(long id, String businessKey, String cadre) {
  }

  private record Work(Case c, Step step) {
  }

  @Test
  void aNodeKilledDuringACompletionBurstLeavesEveryCaseWhole() throws Exception {
    String url = newDatabase();
    Path work = Files.createTempDirectory("bangfu-kill-");
    AppNode node1 = start(url, work, 1);
    List<Case> cases = openCases(node1, url);
    Burst burst = burstUnderWay(node1, url, cases);
    node1.kill();
    int killedAt = burst.stop();
    System.out.printf("kill -9 after %d of %d completions (%d requests in flight or refused while dying)%n",
        killedAt, 3 * CASES, burst.failures.get());
    assertThat(killedAt).as("killed mid-burst").isLessThan(3 * CASES);
    assertWhole(url, cases, false);

    AppNode node2 = start(url, work, 2);
    burst.finish(node2.api());
    assertWhole(url, cases, true);
    assertNoIdNumberIn(node1.log());
    assertNoIdNumberIn(node2.log());
  }

  @Test
  void theDatabaseStoppedUnderLoadIsReconnectedWithoutRestartingTheApplication() throws Exception {
    String url = newDatabase();
    Path work = Files.createTempDirectory("bangfu-dbdown-");
    // the job executor runs too: it must live through the outage as well
    AppNode node = start(url, work, 1, "--camunda.bpm.job-execution.enabled=true");
    List<Case> cases = openCases(node, url);
    Burst burst = burstUnderWay(node, url, cases);
    server.stop();
    long stopped = System.currentTimeMillis();
    int before = burst.completed.get();
    Thread.sleep(10_000);
    int failuresDuringOutage = burst.failures.get();
    server.start();
    long restarted = System.currentTimeMillis();
    while (!node.answers()) {
      assertThat(System.currentTimeMillis() - restarted).as("answering again, see " + node.log())
          .isLessThan(120_000);
      Thread.sleep(200);
    }
    long recovered = System.currentTimeMillis() - restarted;
    burst.awaitAllDone(300_000);
    burst.stop();
    assertThat(node.alive()).as("the same application process throughout").isTrue();
    System.out.printf("database down %d s after %d of %d completions: %d requests refused meanwhile; answering "
        + "again %d ms after the database was back; all %d completions done without restarting the application%n",
        (restarted - stopped) / 1000, before, 3 * CASES, failuresDuringOutage, recovered, burst.completed.get());
    assertThat(failuresDuringOutage).as("requests failed while the database was down").isPositive();
    assertWhole(url, cases, true);
    // the outage's stack traces and SQL included
    assertNoIdNumberIn(node.log());
  }

  /** No ID number in clear in a node's log (18 digits, or 17 and X), whatever was logged. */
  private static void assertNoIdNumberIn(java.io.File log) throws java.io.IOException {
    String text = Files.readString(log.toPath());
    assertThat(text).as("log " + log).isNotBlank();
    assertThat(java.util.regex.Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9])").matcher(text).find())
        .as("an ID number in clear in " + log).isFalse();
  }

  // --- the load: approvers completing the steps of their cases concurrently

  /** The approvers at work on the node until a third of the steps are done. */
  private static Burst burstUnderWay(AppNode node, String url, List<Case> cases) throws InterruptedException {
    Burst burst = new Burst(url, cases);
    burst.start(node.api());
    burst.awaitCompletions(CASES);
    return burst;
  }


  /**
   * CLIENTS approvers taking work from a queue: on success a 入户核实 opens the two parallel steps; on a failure
   * (node gone, database gone, conflict) the work goes back to the queue and is looked at again, as an approver
   * refreshes the inbox.
   */
  private static final class Burst {
    final String url;
    final List<Case> cases;
    final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    final Map<String, Boolean> done = new ConcurrentHashMap<>();
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicBoolean running = new AtomicBoolean();
    final List<Thread> threads = new ArrayList<>();

    Burst(String url, List<Case> cases) {
      this.url = url;
      this.cases = cases;
      cases.forEach(c -> queue.add(new Work(c, Step.VERIFY)));
    }

    void start(ApiClient api) {
      running.set(true);
      for (int i = 0; i < CLIENTS; i++) {
        Thread thread = new Thread(() -> work(api), "approver-" + i);
        thread.start();
        threads.add(thread);
      }
    }

    private void work(ApiClient api) {
      while (running.get()) {
        Work item;
        try {
          item = queue.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (item == null) {
          continue;
        }
        try {
          if (attempt(api, item)) {
            done.put(key(item), true);
            completed.incrementAndGet();
            if (item.step() == Step.VERIFY) {
              queue.add(new Work(item.c(), Step.DEMOCRATIC));
              queue.add(new Work(item.c(), Step.ASSETS));
            }
          } else {
            failures.incrementAndGet();
            queue.add(item);
            pause();
          }
        } catch (RuntimeException e) {
          failures.incrementAndGet();
          queue.add(item);
          pause();
        }
      }
    }

    /**
     * Claims and completes the step's task; true once the step is done (here, or by a completion whose answer was
     * lost).
     */
    private boolean attempt(ApiClient api, Work item) {
      String user = item.step().user(item.c());
      List<Map<String, Object>> tasks = api.tasks(user, item.c().businessKey());
      Map<String, Object> task = tasks == null ? null : tasks.stream()
          .filter(t -> item.step().activity.equals(t.get("taskDefinitionKey"))).findFirst().orElse(null);
      if (task == null) {
        // gone from the inbox: done if the case's audit says so (the answer of a completion was lost)
        return audited(item);
      }
      String id = (String) task.get("id");
      if (api.claim(user, id).getStatusCode().value() != 204) {
        return false;
      }
      ResponseEntity<Map<String, Object>> answer = api.complete(user, id, item.step().variables);
      return answer.getStatusCode().value() == 204 || audited(item);
    }

    private boolean audited(Work item) {
      try (Connection db = DriverManager.getConnection(url, "root", "")) {
        return intQuery(db, "SELECT COUNT(*) FROM bf_case_audit WHERE case_id = " + item.c().id() + " AND step = '"
            + item.step().activity + "'") == 1;
      } catch (SQLException e) {
        return false;
      }
    }

    void awaitCompletions(int n) throws InterruptedException {
      long until = System.currentTimeMillis() + 300_000;
      while (completed.get() < n) {
        assertThat(System.currentTimeMillis()).as("completions under way").isLessThan(until);
        Thread.sleep(20);
      }
    }

    void awaitAllDone(long millis) throws InterruptedException {
      long until = System.currentTimeMillis() + millis;
      while (done.size() < 3 * cases.size()) {
        assertThat(System.currentTimeMillis()).as("all steps done (%d of %d)", done.size(), 3 * cases.size())
            .isLessThan(until);
        Thread.sleep(100);
      }
    }

    /** Stops the approvers; the number of completions confirmed to them. */
    int stop() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join(120_000);
      }
      threads.clear();
      return completed.get();
    }

    /** The approvers come back (to another node) and finish what is left. */
    void finish(ApiClient api) throws InterruptedException {
      start(api);
      awaitAllDone(300_000);
      stop();
    }

    private static String key(Work item) {
      return item.c().businessKey() + "/" + item.step();
    }

    private static void pause() {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // --- what "whole" means

  /**
   * Every case is whole: each step's completion in the engine's history has exactly one audit row and each audit row
   * a completed task; a step is open or done, never both, never twice; the parallel steps exist only after 入户核实.
   * When {@code finished}, every step of every case is done and each case waits for its notice period (one timer).
   */
  private static void assertWhole(String url, List<Case> cases, boolean finished) throws SQLException {
    String ids = cases.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(","));
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      assertThat(intQuery(db, "SELECT COUNT(*) FROM (SELECT case_id, step FROM bf_case_audit WHERE case_id IN (" + ids
          + ") GROUP BY case_id, step HAVING COUNT(*) > 1) twice")).as("a step audited twice").isZero();
      assertThat(intQuery(db, "SELECT COUNT(*) FROM bf_case_audit a LEFT JOIN ACT_HI_TASKINST t ON t.ID_ = a.task_id "
          + "WHERE a.case_id IN (" + ids + ") AND a.task_id IS NOT NULL AND (t.ID_ IS NULL OR t.END_TIME_ IS NULL)"))
          .as("audit rows without a completed task in history").isZero();
      assertThat(intQuery(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_ "
          + "JOIN bf_case c ON c.business_key = p.BUSINESS_KEY_ LEFT JOIN bf_case_audit a ON a.task_id = t.ID_ "
          + "WHERE c.id IN (" + ids + ") AND t.END_TIME_ IS NOT NULL AND t.DELETE_REASON_ = 'completed' "
          + "AND a.id IS NULL")).as("completed tasks without an audit row").isZero();
      assertThat(intQuery(db, "SELECT COUNT(*) FROM ACT_RU_TASK r JOIN bf_case_audit a ON a.task_id = r.ID_"))
          .as("tasks audited as done but still open").isZero();
      for (Case c : cases) {
        boolean verified = audited(db, c, Step.VERIFY);
        for (Step step : Step.values()) {
          boolean audited = audited(db, c, step);
          int open = intQuery(db, "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = "
              + "t.PROC_INST_ID_ WHERE e.BUSINESS_KEY_ = '" + c.businessKey() + "' AND t.TASK_DEF_KEY_ = '"
              + step.activity + "'");
          boolean reachable = step == Step.VERIFY || verified;
          assertThat(open + (audited ? 1 : 0)).as("%s %s open or done, once", c.businessKey(), step)
              .isEqualTo(reachable ? 1 : 0);
          if (finished) {
            assertThat(audited).as("%s %s done", c.businessKey(), step).isTrue();
          }
        }
        assertThat(intQuery(db, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = '" + c.businessKey()
            + "' AND PARENT_ID_ IS NULL")).as("%s runs in the engine", c.businessKey()).isPositive();
        if (finished) {
          assertThat(intQuery(db, "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION e ON e.ID_ = "
              + "j.PROCESS_INSTANCE_ID_ WHERE e.BUSINESS_KEY_ = '" + c.businessKey() + "' AND j.TYPE_ = 'timer'"))
              .as("%s waits for its notice period", c.businessKey()).isEqualTo(1);
        }
      }
    }
  }

  private static boolean audited(Connection db, Case c, Step step) throws SQLException {
    return intQuery(db, "SELECT COUNT(*) FROM bf_case_audit WHERE case_id = " + c.id() + " AND step = '"
        + step.activity + "'") > 0;
  }

  // --- set-up

  private String newDatabase() throws SQLException {
    String database = "bangfu_fault_" + DATABASES.incrementAndGet();
    try (Connection db = DriverManager.getConnection(server.url(), "root", "");
        Statement statement = db.createStatement()) {
      statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    return server.url().replace("/bangfu?", "/" + database + "?");
  }

  private AppNode start(String url, Path work, int n, String... extra) throws Exception {
    AppNode node = AppNode.start(url, work, n, extra);
    nodes.add(node);
    return node;
  }

  /** CASES new identifications (cadre's screening, illness) in three villages of 和平镇, waiting at 入户核实. */
  private static List<Case> openCases(AppNode node, String url) throws SQLException {
    ApiClient api = node.api();
    List<String> villages = List.copyOf(CADRES.keySet());
    List<Case> cases = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      for (int i = 0; i < CASES; i++) {
        String village = villages.get(i % villages.size());
        String cadre = CADRES.get(village);
        long household = api.createHousehold(cadre, ApiClient.household(village, "ORDINARY", 7000, 0, "FULL",
            "NONE"));
        String businessKey = (String) api.openCase(cadre, Map.of("householdId", household, "channel",
            "CADRE_SCREENING", "riskTypes", List.of("ILLNESS"))).get("businessKey");
        cases.add(new Case(intQuery(db, "SELECT id FROM bf_case WHERE business_key = '" + businessKey + "'"),
            businessKey, cadre));
      }
    }
    return cases;
  }
}
