package org.bangfu.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bangfu.browser.TasklistPage;
import org.bangfu.demo.DemoData;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.Chromium;
import org.bangfu.testing.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Heavy reads on a read replica: two MariaDB servers on this machine, the second replicating the first (binary log,
 * row format), and the application (a JVM of its own) writing to the first and reading its dashboard, exports and
 * what-if from the second. The replica's user may only read (and its connections are read-only), and the
 * replica's own binary log shows that nothing but replication wrote there.
 * Replication is stopped, the replica server stopped and started again under the running application: the pages
 * keep answering, say where their figures come from and how old they are, and move to the primary while the replica
 * is too far behind or down, and back when it has caught up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIT {

  private static final String COUNTY = DemoData.COUNTY;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedMariaDb.Server primary;
  private static EmbeddedMariaDb.Server replica;
  private static AppNode node;
  /** The replica's own binary log after the set-up. */
  private static String replicaWrites;

  @BeforeAll
  static void replicateAndStart() throws Exception {
    // two servers as production runs them: grant tables on, the application's own users; the primary's binary log
    // in row format, triggers created by a user without SUPER (the audit's append-only triggers)
    primary = EmbeddedMariaDb.newServerWithUsers("--server-id=1", "--log-bin=primary-bin", "--binlog-format=ROW",
        "--log-bin-trust-function-creators=1", "--skip-name-resolve");
    // the replica logs what is written on it directly (not what it replicates: log_slave_updates off), so its own
    // binary log shows whether anything but replication wrote there
    replica = EmbeddedMariaDb.newServerWithUsers("--server-id=2", "--read-only=ON", "--relay-log=replica-relay",
        "--log-bin=replica-bin", "--log-slave-updates=OFF", "--skip-name-resolve");
    // the test's own administrator on each server, and the replication user: before replication starts
    for (EmbeddedMariaDb.Server server : List.of(primary, replica)) {
      server.run("CREATE USER 'admin'@'%' IDENTIFIED BY 'admin-secret'; "
          + "GRANT ALL ON *.* TO 'admin'@'%' WITH GRANT OPTION;");
    }
    primary.run("CREATE USER 'repl'@'%' IDENTIFIED BY 'repl-secret'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';");
    String file;
    long position;
    try (Connection p = admin(primary); Statement s = p.createStatement();
        ResultSet status = s.executeQuery("SHOW MASTER STATUS")) {
      assertThat(status.next()).as("binary log on").isTrue();
      file = status.getString(1);
      position = status.getLong(2);
    }
    try (Connection r = admin(replica); Statement s = r.createStatement()) {
      s.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
          + ", MASTER_USER='repl', MASTER_PASSWORD='repl-secret', MASTER_SSL=0, MASTER_CONNECT_RETRY=1, "
          + "MASTER_LOG_FILE='" + file + "', MASTER_LOG_POS=" + position);
      s.execute("START SLAVE");
    }
    // created on the primary, replicated: the application's user, and the replica's reader, who may only read
    try (Connection p = admin(primary); Statement s = p.createStatement()) {
      s.execute("CREATE USER 'bangfu'@'%' IDENTIFIED BY 'bangfu-secret'");
      s.execute("GRANT ALL ON bangfu.* TO 'bangfu'@'%'");
      s.execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'reader-secret'");
      s.execute("GRANT SELECT ON bangfu.* TO 'reader'@'%'");
    }
    until(ReadReplicaIT::replicationStatus, status -> status.startsWith("Yes/Yes"));
    replicaWrites = replicaBinlog();
    Path work = Files.createTempDirectory("bangfu-replica-");
    node = AppNode.start(primary.url(), work, 1, "--spring.datasource.username=bangfu",
        "--spring.datasource.password=bangfu-secret", "--bangfu.replica.url=" + replica.url(),
        "--bangfu.replica.username=reader", "--bangfu.replica.password=reader-secret",
        "--bangfu.replica.heartbeat-interval=PT1S", "--bangfu.replica.max-lag=PT5S");
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (replica != null) {
      replica.close();
    }
    if (primary != null) {
      primary.close();
    }
  }

  @Test
  @Order(1)
  void theDashboardComesFromTheReplicaAndSaysHowOld() throws Exception {
    // the application's schema and demo data replicated without an error
    assertThat(replicationStatus()).isEqualTo("Yes/Yes//");
    JsonNode overview = until(this::dashboard, o -> "replica".equals(o.at("/source/server").asText()));
    assertThat(overview.at("/source/note").asText()).startsWith("数据来自只读副本，截至 ").contains("秒前");
    assertThat(overview.at("/source/secondsBehindAtMost").asLong()).isBetween(0L, 5L);
    assertThat(overview.get("open").asLong()).as("the demo county's open tasks").isPositive();
    // and the supervisor reads it on the page (Chromium)
    WebDriver browser = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      new TasklistPage(browser, wait, "http://localhost:" + node.port()).signIn("supervisor_county");
      browser.get("http://localhost:" + node.port() + "/supervision.html");
      String shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dataSource"))).getText();
      assertThat(shown).startsWith("数据来自只读副本，截至 ").endsWith("秒前）");
    } finally {
      browser.quit();
    }
    // the overdue export reads there too, the people's and groups' names with it (the engine's identity tables)
    assertThat(node.get("supervisor_county", "/api/supervision/" + COUNTY + "/overdue.csv"))
        .contains("案件编号").contains("和平镇");
  }

  @Test
  @Order(2)
  void whileReplicationStandsTheFiguresAreTheReplicasThenThePrimarysWhenTooOld() throws Exception {
    long before = until(this::dashboard, o -> "replica".equals(o.at("/source/server").asText())).get("open")
        .asLong();
    sql(replica, "STOP SLAVE SQL_THREAD");
    // writes go on at the primary: a new case, with its first task
    ApiClient api = node.api();
    long household = api.createHousehold("cadre_dongshan", ApiClient.household(DemoData.DONGSHAN, "ORDINARY", 7000,
        0, "FULL", "NONE"));
    api.openCase("cadre_dongshan", Map.of("householdId", household, "channel", "CADRE_SCREENING",
        "riskTypes", List.of("ILLNESS")));
    // read at once: the replica's figures, without the new case (the read did not go to the primary)
    JsonNode stale = dashboard();
    assertThat(stale.at("/source/server").asText()).isEqualTo("replica");
    assertThat(stale.get("open").asLong()).isEqualTo(before);
    // more than max-lag (5 s) later: the primary's figures, and the page says why
    JsonNode fresh = until(this::dashboard, o -> "primary".equals(o.at("/source/server").asText()));
    assertThat(fresh.at("/source/note").asText()).isEqualTo("只读副本落后主库超过5秒，本页数据直接取自主库");
    long now = fresh.get("open").asLong();
    assertThat(now).as("the new case's task counted on the primary").isGreaterThan(before);
    // replication goes on: back to the replica once it has caught up
    sql(replica, "START SLAVE SQL_THREAD");
    JsonNode again = until(this::dashboard, o -> "replica".equals(o.at("/source/server").asText()));
    assertThat(again.get("open").asLong()).as("the replica caught up: the primary's figure").isEqualTo(now);
  }

  @Test
  @Order(3)
  void aReplicaDownSendsTheHeavyReadsToThePrimaryAndBack() throws Exception {
    until(this::dashboard, o -> "replica".equals(o.at("/source/server").asText()));
    replica.stop();
    try {
      JsonNode overview = until(this::dashboard, o -> "primary".equals(o.at("/source/server").asText()));
      assertThat(overview.at("/source/note").asText()).isEqualTo("无法连接只读副本，本页数据直接取自主库");
      long open = overview.get("open").asLong();
      // the exports and the what-if answer too
      String csv = node.get("supervisor_county", "/api/supervision/" + COUNTY + "/overdue.csv");
      assertThat(csv).contains("案件编号");
      JsonNode whatIf = whatIf();
      assertThat(whatIf.get("dataNote").asText()).isEqualTo("无法连接只读副本，本页数据直接取自主库");
      replica.start();
      JsonNode back = until(this::dashboard, o -> "replica".equals(o.at("/source/server").asText()));
      assertThat(back.get("open").asLong()).isEqualTo(open);
    } finally {
      if (!replicaAnswers()) {
        replica.start();
      }
    }
    JsonNode whatIf = whatIf();
    assertThat(whatIf.get("dataNote").asText()).startsWith("数据来自只读副本");
    assertThat(whatIf.get("households").asInt()).isPositive();
  }

  @Test
  @Order(4)
  void theReplicaReceivedEveryWriteAndNothingElse() throws Exception {
    // nothing was written on the replica but by replication: its own binary log has not moved
    assertThat(replicaBinlog()).isEqualTo(replicaWrites);
    // and replication ran without an error
    assertThat(replicationStatus()).isEqualTo("Yes/Yes//");
    for (String table : List.of("bf_household", "bf_case", "ACT_RU_TASK", "bf_inbox", "bf_case_audit", "bf_inbox_tally")) {
      String count = "SELECT COUNT(*) FROM " + table;
      long onPrimary = count(primary, count);
      until(() -> count(replica, count), n -> n == onPrimary);
    }
  }

  // --- helpers

  private JsonNode dashboard() throws Exception {
    return JSON.readTree(node.get("supervisor_county", "/api/supervision/" + COUNTY));
  }

  private JsonNode whatIf() throws Exception {
    String body = JSON.writeValueAsString(Map.of("region", COUNTY, "thresholds", List.of(Map.of(
        "provinceCode", COUNTY.substring(0, 2), "year", java.time.LocalDate.now().getYear(), "threshold", 9000))));
    HttpResponse<String> response = node.send(node.request("owner_province", "/api/what-if/monitoring-range")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** "IO thread running/SQL thread running/last errors". */
  private static String replicationStatus() throws SQLException {
    try (Connection r = admin(replica); Statement s = r.createStatement();
        ResultSet status = s.executeQuery("SHOW SLAVE STATUS")) {
      assertThat(status.next()).isTrue();
      return status.getString("Slave_IO_Running") + "/" + status.getString("Slave_SQL_Running") + "/"
          + status.getString("Last_IO_Error") + "/" + status.getString("Last_SQL_Error");
    }
  }

  /** The transactions the replica's own binary log holds (a restart does not change it, a write does). */
  private static String replicaBinlog() throws SQLException {
    try (Connection c = admin(replica); Statement s = c.createStatement();
        ResultSet status = s.executeQuery("SELECT @@global.gtid_binlog_pos")) {
      assertThat(status.next()).isTrue();
      return status.getString(1);
    }
  }

  private static boolean replicaAnswers() {
    try (Connection c = admin(replica)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static long count(EmbeddedMariaDb.Server server, String sql) throws SQLException {
    try (Connection c = admin(server); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(EmbeddedMariaDb.Server server, String sql) throws SQLException {
    try (Connection c = admin(server); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Connection admin(EmbeddedMariaDb.Server server) throws SQLException {
    return DriverManager.getConnection(server.url(), "admin", "admin-secret");
  }

  interface Read<T> {
    T get() throws Exception;
  }

  /** Reads until the condition holds (at most 60 s). */
  private static <T> T until(Read<T> read, Predicate<T> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    T value = read.get();
    while (!condition.test(value)) {
      assertThat(System.currentTimeMillis()).as("waited 60 s; last: " + value).isLessThan(deadline);
      Thread.sleep(250);
      value = read.get();
    }
    return value;
  }
}
