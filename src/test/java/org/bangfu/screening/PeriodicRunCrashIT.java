package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.testing.AppNode.intQuery;
import static org.bangfu.testing.AppNode.stringQuery;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.bangfu.tools.SyntheticPush;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A quarterly run survives the death of its node: the application runs as a separate JVM on its own database (demo
 * profile) with a registry of many townships; an operator starts the quarter's run; the JVM is killed with SIGKILL
 * once some townships are listed and before all are; on a new JVM the operator starts it again, and the run goes on
 * where it stopped — each township listed once, each household once, list numbers without gaps — and the
 * townships get their review tasks from the instance that took the run over. A second start while the run is being
 * worked on, and one once it is done, are refused.
 */
class PeriodicRunCrashIT {

  private static final String COUNTY = "629979";
  private static final int TOWNSHIPS = 16;
  private static final int HOUSEHOLDS = Integer.getInteger("bangfu.crash.periodic-households", 48_000);

  private final List<AppNode> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(AppNode::close);
  }

  @Test
  void aQuarterlyRunKilledMidwayGoesOnWhereItStoppedAfterARestart() throws Exception {
    String url = EmbeddedMariaDb.createDatabase("bangfu_periodic_crash");
    Path work = Files.createTempDirectory("bangfu-periodic-crash-");

    AppNode node1 = start(url, work, 1);
    int registry;
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      // a county of the demo's city with 16 townships of one village each; households without incomes, which the
      // quarterly rules list for their missing months
      List<String> villages = new ArrayList<>();
      SyntheticPush.addRegion(db, COUNTY, "试点县", "COUNTY", COUNTY.substring(0, 4) + "00");
      for (int t = 1; t <= TOWNSHIPS; t++) {
        String township = COUNTY + String.format("%03d", 100 + t);
        SyntheticPush.addRegion(db, township, "试点" + t + "镇", "TOWNSHIP", COUNTY);
        SyntheticPush.addRegion(db, township + "201", "试点" + t + "村", "VILLAGE", township);
        villages.add(township + "201");
      }
      SyntheticPush.seedRegistry(db, villages, HOUSEHOLDS);
      registry = intQuery(db, "SELECT COUNT(*) FROM bf_household");
    }

    // the operator's start, on its own thread: the request dies with the node
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> startRun(node1));
    int killedAt;
    String firstInstance;
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      long until = System.currentTimeMillis() + 300_000;
      while (intQuery(db, "SELECT COUNT(*) FROM bf_screening_run_part p JOIN bf_screening_run r ON r.id = p.run_id "
          + "WHERE r.kind = 'QUARTERLY' AND p.township_code LIKE '" + COUNTY + "%'") < 2) {
        assertThat(first).as("the run is still going").isNotDone();
        assertThat(System.currentTimeMillis()).as("run progress").isLessThan(until);
        Thread.sleep(10);
      }
      // a second operator meanwhile: refused while the run is being worked on
      HttpResponse<String> meanwhile = startRun(node1);
      assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(409);
      assertThat(meanwhile.body()).contains("正在执行");
      node1.kill();
      killedAt = intQuery(db, "SELECT COUNT(*) FROM bf_screening_run_part WHERE township_code LIKE '" + COUNTY + "%'");
      assertThat(killedAt).as("killed mid-way").isLessThan(TOWNSHIPS);
      assertThat(stringQuery(db, "SELECT status FROM bf_screening_run WHERE kind = 'QUARTERLY'")).isEqualTo("RUNNING");
      firstInstance = stringQuery(db, "SELECT process_instance_id FROM bf_screening_run WHERE kind = 'QUARTERLY'");
      // what is committed is whole townships: each listed township's households are all on its list
      assertThat(intQuery(db, "SELECT COUNT(*) FROM bf_screening_flag WHERE kind = 'WARNING' AND village_code LIKE '"
          + COUNTY + "%'")).isEqualTo(intQuery(db, "SELECT COALESCE(SUM(flagged), 0) FROM bf_screening_run_part "
          + "WHERE township_code LIKE '" + COUNTY + "%'"));
      // the killed instance left nothing in the engine
      assertThat(intQuery(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ID_ = '" + firstInstance + "'")).isZero();
    }

    AppNode node2 = start(url, work, 2);
    HttpResponse<String> again = startRun(node2);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      assertThat(stringQuery(db, "SELECT status FROM bf_screening_run WHERE kind = 'QUARTERLY'")).isEqualTo("DONE");
      String secondInstance = stringQuery(db,
          "SELECT process_instance_id FROM bf_screening_run WHERE kind = 'QUARTERLY'");
      assertThat(secondInstance).as("taken over").isNotEqualTo(firstInstance);
      assertThat(intQuery(db, "SELECT COUNT(*) FROM bf_screening_run WHERE kind = 'QUARTERLY'")).isEqualTo(1);
      // every township once, every household judged once
      assertThat(intQuery(db, "SELECT COUNT(*) FROM bf_screening_run_part WHERE township_code LIKE '" + COUNTY + "%'"))
          .isEqualTo(TOWNSHIPS);
      assertThat(intQuery(db, "SELECT households FROM bf_screening_run WHERE kind = 'QUARTERLY'")).isEqualTo(registry);
      int flagged = intQuery(db, "SELECT COUNT(*) FROM bf_screening_flag WHERE kind = 'WARNING' AND village_code LIKE '"
          + COUNTY + "%'");
      assertThat(flagged).as("every household without incomes listed once").isEqualTo(HOUSEHOLDS);
      assertThat(intQuery(db, "SELECT COUNT(DISTINCT household_id) FROM bf_screening_flag WHERE kind = 'WARNING'"))
          .isEqualTo(intQuery(db, "SELECT flagged FROM bf_screening_run WHERE kind = 'QUARTERLY'"));
      // each township's list numbered 1..n without a gap or a repeat
      assertThat(intQuery(db, "SELECT COUNT(*) FROM (SELECT township_code FROM bf_screening_flag WHERE kind = "
          + "'WARNING' GROUP BY township_code HAVING MIN(list_no) <> 1 OR MAX(list_no) <> COUNT(*) "
          + "OR COUNT(DISTINCT list_no) <> COUNT(*)) t")).isZero();
      // the townships' reviews come from the instance that took the run over
      assertThat(intQuery(db, "SELECT COUNT(DISTINCT t.ID_) FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = '"
          + secondInstance + "' AND t.TASK_DEF_KEY_ = '" + PeriodicScreening.REVIEW_WARNINGS + "'"))
          .isEqualTo(intQuery(db, "SELECT COUNT(DISTINCT township_code) FROM bf_screening_flag WHERE kind = 'WARNING'"));
      System.out.printf("quarterly run of %,d households in %d townships: killed after %d; taken over and finished%n",
          registry, TOWNSHIPS + 2, killedAt);
    }
    HttpResponse<String> done = startRun(node2);
    assertThat(done.statusCode()).isEqualTo(409);
    assertThat(done.body()).contains("不再重复执行");
  }

  /** An operator (the demo's administrator) starts this quarter's run through the API, as the runs page does. */
  private static HttpResponse<String> startRun(AppNode node) {
    try {
      return node.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + "/api/periodic-runs"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(
              StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
          .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"QUARTERLY\"}")).build());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private AppNode start(String url, Path work, int n) throws Exception {
    AppNode node = AppNode.start(url, work, n);
    nodes.add(node);
    return node;
  }
}
