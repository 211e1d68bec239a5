package org.bangfu.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.catalogue.RiskType;
import org.bangfu.demo.DemoData;
import org.bangfu.engine.SlaService;
import org.bangfu.household.MonitoringThreshold;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.lifecycle.AssistanceCase;
import org.bangfu.region.RegionCode;
import org.bangfu.screening.DepartmentScreening;
import org.bangfu.screening.PushFileReader;
import org.bangfu.screening.PushLayouts;
import org.bangfu.screening.PushRow;
import org.bangfu.screening.PushRowParser;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.WorkingDayCalendar;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.bangfu.testing.ImportHelper;
import org.bangfu.tools.SyntheticPush;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.ResponseEntity;

/**
 * Scenario 3: a department push of a million rows (医保, one county), every tenth row flagged by the screening DMN and
 * opening a case — an identification started in the engine (run with {@code ./mvnw -B verify -Pbench
 * -Dit.test=ScreeningBench}; never in CI).
 *
 * <ul>
 *   <li><b>ours</b>: the application as a separate JVM (demo profile, MariaDB): the file uploaded through the API as
 *       the county's 医保 handler, then the background import (batches of 500 rows a transaction, the screening table
 *       evaluated in bulk, a case and its process per flagged household) timed until it reports done; then a second
 *       push of the same size with no row flagged, which separates the screening from the starts.
 *   <li><b>stock</b>: what a stock Camunda 7.24 application does with the same file and models: per row, the person
 *       looked up in the same registry, the same screening table evaluated by the engine's decision service (full
 *       history), and for a flagged row the same case process started (the household as business key; a household
 *       already open gets the signal as a variable), each engine call its own transaction. It runs over the first
 *       {@code bangfu.bench.screening.stock-rows} rows only (100,000 by default: a million would take hours); its
 *       wall time for the whole file is its rate times the rows, and says so.
 * </ul>
 */
class ScreeningBench {

  private static final int ROWS = Integer.getInteger("bangfu.bench.screening.rows", 1_000_000);
  /** Prime to the flag interval, so that the flagged rows fall on different households: each opens a case. */
  private static final int HOUSEHOLDS = Integer.getInteger("bangfu.bench.screening.households", 100_003);
  private static final int STOCK_ROWS = Integer.getInteger("bangfu.bench.screening.stock-rows", 100_000);
  private static final int FLAG_EVERY = 10;
  private static final int BAD_EVERY = 1_000;
  private static final String DATABASE = "screening";

  static {
    BenchLogging.quiet();
  }

