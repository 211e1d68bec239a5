package org.bangfu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (run with {@code ./mvnw -B verify -Pbench}; never in CI): 100k timers due at once
 * (-Dbangfu.bench.timers) — a county's notice periods ending on the same morning — each firing into a user task, as
 * the identification's notice timer does. The drain rate of the job executor and the optimistic-locking failures of
 * job commands, in three configurations on the same model in the same run:
 * <ul>
 *   <li><b>stock</b>: the Spring Boot starter's job executor (3–10 threads, a queue of 3, 3 jobs per acquisition);</li>
 *   <li><b>ours</b>: the job executor of application.yml;</li>
 *   <li><b>ours, two nodes</b>: two engines on one database, each with that job executor (Camunda's cluster mode):
 *       every timer must fire exactly once.</li>
 * </ul>
 */
class TimerBench {

  private static final int TIMERS = Integer.getInteger("bangfu.bench.timers", 100_000);
  private static final int MAX_SECONDS = Integer.getInteger("bangfu.bench.timer-seconds", 900);
  private static final BpmnModelInstance MODEL = Bpmn.createExecutableProcess("TimerBench")
      .camundaHistoryTimeToLive(30).startEvent()
      .intermediateCatchEvent("NoticeEnds").timerWithDate("${due}")
      .userTask("TownshipReview").name("乡镇审核").camundaCandidateGroups("${region}")
      .endEvent().done();

  static {
    BenchLogging.quiet();
  }

  @Test
  void oneHundredThousandTimersDueAtOnce() throws Exception {
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      rows.add(drain("stock", server, "timers_stock", 1));
      rows.add(drain("ours", server, "timers_ours", 1));
      rows.add(drain("ours, two nodes", server, "timers_two", 2));
      System.out.printf("%nTIMERS %,d due at once, each into a user task%n", TIMERS);
      System.out.printf("%-16s %10s %10s %12s %14s %12s%n", "configuration", "seconds", "jobs/s", "fired once",
          "OLE failures", "other fails");
      for (Map<String, Object> row : rows) {
        System.out.printf("%-16s %10.1f %10.0f %12s %14d %12d%n", row.get("name"), row.get("seconds"),
            row.get("rate"), row.get("once"), row.get("ole"), row.get("failed"));
      }
      System.out.printf("ratio ours/stock: %.1fx; two nodes/one: %.2fx%n",
          (double) rows.get(1).get("rate") / (double) rows.get(0).get("rate"),
          (double) rows.get(2).get("rate") / (double) rows.get(1).get("rate"));
    }
  }

  /**
   * Scenario 7's failure half: two nodes drain a burst, one of them (a JVM of its own, {@link JobNode}) is killed with
   * SIGKILL mid-way; the jobs it had locked and not finished stay locked until their lock expires, then the other
   * node runs them. Measured: how many were locked, when the survivor finished them against their lock's expiry, and
   * that every timer still fired exactly once.
   */
  @Test
  void aKilledNodesLockedJobsAreTakenOverWhenTheirLockExpires() throws Exception {
    int timers = Integer.getInteger("bangfu.bench.takeover-timers", 5_000);
    // the application's lock time (Camunda's default, 5 minutes, unless application.yml sets one)
    int lockMillis = Integer.getInteger("bangfu.bench.lock-millis",
        BenchEngine.setting("camunda.bpm.job-execution.lock-time-in-millis", 300_000));
    String database = "timers_kill";
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      server.createDatabase(database);
      AtomicLong ole = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      StandaloneProcessEngineConfiguration configuration = BenchEngine.ours(server, database);
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>(List.of(new Failures(ole, failed))));
      configuration.getJobExecutor().setLockOwner("survivor");
      configuration.getJobExecutor().setLockTimeInMillis(lockMillis);
      ProcessEngine engine = configuration.buildProcessEngine();
      Process killed = null;
      try (Connection db = DriverManager.getConnection(server.url(database), "root", "")) {
        engine.getRepositoryService().createDeployment().addModelInstance("timer-bench.bpmn", MODEL).deploy();
        Date due = new Date(System.currentTimeMillis() - 60_000);
        BenchEngine.inBatches(engine, timers, i -> engine.getRuntimeService().startProcessInstanceByKey("TimerBench",
            Map.of("due", due, "region", BenchEngine.village(i % 12))));
        java.io.File log = java.nio.file.Files.createTempFile("bangfu-job-node-", ".log").toFile();
        killed = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m", "-cp", System.getProperty("java.class.path"), JobNode.class.getName(), server.url(database),
            "killed-node", String.valueOf(lockMillis)).redirectErrorStream(true).redirectOutput(log).start();
        BenchEngine.configuration(engine).getJobExecutor().start();
        long until = System.currentTimeMillis() + 600_000;
        while (AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST") < timers / 4
            || AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = 'killed-node'") == 0) {
          if (!killed.isAlive() || System.currentTimeMillis() > until) {
            throw new AssertionError("the second node did not take part, see " + log);
          }
          Thread.sleep(50);
        }
        int firedBefore = AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST");
        killed.destroyForcibly().waitFor();
        long killedAt = System.currentTimeMillis();
        Thread.sleep(1_000); // the server notices the dropped connections and rolls their work back
        Map<String, Long> locked = new LinkedHashMap<>();
        try (var statement = db.createStatement(); var result = statement.executeQuery(
            "SELECT ID_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = 'killed-node'")) {
          while (result.next()) {
            locked.put(result.getString(1), result.getTimestamp(2).getTime());
          }
        }
        String ids = locked.keySet().stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElse("''");
        long firstDone = -1;
        long lastDone = -1;
        until = System.currentTimeMillis() + lockMillis + 600_000;
        while (System.currentTimeMillis() < until) {
          int left = AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (" + ids + ")");
          if (firstDone < 0 && left < locked.size()) {
            firstDone = System.currentTimeMillis();
          }
          if (left == 0 && AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_RU_JOB") == 0) {
            lastDone = System.currentTimeMillis();
            break;
          }
          Thread.sleep(200);
        }
        BenchEngine.configuration(engine).getJobExecutor().shutdown();
        long earliestExpiry = locked.values().stream().min(Long::compare).orElse(killedAt);
        long latestExpiry = locked.values().stream().max(Long::compare).orElse(killedAt);
        System.out.printf("%nA NODE KILLED MID-BURST (%,d timers, two nodes of our configuration, lock time %d s)%n",
            timers, lockMillis / 1000);
        System.out.printf("killed (SIGKILL) after %,d timers had fired; jobs it had locked and not finished: %d,"
            + " their locks expiring %.1f to %.1f s after the kill%n", firedBefore, locked.size(),
            (earliestExpiry - killedAt) / 1e3, (latestExpiry - killedAt) / 1e3);
        System.out.printf("the survivor ran the first of them %.1f s and the last %s after the kill; every timer fired"
            + " once: %s; optimistic-locking failures %d, other failures %d%n",
            firstDone < 0 ? Double.NaN : (firstDone - killedAt) / 1e3,
            lastDone < 0 ? "NOT within the wait" : String.format("%.1f s", (lastDone - killedAt) / 1e3),
            firedOnce(db, timers), ole.get(),
            failed.get());
      } finally {
        if (killed != null) {
          killed.destroyForcibly();
        }
        BenchEngine.close(engine);
      }
    }
  }

  private static Map<String, Object> drain(String name, EmbeddedMariaDb.Server server, String database, int nodes)
      throws Exception {
    AtomicLong ole = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<ProcessEngine> engines = new ArrayList<>();
    server.createDatabase(database);
    try {
      for (int n = 0; n < nodes; n++) {
        StandaloneProcessEngineConfiguration configuration = name.startsWith("stock")
            ? BenchEngine.stock(server, database) : BenchEngine.ours(server, database);
        configuration.setProcessEngineName("bench-" + database + "-" + n);
        configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>(List.of(new Failures(ole, failed))));
        engines.add(configuration.buildProcessEngine());
      }
      ProcessEngine seeder = engines.get(0);
      seeder.getRepositoryService().createDeployment().addModelInstance("timer-bench.bpmn", MODEL).deploy();
      Date due = new Date(System.currentTimeMillis() - 60_000);
      long seeding = System.currentTimeMillis();
      BenchEngine.inBatches(seeder, TIMERS, i -> seeder.getRuntimeService().startProcessInstanceByKey("TimerBench",
          Map.of("due", due, "region", BenchEngine.village(i % 12))));
      System.out.printf("seeded %,d timers (%s) in %,d s%n", TIMERS, name,
          (System.currentTimeMillis() - seeding) / 1000);
      try (Connection db = DriverManager.getConnection(server.url(database), "root", "")) {
        long start = System.nanoTime();
        engines.forEach(e -> BenchEngine.configuration(e).getJobExecutor().start());
        long left = TIMERS;
        while (left > 0 && System.nanoTime() - start < MAX_SECONDS * 1_000_000_000L) {
          Thread.sleep(250);
          left = AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_RU_JOB");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        engines.forEach(e -> BenchEngine.configuration(e).getJobExecutor().shutdown());
        long fired = TIMERS - left;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("seconds", seconds);
        row.put("rate", fired / seconds);
        row.put("once", firedOnce(db, fired));
        row.put("ole", ole.get());
        row.put("failed", failed.get());
        return row;
      }
    } finally {
      engines.forEach(BenchEngine::close);
    }
  }

  /** "yes" when each of the {@code fired} timers made exactly one 乡镇审核 task, in its own instance. */
  private static String firedOnce(Connection db, long fired) throws java.sql.SQLException {
    long tasks = AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = 'TownshipReview'");
    long distinct = AppNode.intQuery(db, "SELECT COUNT(DISTINCT PROC_INST_ID_) FROM ACT_HI_TASKINST");
    return tasks == fired && distinct == fired ? "yes" : "NO: " + tasks + " tasks of " + fired;
  }

  /** Counts the commands that failed, and of them those that lost an optimistic lock. */
  private static final class Failures extends CommandInterceptor {
    private final AtomicLong ole;
    private final AtomicLong failed;

    Failures(AtomicLong ole, AtomicLong failed) {
      this.ole = ole;
      this.failed = failed;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof OptimisticLockingException) {
            ole.incrementAndGet();
            throw e;
          }
        }
        failed.incrementAndGet();
        throw e;
      }
    }
  }
}
