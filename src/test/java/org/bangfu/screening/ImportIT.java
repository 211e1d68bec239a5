package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.demo.DemoData;
import org.bangfu.policy.PolicyRule;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.ImportHelper;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Department pushes through the upload API on MariaDB, for every department's layout: a good CSV file, the same file
 * again, an XLSX file that repeats a row and adds another, and a file with bad rows.
 */
class ImportIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ImportService importService;

  /** The department's row for a person: flagged by the screening rules or not. */
  static List<String> row(Department department, String recordNo, String idNumber, String name, boolean flagged,
      LocalDate date) {
    String d = date.toString();
    return switch (department) {
      // an ordinary household: flagged above 100 % of last year's rural income (14,500 元 in 甘肃 2026)
      case MEDINS -> List.of(recordNo, idNumber, name, d, "幸福县人民医院", flagged ? "20000" : "100");
      case CIVIL -> List.of(recordNo, idNumber, name, flagged ? "低保" : "临时救助", d, flagged ? "" : "500");
      case EDU -> List.of(recordNo, idNumber, name, "中心小学", flagged ? "辍学" : "复学", d);
      case PUBLIC_SECURITY -> List.of(recordNo, idNumber, name, flagged ? "死亡" : "轻伤", d, "");
      case DISABLED -> List.of(recordNo, idNumber, name, "肢体", flagged ? "一级" : "四级", d);
      case HOUSING -> List.of(recordNo, idNumber, name, flagged ? "D级" : "A级", d);
      case WATER -> List.of(recordNo, idNumber, name, "断水", d, flagged ? "40" : "2");
      case EMERGENCY -> List.of(recordNo, idNumber, name, "洪涝", d, flagged ? "20000" : "100", "否");
      case HRSS -> List.of(recordNo, idNumber, name, flagged ? "失业" : "已就业", d, "10");
      default -> throw new IllegalArgumentException(department.name());
    };
  }

  @ParameterizedTest
  @EnumSource(value = Department.class, names = {"MEDINS", "CIVIL", "EDU", "PUBLIC_SECURITY", "DISABLED", "HOUSING",
      "WATER", "EMERGENCY", "HRSS"})
  @PolicyRule({"R04", "R24"})
  void eachDepartmentsPushIsScreenedOnceAndBadRowsAreReported(Department department) throws IOException {
    PushLayout layout = PushLayouts.of(department);
    String handler = "handler_" + department.name().toLowerCase();
    LocalDate date = LocalDate.now().minusDays(3);
    Person a = person(DemoData.DONGSHAN);
    Person b = person(DemoData.XIHE);
    String prefix = department.name() + "-" + System.nanoTime() + "-";

    // 1. a good CSV: A's row is flagged and opens an identification, B's is not
    List<List<String>> good = List.of(row(department, prefix + "1", a.idNumber, a.name, true, date),
        row(department, prefix + "2", b.idNumber, b.name, false, date));
    byte[] csv = csv(layout, good);
    Map<String, Object> first = finished(upload(handler, department, "push.csv", csv));
    assertThat(first).containsEntry("status", "DONE").containsEntry("totalRows", 2).containsEntry("rowsDone", 2)
        .containsEntry("rowsFlagged", 1).containsEntry("casesOpened", 1).containsEntry("signalsAttached", 0)
        .containsEntry("rowsError", 0);
    List<Map<String, Object>> casesA = jdbc.queryForList(
        "SELECT id, channel, status, business_key FROM bf_case WHERE household_id = ?", a.householdId);
    assertThat(casesA).hasSize(1);
    assertThat(casesA.get(0)).containsEntry("channel", "DEPARTMENT_SIGNAL").containsEntry("status", "IDENTIFYING");
    long caseId = ((Number) casesA.get(0).get("id")).longValue();
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey((String) casesA.get(0).get("business_key")).count()).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case WHERE household_id = ?", Integer.class,
        b.householdId)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_signal WHERE case_id = ? AND department = ? "
        + "AND push_record_id IS NOT NULL", Integer.class, caseId, department.name())).isEqualTo(1);

    // 2. the same file again is refused, nothing written
    ResponseEntity<Map<String, Object>> again = upload(handler, department, "push-again.csv", csv);
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat((String) again.getBody().get("error")).contains("导入过");

    // 3. an XLSX repeating A's row and adding a second flagged row for A and one more plain row
    List<List<String>> overlap = List.of(good.get(0),
        row(department, prefix + "3", a.idNumber, a.name, true, date),
        row(department, prefix + "4", b.idNumber, b.name, false, date));
    Map<String, Object> second = finished(upload(handler, department, "push.xlsx", xlsx(layout, overlap)));
    assertThat(second).containsEntry("status", "DONE").containsEntry("rowsDone", 3)
        .containsEntry("rowsDuplicate", 1).containsEntry("rowsFlagged", 1).containsEntry("casesOpened", 0)
        .containsEntry("signalsAttached", 1).containsEntry("rowsError", 0);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case WHERE household_id = ?", Integer.class,
        a.householdId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_signal WHERE case_id = ?", Integer.class, caseId))
        .isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_push_record WHERE record_no LIKE ?", Integer.class,
        prefix + "%")).isEqualTo(4);

    // 4. bad rows are reported with row, column and reason; the good row among them goes through
    String badId = a.idNumber.substring(0, 17) + (a.idNumber.charAt(17) == '1' ? '2' : '1');
    List<List<String>> bad = new ArrayList<>();
    bad.add(row(department, prefix + "5", badId, a.name, true, date));                                  // row 2
    bad.add(row(department, prefix + "6", b.idNumber, b.name, false, LocalDate.now().plusDays(5)));     // row 3
    bad.add(row(department, prefix + "7", ApiClient.newIdNumber(1980), "查无此人", true, date));         // row 4
    bad.add(wrongValue(layout, row(department, prefix + "8", b.idNumber, b.name, true, date)));          // row 5
    bad.add(row(department, prefix + "9", b.idNumber, "张冠李戴", true, date));                          // row 6
    bad.add(row(department, prefix + "10", b.idNumber, b.name, true, date));                             // row 7
    Map<String, Object> third = finished(upload(handler, department, "push-bad.csv", csv(layout, bad)));
    assertThat(third).containsEntry("status", "DONE").containsEntry("rowsDone", 6).containsEntry("rowsError", 5)
        .containsEntry("casesOpened", 1);
    String report = errorReport(handler, ((Number) third.get("id")).longValue());
    assertThat(report).contains("行号,列,原因", "2,身份证号,身份证号码校验位不正确", "4,身份证号,农户信息库中没有此身份证号",
        "6,姓名,与农户信息库中该身份证号登记的姓名不一致");
    assertThat(report).containsPattern("3,[^,]*日期,日期不能晚于今天");
    assertThat(report).containsPattern("\n5,");
    assertThat(report).doesNotContain("\n7,");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case WHERE household_id = ?", Integer.class,
        b.householdId)).isEqualTo(1);
  }

  @Test
  void theTemplatesOpenInChineseExcelAsCsvWithBomAndAsAWorkbook() throws IOException {
    byte[] csv = api.as("handler_medins").getForObject("/api/imports/layouts/MEDINS/sample.csv", byte[].class);
    assertThat(new String(csv, 0, 3, StandardCharsets.ISO_8859_1)).as("UTF-8 BOM").isEqualTo("\u00EF\u00BB\u00BF");
    List<List<String>> csvRows = new ArrayList<>();
    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(
        new String(csv, StandardCharsets.UTF_8).substring(1)))) {
      parser.forEach(r -> csvRows.add(r.toList()));
    }
    ResponseEntity<byte[]> xlsx = api.as("handler_medins").getForEntity("/api/imports/layouts/MEDINS/sample.xlsx",
        byte[].class);
    assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
    List<List<String>> xlsxRows = new ArrayList<>();
    try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(
        xlsx.getBody()))) {
      assertThat(book.getFirstSheet().getName()).isEqualTo("医疗保障局");
      book.getFirstSheet().read().forEach(row -> {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < csvRows.get(0).size(); c++) {
          cells.add(row.getCellText(c));
        }
        xlsxRows.add(cells);
      });
    }
    assertThat(csvRows.get(0)).contains("身份证号");
    assertThat(xlsxRows).isEqualTo(csvRows);
  }

  @Test
  void anotherCountysOrDepartmentsUserCannotImportAndWrongFilesAreRefusedWhole() {
    PushLayout layout = PushLayouts.of(Department.MEDINS);
    byte[] csv = csv(layout, List.of(row(Department.MEDINS, "X-1", ApiClient.newIdNumber(1980), "某人", true,
        LocalDate.now())));
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM bf_import", Integer.class);
    // another department's handler, a village cadre
    assertThat(upload("handler_civil", Department.MEDINS, "push.csv", csv).getStatusCode().value()).isEqualTo(403);
    assertThat(upload("cadre_dongshan", Department.MEDINS, "push.csv", csv).getStatusCode().value()).isEqualTo(403);
    assertThat(uploadFor("handler_medins", Department.MEDINS, "629902", "push.csv", csv).getStatusCode().value())
        .isEqualTo(403);
    // not CSV or XLSX; columns of another department; only a header; a broken XLSX
    ResponseEntity<Map<String, Object>> pdf = upload("handler_medins", Department.MEDINS, "push.pdf", csv);
    assertThat(pdf.getStatusCode().value()).isEqualTo(400);
    assertThat(pdf.getBody().toString()).contains("只能导入CSV或XLSX");
    ResponseEntity<Map<String, Object>> columns = upload("handler_medins", Department.MEDINS, "push.csv",
        csv(PushLayouts.of(Department.CIVIL), List.of()));
    assertThat(columns.getStatusCode().value()).isEqualTo(400);
    assertThat(columns.getBody().toString()).contains("缺少", "合规自付费用（元）");
    ResponseEntity<Map<String, Object>> empty = upload("handler_medins", Department.MEDINS, "push.csv",
        csv(layout, List.of()));
    assertThat(empty.getBody().toString()).contains("没有数据行");
    ResponseEntity<Map<String, Object>> broken = upload("handler_medins", Department.MEDINS, "push.xlsx",
        "not a workbook".getBytes(StandardCharsets.UTF_8));
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(broken.getBody().toString()).contains("XLSX");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_import", Integer.class)).isEqualTo(before);
    // the list and the progress are the county's: another county's user sees neither
    assertThat(api.getList("handler_medins", "/api/imports").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void layoutsAndSamplesAreServedWithRecentDates() {
    ResponseEntity<List<Map<String, Object>>> layouts = api.getList("handler_medins", "/api/imports/layouts");
    // nine departments' signals, five departments' incomes
    assertThat(layouts.getBody()).hasSize(14);
    assertThat(layouts.getBody()).filteredOn(l -> "INCOME".equals(l.get("dataset"))).extracting(l -> l.get("key"))
        .containsExactly("HRSS-INCOME", "CIVIL-INCOME", "AGRI-INCOME", "FORESTRY-INCOME", "DISABLED-INCOME");
    for (Map<String, Object> layout : layouts.getBody()) {
      ResponseEntity<String> sample = api.as("handler_medins")
          .getForEntity((String) layout.get("sample"), String.class);
      assertThat(sample.getStatusCode().value()).isEqualTo(200);
      assertThat(sample.getBody()).startsWith("\uFEFF推送编号,身份证号,姓名").doesNotContain("{today", "{month")
          .contains("INCOME".equals(layout.get("dataset")) ? java.time.YearMonth.now().minusMonths(1).toString()
              : LocalDate.now().getYear() + "-");
    }
  }

  /**
   * The same push uploaded twice at the same moment (11 races): one upload is accepted and its import completes,
   * the other is told the file is already imported, and the flagged household is identified once. The losing
   * request once deleted the file both had stored under one name, failing the winner's import.
   */
  @Test
  void theSameFileUploadedTwiceAtOnceIsImportedOnce() throws Exception {
    PushLayout layout = PushLayouts.of(Department.MEDINS);
    for (int race = 0; race < 11; race++) {
      Person a = person(DemoData.DONGSHAN);
      byte[] csv = csv(layout, List.of(row(Department.MEDINS, "RACE-" + System.nanoTime(), a.idNumber, a.name,
          true, LocalDate.now().minusDays(2))));
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
      List<java.util.concurrent.Future<ResponseEntity<Map<String, Object>>>> sent = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        sent.add(two.submit(() -> {
          start.await();
          return upload("handler_medins", Department.MEDINS, "push.csv", csv);
        }));
      }
      List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
      for (var answer : sent) {
        answers.add(answer.get());
      }
      two.shutdown();
      assertThat(answers).extracting(r -> r.getStatusCode().value()).as("race " + race)
          .containsExactlyInAnyOrder(202, 409);
      ResponseEntity<Map<String, Object>> accepted = answers.stream()
          .filter(r -> r.getStatusCode().value() == 202).findFirst().orElseThrow();
      ResponseEntity<Map<String, Object>> refused = answers.stream()
          .filter(r -> r.getStatusCode().value() == 409).findFirst().orElseThrow();
      assertThat((String) refused.getBody().get("error")).containsAnyOf("导入过", "正在由另一请求导入");
      Map<String, Object> done = finished(accepted);
      assertThat(done).as("race " + race).containsEntry("status", "DONE").containsEntry("casesOpened", 1)
          .containsEntry("rowsDone", 1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case WHERE household_id = ?", Integer.class,
          a.householdId)).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_import WHERE file_sha256 = (SELECT file_sha256 FROM "
          + "bf_import WHERE id = ?)", Integer.class, done.get("id"))).isEqualTo(1);
    }
    // no upload left a file behind it: each import's own, none half-written
    try (var files = java.nio.file.Files.list(IMPORT_DIR)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".part"));
    }
  }

  /**
   * A file of many bad rows keeps the first thousand rows' reasons for its report and counts the rest: the report
   * says how many more there are. (A 1 MB file once stored 800,000 error rows.)
   */
  @Test
  void errorsBeyondTheLimitAreCountedAndTheReportSaysSo() {
    PushLayout layout = PushLayouts.of(Department.MEDINS);
    String prefix = "BAD-" + System.nanoTime() + "-";
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      // a check digit that is never right for this number: every row is refused with a reason
      String id = ApiClient.newIdNumber(1970 + i % 30);
      String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
      rows.add(row(Department.MEDINS, prefix + i, wrong, "王五", true, LocalDate.now().minusDays(2)));
    }
    Map<String, Object> done = finished(upload("handler_medins", Department.MEDINS, "bad.csv", csv(layout, rows)));
    assertThat(done).containsEntry("status", "DONE").containsEntry("rowsError", 1_200);
    long id = ((Number) done.get("id")).longValue();
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT row_no) FROM bf_import_error WHERE import_id = ?",
        Integer.class, id)).isEqualTo(1_000);
    String report = errorReport("handler_medins", id);
    assertThat(report.lines().filter(l -> l.matches("\\d+,.*")).map(l -> l.substring(0, l.indexOf(',')))
        .distinct().count()).isEqualTo(1_000);
    assertThat(report).contains("另有 200 行有错误未逐行列出");
  }

  /**
   * A done import's file (names, ID numbers) is deleted once its retention (bangfu.imports.keep-files-for, 7 days
   * here as shipped) has passed, and the import says so; what it found stays.
   */
  @Test
  void aDoneImportsFileIsDeletedAfterItsRetention() throws IOException {
    Person a = person(DemoData.XIHE);
    Map<String, Object> done = finished(upload("handler_medins", Department.MEDINS, "keep.csv",
        csv(PushLayouts.of(Department.MEDINS), List.of(row(Department.MEDINS, "KEEP-" + System.nanoTime(),
            a.idNumber, a.name, false, LocalDate.now().minusDays(2))))));
    long id = ((Number) done.get("id")).longValue();
    java.nio.file.Path file = java.nio.file.Path.of(jdbc.queryForObject(
        "SELECT stored_path FROM bf_import WHERE id = ?", String.class, id));
    java.time.LocalDateTime finished = jdbc.queryForObject("SELECT finished_at FROM bf_import WHERE id = ?",
        java.time.LocalDateTime.class, id);
    assertThat(file).exists();
    importService.deleteFinishedFiles(finished.plusDays(6));
    assertThat(file).as("within its retention").exists();
    assertThat(api.get("handler_medins", "/api/imports/" + id).getBody().get("fileDeletedAt")).isNull();
    importService.deleteFinishedFiles(finished.plusDays(7).plusSeconds(1));
    assertThat(file).doesNotExist();
    assertThat(api.get("handler_medins", "/api/imports/" + id).getBody().get("fileDeletedAt")).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_push_record WHERE import_id = ?", Integer.class, id))
        .isEqualTo(1);
  }

  /** A hostile workbook is refused with the reason and leaves nothing behind: no import, no file. */
  @Test
  void aZipBombIsRefusedInChineseAndLeavesNothing() throws IOException {
    long imports = jdbc.queryForObject("SELECT COUNT(*) FROM bf_import", Long.class);
    long files;
    try (var listed = java.nio.file.Files.list(IMPORT_DIR)) {
      files = listed.count();
    }
    ResponseEntity<Map<String, Object>> refused = upload("handler_medins", Department.MEDINS, "bomb.xlsx",
        CraftedPushFiles.zipBombOfRows(300L << 20, 30_000));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(refused.getBody())).contains("压缩比异常");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_import", Long.class)).isEqualTo(imports);
    try (var listed = java.nio.file.Files.list(IMPORT_DIR)) {
      assertThat(listed.count()).isEqualTo(files);
    }
  }

  // --- helpers

  record Person(long householdId, String idNumber, String name) {
  }

  @SuppressWarnings("unchecked")
  private Person person(String village) {
    Map<String, Object> body = ApiClient.household(village, "ORDINARY", 12000, 0, "FULL", "FULL", "NONE");
    long id = api.createHousehold("cadre_" + (village.equals(DemoData.DONGSHAN) ? "dongshan" : "xihe"), body);
    Map<String, Object> head = ((List<Map<String, Object>>) body.get("members")).get(0);
    return new Person(id, (String) head.get("idNumber"), (String) head.get("name"));
  }

  /** Puts a value the layout does not allow into its first category, amount or number column. */
  private static List<String> wrongValue(PushLayout layout, List<String> row) {
    List<String> copy = new ArrayList<>(row);
    for (int i = 0; i < layout.columns().size(); i++) {
      PushColumn column = layout.columns().get(i);
      switch (column.role()) {
        case CATEGORY -> copy.set(i, "不知道");
        case AMOUNT -> copy.set(i, "-5");
        case NUMBER -> copy.set(i, "很多");
        default -> {
          continue;
        }
      }
      return copy;
    }
    throw new IllegalStateException("no checked column in " + layout.department());
  }

  static byte[] csv(PushLayout layout, List<List<String>> rows) {
    return ImportHelper.csv(layout, rows);
  }

  static byte[] xlsx(PushLayout layout, List<List<String>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "test", "1.0");
    Worksheet sheet = workbook.newWorksheet("推送");
    List<String> headers = layout.headers();
    for (int c = 0; c < headers.size(); c++) {
      sheet.value(0, c, headers.get(c));
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        String value = row.get(c);
        // amounts and counts as numbers, dates as Excel dates, the rest (ID numbers too) as text
        if (value.matches("\\d+(\\.\\d+)?") && !value.matches("\\d{17}[\\dX]") && value.length() < 10) {
          sheet.value(r + 1, c, Double.parseDouble(value));
        } else if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
          sheet.value(r + 1, c, LocalDate.parse(value));
          sheet.style(r + 1, c).format("yyyy-mm-dd").set();
        } else {
          sheet.value(r + 1, c, value);
        }
      }
    }
    workbook.finish();
    return out.toByteArray();
  }

  ResponseEntity<Map<String, Object>> upload(String user, Department department, String fileName, byte[] content) {
    return new ImportHelper(api).post(user, department, null, fileName, content);
  }

  ResponseEntity<Map<String, Object>> uploadFor(String user, Department department, String county, String fileName,
      byte[] content) {
    return new ImportHelper(api).post(user, department, county, fileName, content);
  }

  Map<String, Object> finished(ResponseEntity<Map<String, Object>> accepted) {
    assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(202);
    return new ImportHelper(api).finished(accepted);
  }

  String errorReport(String user, long id) {
    ResponseEntity<byte[]> response = api.as(user).getForEntity("/api/imports/" + id + "/errors.csv", byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return new String(response.getBody(), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