  @Test
  void aMillionRowPushOfOneDepartment() throws Exception {
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      server.createDatabase(DATABASE);
      Path work = Files.createTempDirectory("bangfu-bench-screening-");
      LocalDate date = LocalDate.now().minusDays(7);
      Path flaggedFile = work.resolve("MEDINS-flagged.csv");
      Path plainFile = work.resolve("MEDINS-plain.csv");
      List<Map<String, Object>> rows = new ArrayList<>();
      SyntheticPush.Written flagged;
      try (AppNode node = AppNode.start(server.url(DATABASE), work, 0, "--bangfu.imports.poll-interval=PT1S",
          "--bangfu.imports.busy-share=1")) { // the import's own speed: no pause for people
        long seeding = System.nanoTime();
        try (Connection db = BenchEngine.seeding(server, DATABASE)) {
          SyntheticPush.seedRegistry(db, SyntheticPush.villages(db, DemoData.COUNTY), HOUSEHOLDS);
        }
        flagged = SyntheticPush.writeMedicalPush(flaggedFile, "SYN-", ROWS, HOUSEHOLDS, FLAG_EVERY, BAD_EVERY, date);
        SyntheticPush.Written plain = SyntheticPush.writeMedicalPush(plainFile, "PLAIN-", ROWS, HOUSEHOLDS, 0,
            BAD_EVERY, date);
        System.out.printf("%nseeding (not a figure): %,d households and two files of %,d rows (%,d and %,d flagged)"
            + " in %.0f s%n", HOUSEHOLDS, ROWS, flagged.flagged(), plain.flagged(),
            (System.nanoTime() - seeding) / 1e9);
        rows.add(ours("ours (the application's import)", node, server.url(DATABASE), flaggedFile, flagged));
        rows.add(ours("ours, no row flagged", node, server.url(DATABASE), plainFile, plain));
      }
      rows.add(stock(server, flaggedFile));

      System.out.printf("%nSCREENING a department push (医保) of %,d rows, one row in %d flagged, over %,d households"
          + " (MariaDB on loopback, everything on the same 2 cores)%n", ROWS, FLAG_EVERY, HOUSEHOLDS);
      System.out.printf("%-36s %10s %10s %9s %8s %12s %10s %10s%n", "configuration", "rows", "wall, s", "rows/s",
          "flagged", "cases opened", "starts/s", "1M rows, s");
      for (Map<String, Object> r : rows) {
        System.out.printf("%-36s %,10d %10.1f %,9.0f %,8d %,12d %10.1f %10s%n", r.get("name"), r.get("rows"),
            r.get("seconds"), r.get("rowsPerSecond"), r.get("flagged"), r.get("opened"), r.get("startsPerSecond"),
            r.get("million"));
      }
      Map<String, Object> ours = rows.get(0);
      Map<String, Object> plainRun = rows.get(1);
      Map<String, Object> stock = rows.get(2);
      System.out.printf("ratio ours/stock rows/s: %.1fx; starts/s: %.1fx%n",
          (double) ours.get("rowsPerSecond") / (double) stock.get("rowsPerSecond"),
          (double) ours.get("startsPerSecond") / (double) stock.get("startsPerSecond"));
      double screeningSeconds = (double) plainRun.get("busy");
      double startSeconds = (double) ours.get("busy") - screeningSeconds;
      System.out.printf("where ours goes: screening %,d rows without a flag %.0f s of work (%,.0f rows/s); the %,d "
          + "cases on top %.0f s (%.1f ms a case: case file, signal, audit, the engine's start to 入户核实)%n",
          ROWS, screeningSeconds, ROWS / screeningSeconds, (int) ours.get("opened"), startSeconds,
          startSeconds * 1000 / (int) ours.get("opened"));
    }
  }

  /** Uploads the file as the county's 医保 handler and waits until the import is done; checks what it made. */
  private static Map<String, Object> ours(String name, AppNode node, String url, Path file,
      SyntheticPush.Written written) throws Exception {
    Map<String, Long> before;
    int atVerificationBefore;
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      before = serverStatus(db);
      atVerificationBefore = tasksAtVerification(db);
    }
    long start = System.nanoTime();
    ResponseEntity<Map<String, Object>> accepted = new ImportHelper(node.api()).post("handler_medins",
        Department.MEDINS, null, file.getFileName().toString(), Files.readAllBytes(file));
    if (accepted.getStatusCode().value() != 202) {
      throw new AssertionError("upload refused: " + accepted.getStatusCode() + " " + accepted.getBody());
    }
    long uploaded = System.nanoTime();
    long id = ((Number) accepted.getBody().get("id")).longValue();
    Map<String, Object> row = new LinkedHashMap<>();
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      String status;
      long until = System.currentTimeMillis() + 4 * 3_600_000L;
      while (!"DONE".equals(status = AppNode.stringQuery(db, "SELECT status FROM bf_import WHERE id = " + id))) {
        if ("FAILED".equals(status) || System.currentTimeMillis() > until) {
          throw new AssertionError("import " + id + " " + status + ", see " + node.log());
        }
        Thread.sleep(500);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int done = AppNode.intQuery(db, "SELECT rows_done FROM bf_import WHERE id = " + id);
      int flagged = AppNode.intQuery(db, "SELECT rows_flagged FROM bf_import WHERE id = " + id);
      int opened = AppNode.intQuery(db, "SELECT cases_opened FROM bf_import WHERE id = " + id);
      int errors = AppNode.intQuery(db, "SELECT rows_error FROM bf_import WHERE id = " + id);
      // what the run made is what the file calls for: every row, each flagged household one case running in the
      // engine at 入户核实
      check(done == written.rows(), "rows done " + done);
      check(flagged == written.flagged(), "rows flagged " + flagged + ", file " + written.flagged());
      check(errors == written.bad(), "rows refused " + errors + ", file " + written.bad());
      int households = AppNode.intQuery(db, "SELECT COUNT(DISTINCT household_id) FROM bf_push_record WHERE import_id = "
          + id + " AND outcome <> 'NOT_FLAGGED'");
      check(opened == households, "cases opened " + opened + ", flagged households " + households);
      // each case runs in the engine, at 入户核实 (a correlated check of each case's business key against the
      // engine's tables was planned as a scan of the tasks per case: minutes at 20,000 cases)
      int running = tasksAtVerification(db) - atVerificationBefore;
      check(running == opened, "cases at 入户核实 " + running + " of " + opened);
      row.putAll(figures(name, done, seconds, flagged, opened, ""));
      row.put("busy", AppNode.intQuery(db, "SELECT busy_millis FROM bf_import WHERE id = " + id) / 1e3);
      System.out.printf("%s: upload %.1f s (stored, checked, counted), then processing; %,d rows in %.1f s%n", name,
          (uploaded - start) / 1e9, done, seconds);
      Map<String, Long> after = serverStatus(db);
      StringBuilder work = new StringBuilder("  the database's work (server counters, per 1,000 rows):");
      after.forEach((counter, value) -> work.append(String.format(" %s %,.0f;", counter,
          (value - before.get(counter)) * 1000.0 / done)));
      System.out.println(work);
      try (Statement statement = db.createStatement(); ResultSet tables = statement.executeQuery("SELECT TABLE_NAME,"
          + " ROUND((DATA_LENGTH + INDEX_LENGTH) / 1048576) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
          + DATABASE + "' ORDER BY 2 DESC LIMIT 6")) {
        StringBuilder sizes = new StringBuilder("  the largest tables now (MB):");
        while (tables.next()) {
          sizes.append(String.format(" %s %,d;", tables.getString(1), tables.getLong(2)));
        }
        System.out.println(sizes);
      }
    }
    return row;
  }

  /**
   * The stock way over the first {@link #STOCK_ROWS} rows of the file, on a stock engine of its own database with the
   * same models, reading the registry of the application's database.
   */
  private static Map<String, Object> stock(EmbeddedMariaDb.Server server, Path file) throws Exception {
    server.createDatabase("screening_stock");
    StandaloneProcessEngineConfiguration configuration = BenchEngine.stock(server, "screening_stock");
    SlaService sla = new SlaService(new WorkingDayCalendar());
    Map<String, Integer> days = new HashMap<>();
    // (keys(): the YAML's numbers are not strings, so stringPropertyNames() would leave them out)
    BenchEngine.APPLICATION.keySet().stream().map(Object::toString).filter(key -> key.startsWith("bangfu.sla.days."))
        .forEach(key -> days.put(key.substring("bangfu.sla.days.".length()),
            Integer.parseInt(BenchEngine.APPLICATION.getProperty(key).trim())));
    sla.setDays(days);
    configuration.setBeans(Map.of("sla", sla)); // the due dates' expression, as the application's bean computes them
    ProcessEngine engine = configuration.buildProcessEngine();
    try (Connection registry = DriverManager.getConnection(server.url(DATABASE), "root", "");
        PreparedStatement person = registry.prepareStatement("SELECT m.household_id, m.name, h.village_code,"
            + " h.household_kind FROM bf_member m JOIN bf_household h ON h.id = m.household_id WHERE m.id_number = ?");
        PushFileReader reader = PushFileReader.open(file, PushFileReader.Format.CSV,
            // the shipped limits (application.yml): the bench's file keeps to them
            new org.bangfu.screening.ImportProperties.Limits(1_000_000, 64, 32767,
                org.springframework.util.unit.DataSize.ofGigabytes(1),
                org.springframework.util.unit.DataSize.ofMegabytes(16),
                org.springframework.util.unit.DataSize.ofMegabytes(8), 200, 1000))) {
      DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("screening bench");
      for (String model : List.of("AssistanceCaseProcess.bpmn", "RiskIdentificationProcess.bpmn",
          "DepartmentScreening.dmn", "MonitoringEligibility.dmn")) {
        deployment.addClasspathResource("processes/" + model);
      }
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form")) {
        deployment.addInputStream(form.getFilename(), form.getInputStream());
      }
      deployment.deploy();
      RuntimeService runtime = engine.getRuntimeService();
      DecisionService decisions = engine.getDecisionService();
      PushRowParser parser = PushRowParser.forHeader(PushLayouts.of(Department.MEDINS), reader.header());
      Map<String, Double> ruralIncome = new HashMap<>();
      LocalDate today = LocalDate.now();
      int rows = 0;
      int flagged = 0;
      int opened = 0;
      int refused = 0;
      long start = System.nanoTime();
      PushFileReader.RawRow raw;
      while (rows < STOCK_ROWS && (raw = reader.next()) != null) {
        rows++;
        PushRow row = parser.parse(raw, today).row();
        if (row == null) {
          refused++;
          continue;
        }
        person.setString(1, row.idNumber());
        long householdId;
        String village;
        String kind;
        try (ResultSet found = person.executeQuery()) {
          if (!found.next() || !found.getString(2).equals(row.name())) {
            refused++;
            continue;
          }
          householdId = found.getLong(1);
          village = found.getString(3);
          kind = found.getString(4);
        }
        RegionCode region = new RegionCode(village);
        String businessKey = "household-" + householdId;
        ProcessInstance open = runtime.createProcessInstanceQuery().processDefinitionKey(AssistanceCase.KEY)
            .processInstanceBusinessKey(businessKey).singleResult();
        double income = ruralIncome.computeIfAbsent(region.province() + "/" + today.getYear(),
            key -> ((Number) decisions.evaluateDecisionByKey(MonitoringThreshold.DECISION)
                .variables(Map.of("provinceCode", region.province(), "year", today.getYear())).evaluate()
                .getSingleResult().getEntry("ruralIncomeLastYear")).doubleValue());
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("department", Department.MEDINS.name());
        inputs.put("category", row.category());
        inputs.put("amount", row.amount() == null ? null : row.amount().doubleValue());
        inputs.put("number", row.number());
        inputs.put("flag", row.flag());
        inputs.put("selfPayShare", row.amount() == null ? null : row.amount().doubleValue() / income);
        inputs.put("householdKind", kind);
        inputs.put("monitored", open != null);
        inputs.put("provinceCode", region.province());
        inputs.put("year", today.getYear());
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DepartmentScreening.DECISION)
            .variables(inputs).evaluate().getFirstResult();
        if (result == null || !Boolean.TRUE.equals(result.get("flagged"))) {
          continue;
        }
        flagged++;
        String risk = result.get("riskType") == null ? "OTHER" : result.get("riskType").toString();
        if (open != null) {
          runtime.setVariable(open.getId(), "lastSignal", row.recordNo());
          continue;
        }
        runtime.startProcessInstanceByKey(AssistanceCase.KEY, businessKey, caseVariables(householdId, region, risk,
            row.amount(), rows));
        opened++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long atVerification = engine.getTaskService().createTaskQuery()
          .taskDefinitionKey(RiskIdentification.VERIFY_HOUSEHOLD).count();
      check(atVerification == opened, "stock cases at 入户核实 " + atVerification + " of " + opened);
      check(opened > 0 && refused > 0, "stock: " + opened + " opened, " + refused + " refused");
      return figures("stock (engine API per row)", rows, seconds, flagged, opened, " (rate)");
    } finally {
      BenchEngine.close(engine);
    }
  }

  /** The open 入户核实 tasks: where every case the import opens waits. */
  private static int tasksAtVerification(Connection db) throws SQLException {
    return AppNode.intQuery(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = '"
        + RiskIdentification.VERIFY_HOUSEHOLD + "'");
  }

  /** A configuration's line of the table; "1M rows" is the run's time scaled to a million rows. */
  private static Map<String, Object> figures(String name, int rows, double seconds, int flagged, int opened,
      String millionNote) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", name);
    row.put("rows", rows);
    row.put("seconds", seconds);
    row.put("rowsPerSecond", rows / seconds);
    row.put("flagged", flagged);
    row.put("opened", opened);
    row.put("startsPerSecond", opened / seconds);
    row.put("million", String.format("%.0f%s", seconds * 1_000_000 / rows, millionNote));
    return row;
  }

  /** The variables the application starts a department signal's case with. */
  private static VariableMap caseVariables(long householdId, RegionCode region, String risk, BigDecimal amount,
      int caseNumber) {
    VariableMap variables = Variables.createVariables();
    CaseVariables.CASE_ID.put(variables, (long) caseNumber);
    CaseVariables.HOUSEHOLD_ID.put(variables, householdId);
    CaseVariables.VILLAGE_CODE.put(variables, region.village());
    CaseVariables.TOWNSHIP_CODE.put(variables, region.township());
    CaseVariables.COUNTY_CODE.put(variables, region.county());
    RiskIdentification.RISK_TYPES.put(variables, risk);
    RiskIdentification.RISK_TYPE_LABELS.put(variables, RiskType.labels(risk));
    RiskIdentification.CHANNEL.put(variables, "DEPARTMENT_SIGNAL");
    RiskIdentification.IDENTIFICATION_DEADLINE.put(variables,
        Date.from(LocalDate.now().plusDays(15).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    RiskIdentification.NOTICE_DURATION.put(variables, "P5D");
    RiskIdentification.UNSAFE_HOUSING.put(variables, false);
    RiskIdentification.UNSAFE_WATER.put(variables, false);
    RiskIdentification.DROPOUT_RISK.put(variables, false);
    RiskIdentification.NO_MEDICAL_INSURANCE.put(variables, false);
    RiskIdentification.MEDICAL_SELF_PAY.put(variables, amount == null ? 0d : amount.doubleValue());
    RiskIdentification.GREEN_CHANNEL_REQUESTED.put(variables, false);
    RiskIdentification.GREEN_CHANNEL_STARTED.put(variables, false);
    RiskIdentification.URGENT_MEASURES.put(variables, "");
    return variables;
  }

  /**
   * The server's counters of statements, rows read, full-scan reads, commits, data file syncs and pages read from
   * disk because the buffer pool did not hold them.
   */
  private static Map<String, Long> serverStatus(Connection db) throws SQLException {
    return BenchEngine.globalStatus(db, "Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit",
        "Innodb_rows_read", "Handler_read_rnd_next", "Innodb_data_fsyncs", "Innodb_buffer_pool_reads");
  }

  private static void check(boolean holds, String what) {
    if (!holds) {
      throw new AssertionError(what);
    }
  }
}
