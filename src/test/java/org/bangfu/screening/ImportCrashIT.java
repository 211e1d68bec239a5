package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.testing.AppNode.intQuery;
import static org.bangfu.testing.AppNode.stringQuery;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bangfu.demo.DemoData;
import org.bangfu.policy.PolicyRule;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.bangfu.tools.SyntheticPush;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An import survives the death of its node: the application runs as a separate JVM on its own database (demo
 * profile), a synthetic 医保 push is uploaded, the JVM is killed with SIGKILL in the middle, a new JVM is started on the
 * same database, and the import finishes with every row processed exactly once. Then the demo's 医保 sample starts
 * the identifications it should, visible through the engine REST API as Tasklist reads it.
 */
class ImportCrashIT {

  private static final int HOUSEHOLDS = 4_000;
  /** 40,000 in the test run; {@code -Dbangfu.crash.rows=1000000} for the acceptance run of a million rows. */
  private static final int ROWS = Integer.getInteger("bangfu.crash.rows", 40_000);
  private static final int FLAG_EVERY = 100;
  private static final int BAD_EVERY = 997;

  private final List<AppNode> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(AppNode::close);
  }

  @Test
  @PolicyRule("R24")
  void anImportKilledMidwayFinishesAfterARestartWithEveryRowOnce() throws Exception {
    String url = EmbeddedMariaDb.createDatabase("bangfu_crash");
    Path work = Files.createTempDirectory("bangfu-crash-");

    AppNode node1 = startNode(url, work, 1);
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      SyntheticPush.seedRegistry(db, SyntheticPush.villages(db, DemoData.COUNTY), HOUSEHOLDS);
    }
    Path file = work.resolve("medins-synthetic.csv");
    SyntheticPush.Written written = SyntheticPush.writeMedicalPush(file, ROWS, HOUSEHOLDS, FLAG_EVERY, BAD_EVERY,
        LocalDate.now().minusDays(7));
    long importId = upload(node1, "handler_medins", "MEDINS", file.getFileName().toString(), Files.readAllBytes(file));

    // kill -9 once a good part, but not all, of the file is committed
    int killedAt;
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      long until = System.currentTimeMillis() + 300_000;
      while (true) {
        int done = intQuery(db, "SELECT rows_done FROM bf_import WHERE id = " + importId);
        if (done >= ROWS / 4) {
          break;
        }
        assertThat(System.currentTimeMillis()).as("import progress").isLessThan(until);
        Thread.sleep(20);
      }
      node1.kill();
      killedAt = intQuery(db, "SELECT rows_done FROM bf_import WHERE id = " + importId);
      assertThat(killedAt).as("killed mid-way").isLessThan(ROWS);
      assertThat(stringQuery(db, "SELECT status FROM bf_import WHERE id = " + importId)).isEqualTo("RUNNING");
      // what is committed matches the checkpoint: a record or an error or a duplicate per row done, nothing more
      assertThat(rowsAccountedFor(db, importId)).isEqualTo(killedAt);
    }

    long resumed = System.currentTimeMillis();
    AppNode node2 = startNode(url, work, 2);
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      long until = System.currentTimeMillis() + 600_000;
      while (!"DONE".equals(stringQuery(db, "SELECT status FROM bf_import WHERE id = " + importId))) {
        assertThat(stringQuery(db, "SELECT status FROM bf_import WHERE id = " + importId)).isNotEqualTo("FAILED");
        assertThat(System.currentTimeMillis()).as("import finished after the restart").isLessThan(until);
        Thread.sleep(200);
      }
      assertThat(intQuery(db, "SELECT rows_done FROM bf_import WHERE id = " + importId)).isEqualTo(ROWS);
      System.out.printf("import of %,d rows: killed at %,d; after the restart (start-up included) %,d s; "
          + "%s rows/s while processing%n", ROWS, killedAt, (System.currentTimeMillis() - resumed) / 1000,
          stringQuery(db, "SELECT ROUND(rows_done * 1000 / busy_millis) FROM bf_import WHERE id = " + importId));
      assertThat(rowsAccountedFor(db, importId)).isEqualTo(ROWS);
      assertThat(intQuery(db, "SELECT COUNT(*) FROM bf_push_record WHERE import_id = " + importId))
          .isEqualTo(ROWS - written.bad());
      assertThat(intQuery(db, "SELECT COUNT(DISTINCT row_no) FROM bf_import_error WHERE import_id = " + importId))
          .isEqualTo(written.bad());
      assertThat(intQuery(db, "SELECT rows_flagged FROM bf_import WHERE id = " + importId))
          .isEqualTo(written.flagged());
      // each flagged household has exactly one case; every flagged row is one signal on it
      int flaggedHouseholds = intQuery(db, "SELECT COUNT(DISTINCT household_id) FROM bf_push_record WHERE import_id = "
          + importId + " AND outcome <> 'NOT_FLAGGED'");
      assertThat(intQuery(db, "SELECT COUNT(*) FROM bf_case c JOIN bf_member m ON m.household_id = c.household_id "
          + "WHERE m.id_number LIKE '629977%'")).isEqualTo(flaggedHouseholds);
      assertThat(intQuery(db, "SELECT cases_opened FROM bf_import WHERE id = " + importId))
          .isEqualTo(flaggedHouseholds);
      assertThat(intQuery(db, "SELECT COUNT(*) FROM bf_case_signal s JOIN bf_push_record r ON r.id = s.push_record_id "
          + "WHERE r.import_id = " + importId)).isEqualTo(written.flagged());
      // and every case opened runs in the engine
      assertThat(intQuery(db, "SELECT COUNT(*) FROM bf_case c JOIN bf_member m ON m.household_id = c.household_id "
          + "WHERE m.id_number LIKE '629977%' AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e "
          + "WHERE e.BUSINESS_KEY_ = c.business_key AND e.PARENT_ID_ IS NULL)")).isZero();
    }

    // the demo's 医保 sample on the restarted node: 2 identifications, 1 signal on 赵大山's case, 3 bad rows
    String sample = node2.get("handler_medins", "/api/imports/layouts/MEDINS/sample.csv");
    long sampleImport = upload(node2, "handler_medins", "MEDINS", "MEDINS-sample.csv",
        sample.getBytes(StandardCharsets.UTF_8));
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      long until = System.currentTimeMillis() + 120_000;
      while (!"DONE".equals(stringQuery(db, "SELECT status FROM bf_import WHERE id = " + sampleImport))) {
        assertThat(System.currentTimeMillis()).isLessThan(until);
        Thread.sleep(200);
      }
      assertThat(intQuery(db, "SELECT cases_opened FROM bf_import WHERE id = " + sampleImport)).isEqualTo(2);
      assertThat(intQuery(db, "SELECT signals_attached FROM bf_import WHERE id = " + sampleImport)).isEqualTo(1);
      assertThat(intQuery(db, "SELECT rows_error FROM bf_import WHERE id = " + sampleImport)).isEqualTo(3);
      assertThat(stringQuery(db, "SELECT GROUP_CONCAT(h.head_name ORDER BY h.head_name) FROM bf_push_record r "
          + "JOIN bf_household h ON h.id = r.household_id WHERE r.import_id = " + sampleImport
          + " AND r.outcome = 'CASE_OPENED'")).isEqualTo("吴明亮,李春生");
    }
    // 李春生 lives in 西河村: its cadre finds the home verification in the task list
    String tasks = node2.get("cadre_xihe", "/engine-rest/task?candidateGroup=village-" + DemoData.XIHE);
    assertThat(tasks).contains("入户核实");
  }

  private static int rowsAccountedFor(Connection db, long importId) throws Exception {
    return intQuery(db, "SELECT COUNT(*) FROM bf_push_record WHERE import_id = " + importId)
        + intQuery(db, "SELECT rows_error + rows_duplicate FROM bf_import WHERE id = " + importId);
  }

  private AppNode startNode(String url, Path work, int n) throws Exception {
    AppNode node = AppNode.start(url, work, n, "--bangfu.imports.batch-size=100", "--bangfu.imports.lease=PT3S",
        "--bangfu.imports.poll-interval=PT1S");
    nodes.add(node);
    return node;
  }

  private long upload(AppNode node, String user, String department, String fileName, byte[] content) throws Exception {
    HttpResponse<String> response = node.upload(user, department, fileName, content);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    var matcher = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(response.body());
    assertThat(matcher.find()).isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
