package org.bangfu.bench;

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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bangfu.screening.PeriodicScreeningService;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.bangfu.tools.SyntheticPush;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test: {@code ./mvnw -B verify -Pbench -Dit.test=ProvinceQuarterBench}; never in CI): a province's
 * quarter — the quarterly warnings over a province-sized registry (-Dbangfu.bench.province.households, 1,500,000, in
 * 90 counties of 17 townships of 10 villages, one member each, a third formerly poor, 12 months of income each) on
 * the application as a separate JVM (-Dbangfu.bench.province.heap, 512m) on MariaDB, started by an operator through
 * the API. Prints the run's time, the node's heap (sampled every second with jcmd) and resident memory at their
 * peaks, and its largest transaction (the largest township's households, flags and time). No stock counterpart:
 * stock Camunda has no registry; the engine-API-per-row way of judging households is ScreeningBench's stock.
 */
class ProvinceQuarterBench {

  private static final int HOUSEHOLDS = Integer.getInteger("bangfu.bench.province.households", 1_500_000);
  private static final String HEAP = System.getProperty("bangfu.bench.province.heap", "512m");
  private static final int COUNTIES = 90;
  private static final int TOWNSHIPS = 17;
  private static final int VILLAGES = 10;
  private static final String DATABASE = "province";

  static {
    BenchLogging.quiet();
  }

  @Test
  void aProvincesQuarterlyRun() throws Exception {
    try (EmbeddedMariaDb.Server server = BenchEngine.newServer()) {
      server.createDatabase(DATABASE);
      Path work = Files.createTempDirectory("bangfu-province-");
      try (AppNode node = AppNode.startWithHeap(server.url(DATABASE), work, 0, HEAP)) {
        long seeding = System.currentTimeMillis();
        int villages;
        try (Connection db = BenchEngine.seeding(server, DATABASE)) {
          List<String> codes = regions(db);
          villages = codes.size();
          SyntheticPush.seedRegistry(db, codes, HOUSEHOLDS);
          incomes(db);
        }
        System.out.printf("%nseeded %,d households in %,d villages with 12 months of income each in %,d s%n",
            HOUSEHOLDS, villages, (System.currentTimeMillis() - seeding) / 1000);

        AtomicLong peakHeapKb = new AtomicLong();
        AtomicLong peakRssKb = new AtomicLong();
        Thread sampler = new Thread(() -> sample(node.pid(), peakHeapKb, peakRssKb));
        sampler.setDaemon(true);
        long started = System.nanoTime();
        sampler.start();
        HttpResponse<String> response = node.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port()
            + "/api/periodic-runs")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "admin:admin".getBytes(StandardCharsets.UTF_8))).header("Content-Type", "application/json")
            .timeout(Duration.ofHours(2)).POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"QUARTERLY\"}"))
            .build());
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        if (response.statusCode() != 201) {
          throw new IllegalStateException("the run was refused: " + response.statusCode() + " " + response.body());
        }
        try (Connection db = DriverManager.getConnection(server.url(DATABASE), "root", "")) {
          int households = intQuery(db, "SELECT households FROM bf_screening_run WHERE kind = 'QUARTERLY'");
          int flagged = intQuery(db, "SELECT flagged FROM bf_screening_run WHERE kind = 'QUARTERLY'");
          int parts = intQuery(db, "SELECT COUNT(*) FROM bf_screening_run_part");
          System.out.printf("%nPROVINCE QUARTER: %,d households judged, %,d listed, %s, in %d townships' transactions:"
              + " %.0f s (%,.0f households/s) on a %s heap%n", households, flagged,
              stringQuery(db, "SELECT status FROM bf_screening_run WHERE kind = 'QUARTERLY'"), parts, seconds,
              households / seconds, HEAP);
          System.out.printf("peak heap used (sampled each second) %,d MB; peak resident memory of the node %,d MB%n",
              peakHeapKb.get() / 1024, peakRssKb.get() / 1024);
          System.out.printf("largest transaction: %s households, %s listed; longest township %s ms%n",
              stringQuery(db, "SELECT MAX(households) FROM bf_screening_run_part"),
              stringQuery(db, "SELECT MAX(flagged) FROM bf_screening_run_part"),
              stringQuery(db, "SELECT MAX(TIMESTAMPDIFF(MICROSECOND, started_at, done_at)) DIV 1000 "
                  + "FROM bf_screening_run_part"));
          if (households < HOUSEHOLDS || !PeriodicScreeningService.DONE.equals(
              stringQuery(db, "SELECT status FROM bf_screening_run WHERE kind = 'QUARTERLY'"))) {
            throw new IllegalStateException("the run did not judge every household");
          }
        }
      }
    }
  }

  /** 90 counties of the demo's city, 17 townships each, 10 villages each; returns the villages' codes. */
  private static List<String> regions(Connection db) throws SQLException {
    List<String> villages = new ArrayList<>();
    try (PreparedStatement region = db.prepareStatement(
        "INSERT INTO bf_region (code, name, region_level, parent_code) VALUES (?, ?, ?, ?)")) {
      for (int c = 10; c < 10 + COUNTIES; c++) {
        String county = "6299" + c;
        add(region, county, "合成县" + c, "COUNTY", "629900");
        for (int t = 0; t < TOWNSHIPS; t++) {
          String township = county + String.format("%03d", 100 + t);
          add(region, township, "合成镇" + t, "TOWNSHIP", county);
          for (int v = 0; v < VILLAGES; v++) {
            String village = township + String.format("%03d", 200 + v);
            add(region, village, "合成村" + v, "VILLAGE", township);
            villages.add(village);
          }
        }
        region.executeBatch();
      }
    }
    return villages;
  }

  private static void add(PreparedStatement region, String code, String name, String level, String parent)
      throws SQLException {
    region.setString(1, code);
    region.setString(2, name);
    region.setString(3, level);
    region.setString(4, parent);
    region.addBatch();
  }

  /**
   * 12 months of income for every synthetic household, up to the last month of the quarter the run evaluates; a third
   * of the households formerly poor (so that the 10,000 元 rule has some to list).
   */
  private static void incomes(Connection db) throws SQLException {
    YearMonth last = YearMonth.from(java.time.LocalDate.now().withDayOfMonth(1)
        .minusMonths((java.time.LocalDate.now().getMonthValue() - 1) % 3).minusDays(1));
    try (var statement = db.createStatement()) {
      statement.executeUpdate("UPDATE bf_household SET household_kind = 'FORMERLY_POOR' WHERE MOD(id, 3) = 0 "
          + "AND address = '合成数据'");
    }
    db.setAutoCommit(false);
    Random random = new Random(1_500_000);
    try (PreparedStatement ids = db.prepareStatement("SELECT id FROM bf_household WHERE address = '合成数据' ORDER BY id");
        PreparedStatement income = db.prepareStatement("INSERT INTO bf_income (household_id, period, net_income, "
            + "rigid_spending) VALUES (?, ?, ?, 0)")) {
      ids.setFetchSize(Integer.MIN_VALUE);
      List<Long> households = new ArrayList<>();
      try (var rows = ids.executeQuery()) {
        while (rows.next()) {
          households.add(rows.getLong(1));
        }
      }
      int batched = 0;
      for (long household : households) {
        int monthly = 400 + random.nextInt(1100);
        for (int m = 11; m >= 0; m--) {
          income.setLong(1, household);
          income.setString(2, last.minusMonths(m).toString());
          income.setBigDecimal(3, java.math.BigDecimal.valueOf(monthly + random.nextInt(100)));
          income.addBatch();
        }
        if (++batched % 2_000 == 0) {
          income.executeBatch();
          db.commit();
        }
      }
      income.executeBatch();
      db.commit();
    }
  }

  /** The node's heap in use (jcmd GC.heap_info) and resident memory (/proc), every second, at their peaks. */
  static void sample(long pid, AtomicLong peakHeapKb, AtomicLong peakRssKb) {
    java.util.regex.Pattern used = java.util.regex.Pattern.compile("used (\\d+)K");
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Process process = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true)
            .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var matcher = used.matcher(out);
        if (matcher.find()) {
          peakHeapKb.accumulateAndGet(Long.parseLong(matcher.group(1)), Math::max);
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            peakRssKb.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
          }
        }
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // the node may be between states; the next sample counts
      }
    }
  }
}
