package org.bangfu.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.bangfu.household.IdNumber;

/**
 * A synthetic 医保 push and the registry it refers to, for the import crash test and the screening benchmark.
 *
 * <p>{@link #seedRegistry} adds households of one member each to the given villages straight through JDBC (ID numbers
 * with the birth-place prefix 629977, apart from the demo's and the tests'); {@link #writeMedicalPush} writes a CSV
 * in the MEDINS layout whose every {@code flagEvery}-th row carries a self-paid amount above every threshold, the
 * others a small one, and every {@code badEvery}-th row a wrong check digit. Run as a program to make the
 * acceptance file:
 *
 * <pre>java -cp ... org.bangfu.tools.SyntheticPush jdbc:mariadb://… user password 100000 1000000 push.csv</pre>
 */
public final class SyntheticPush {

  /** What was written: rows, and how many of them are flagged or bad. */
  public record Written(int rows, int flagged, int bad) {
  }

  private SyntheticPush() {
  }

  /** The ID number of the synthetic registry's person {@code n} (0-based). */
  public static String idNumber(int n) {
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 20000);
    String first17 = "629977" + birth.toString().replace("-", "") + String.format("%03d", n / 20000 % 1000);
    return first17 + IdNumber.checkChar(first17);
  }

  public static String name(int n) {
    return "合成" + n;
  }

  /** The villages of a county in the registry's region table, by code. */
  public static List<String> villages(Connection connection, String county) throws SQLException {
    List<String> villages = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT code FROM bf_region"
        + " WHERE region_level = 'VILLAGE' AND code LIKE ? ORDER BY code")) {
      statement.setString(1, county + "%");
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          villages.add(result.getString(1));
        }
      }
    }
    return villages;
  }

  /** Adds a region (a county, township or village of synthetic data) to the registry's region table. */
  public static void addRegion(Connection connection, String code, String name, String level, String parent)
      throws SQLException {
    try (PreparedStatement region = connection.prepareStatement(
        "INSERT INTO bf_region (code, name, region_level, parent_code) VALUES (?, ?, ?, ?)")) {
      region.setString(1, code);
      region.setString(2, name);
      region.setString(3, level);
      region.setString(4, parent);
      region.executeUpdate();
    }
  }

  /** Adds {@code households} one-member ordinary households, spread over the villages, in batches of 1000. */
  public static void seedRegistry(Connection connection, List<String> villages, int households) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    try (PreparedStatement household = connection.prepareStatement("INSERT INTO bf_household (id, head_name, "
        + "village_code, household_kind, address, created_at, updated_at) VALUES (?, ?, ?, 'ORDINARY', '合成数据', ?, ?)");
        PreparedStatement member = connection.prepareStatement("INSERT INTO bf_member (household_id, name, id_number,"
            + " relation, labour_capacity) VALUES (?, ?, ?, 'HEAD', 'FULL')")) {
      long firstId;
      try (var statement = connection.createStatement();
          var result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM bf_household")) {
        result.next();
        firstId = result.getLong(1) + 1_000;
      }
      for (int n = 0; n < households; n++) {
        household.setLong(1, firstId + n);
        household.setString(2, name(n));
        household.setString(3, villages.get(n % villages.size()));
        household.setTimestamp(4, now);
        household.setTimestamp(5, now);
        household.addBatch();
        member.setLong(1, firstId + n);
        member.setString(2, name(n));
        member.setString(3, idNumber(n));
        member.addBatch();
        if (n % 1000 == 999 || n == households - 1) {
          household.executeBatch();
          member.executeBatch();
          connection.commit();
        }
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Writes {@code rows} 医保 rows over the first {@code households} synthetic people; row {@code i} is flagged when
   * {@code i % flagEvery == 0}: a household flagged again gets the signal attached to its case.
   */
  public static Written writeMedicalPush(Path file, int rows, int households, int flagEvery, int badEvery,
      LocalDate date) throws IOException {
    return writeMedicalPush(file, "SYN-", rows, households, flagEvery, badEvery, date);
  }

  /**
   * The same with record numbers {@code recordPrefix + i}: a second push of the department in the county needs its
   * own (a record number seen before is a duplicate); {@code flagEvery} 0 flags no row.
   */
  public static Written writeMedicalPush(Path file, String recordPrefix, int rows, int households, int flagEvery,
      int badEvery, LocalDate date) throws IOException {
    int flagged = 0;
    int bad = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("推送编号,身份证号,姓名,结算日期,就诊机构,合规自付费用（元）\r\n");
      for (int i = 0; i < rows; i++) {
        int person = i % households;
        String id = idNumber(person);
        boolean wrong = badEvery > 0 && i % badEvery == badEvery - 1;
        if (wrong) {
          id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
          bad++;
        }
        boolean flag = !wrong && flagEvery > 0 && i % flagEvery == 0;
        if (flag) {
          flagged++;
        }
        out.write(recordPrefix + i + "," + id + "," + name(person) + "," + date + ",幸福县人民医院,"
            + (flag ? "30000.00" : String.valueOf(50 + i % 900)) + "\r\n");
      }
    }
    return new Written(rows, flagged, bad);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: SyntheticPush <jdbc-url> <user> <password> <households> <rows> <file.csv>");
      System.exit(2);
    }
    int households = Integer.parseInt(args[3]);
    int rows = Integer.parseInt(args[4]);
    try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
      seedRegistry(connection, villages(connection, org.bangfu.demo.DemoData.COUNTY), households);
    }
    Written written = writeMedicalPush(Path.of(args[5]), rows, households, 10, 1000, LocalDate.now().minusDays(7));
    System.out.println(written);
  }
}
