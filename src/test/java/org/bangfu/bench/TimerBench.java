package org.bangfu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bangfu.it.AppNode;
import org.bangfu.it.EmbeddedMariaDb;
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
    try (EmbeddedMariaDb.Server server = EmbeddedMariaDb.newServer()) {
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
        long tasks = AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = 'TownshipReview'");
        long distinct = AppNode.intQuery(db, "SELECT COUNT(DISTINCT PROC_INST_ID_) FROM ACT_HI_TASKINST");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("seconds", seconds);
        row.put("rate", fired / seconds);
        row.put("once", tasks == fired && distinct == fired ? "yes" : "NO: " + tasks + " tasks of " + fired);
        row.put("ole", ole.get());
        row.put("failed", failed.get());
        return row;
      }
    } finally {
      engines.forEach(BenchEngine::close);
    }
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
