package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.demo.DemoData;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.ImportHelper;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Departments' incomes by kind (收入数据) through the upload API on MariaDB: kept as the household's items of their
 * months beside the village's records (never changing them), pushed once per record number, a kind the department
 * cannot know refused per row, shown on the case page; only the department itself or the county imports them.
 */
class IncomePushIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  private ImportHelper imports() {
    return new ImportHelper(api);
  }

  private static byte[] csv(Department department, List<List<String>> rows) {
    return ImportIT.csv(PushLayouts.of(department, PushDataset.INCOME), rows);
  }

  @Test
  void aDepartmentsIncomesAreKeptByKindBesideTheVillagesRecordsOnceEach() {
    Map<String, Object> body = ApiClient.household(DemoData.DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE");
    long household = api.createHousehold("cadre_dongshan", body);
    @SuppressWarnings("unchecked")
    Map<String, Object> head = ((List<Map<String, Object>>) body.get("members")).get(0);
    String id = (String) head.get("idNumber");
    String name = (String) head.get("name");
    YearMonth last = YearMonth.now().minusMonths(1);
    BigDecimal recorded = jdbc.queryForObject("SELECT net_income FROM bf_income WHERE household_id = ? AND period = ?",
        BigDecimal.class, household, last.toString());
    String prefix = "RSSR-" + System.nanoTime() + "-";

    // 人社: a public post's wage and a pension; a 经营性 row it cannot know and a month to come are refused
    List<List<String>> rows = List.of(
        List.of(prefix + "1", id, name, last.toString(), "工资性", "公益性岗位工资", "800"),
        List.of(prefix + "2", id, name, last.getYear() + "年" + last.getMonthValue() + "月", "转移性", "养老金", "153.5"),
        List.of(prefix + "3", id, name, last.toString(), "经营性", "", "100"),
        List.of(prefix + "4", id, name, YearMonth.now().plusMonths(1).toString(), "工资性", "", "100"));
    Map<String, Object> done = imports().finished(imports().post("handler_hrss", Department.HRSS, "INCOME", null,
        "hrss-income.csv", csv(Department.HRSS, rows)));
    assertThat(done).containsEntry("status", "DONE").containsEntry("dataset", "INCOME")
        .containsEntry("datasetLabel", "收入数据").containsEntry("rowsFlagged", 2).containsEntry("rowsError", 2)
        .containsEntry("casesOpened", 0);
    assertThat(jdbc.queryForList("SELECT kind, amount, period, item FROM bf_income_item WHERE household_id = ? "
        + "ORDER BY kind", household)).extracting(r -> r.get("kind") + " " + ((BigDecimal) r.get("amount"))
            .stripTrailingZeros().toPlainString() + " " + r.get("period") + " " + r.get("item"))
        .containsExactly("TRANSFER 153.5 " + last + " 养老金", "WAGE 800 " + last + " 公益性岗位工资");
    String report = new String(api.as("handler_hrss").getForObject("/api/imports/" + done.get("id") + "/errors.csv",
        byte[].class), StandardCharsets.UTF_8);
    assertThat(report).contains("4,收入类别,应为工资性、转移性之一，实际为：经营性", "5,所属月份,月份不能晚于本月");
    // the village's record of the month is untouched, and no case was opened
    assertThat(jdbc.queryForObject("SELECT net_income FROM bf_income WHERE household_id = ? AND period = ?",
        BigDecimal.class, household, last.toString())).isEqualByComparingTo(recorded);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case WHERE household_id = ?", Integer.class, household))
        .isZero();

    // the same records again (a new file): counted as repeats, nothing stored twice
    Map<String, Object> again = imports().finished(imports().post("handler_hrss", Department.HRSS, "INCOME", null,
        "hrss-income-2.csv", csv(Department.HRSS, List.of(rows.get(0), rows.get(1),
            List.of(prefix + "5", id, name, last.minusMonths(1).toString(), "工资性", "公益性岗位工资", "800")))));
    assertThat(again).containsEntry("rowsDuplicate", 2).containsEntry("rowsFlagged", 1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_income_item WHERE household_id = ?", Integer.class,
        household)).isEqualTo(3);

    // the case page shows them, with the department and the kind in words
    Map<String, Object> opened = api.openCase("cadre_dongshan", Map.of("householdId", household, "channel",
        "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> pushed = (List<Map<String, Object>>) api.get("cadre_dongshan", "/api/cases/"
        + opened.get("id")).getBody().get("pushedIncomes");
    assertThat(pushed).extracting(p -> p.get("period") + " " + p.get("departmentLabel") + " " + p.get("kindLabel")
        + " " + p.get("item")).contains(last + " 人力资源和社会保障局 工资性收入 公益性岗位工资",
            last + " 人力资源和社会保障局 转移性净收入 养老金",
            last.minusMonths(1) + " 人力资源和社会保障局 工资性收入 公益性岗位工资");
  }

  @Test
  void onlyTheDepartmentOrTheCountyImportsAndADepartmentWithoutIncomesIsToldSo() {
    byte[] file = csv(Department.CIVIL, List.of(List.of("MZ-X-" + System.nanoTime(), ApiClient.newIdNumber(1970),
        "某人", YearMonth.now().minusMonths(1).toString(), "转移性", "低保金", "450")));
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM bf_import", Integer.class);
    for (String user : List.of("cadre_dongshan", "handler_hrss", "reviewer_heping")) {
      assertThat(imports().post(user, Department.CIVIL, "INCOME", null, "civil.csv", file).getStatusCode().value())
          .as(user).isEqualTo(403);
    }
    ResponseEntity<Map<String, Object>> medins = imports().post("handler_medins", Department.MEDINS, "INCOME", null,
        "medins.csv", file);
    assertThat(medins.getStatusCode().value()).isEqualTo(400);
    assertThat(medins.getBody().toString()).contains("医疗保障局没有收入数据的导入模板");
    ResponseEntity<Map<String, Object>> unknown = imports().post("handler_civil", Department.CIVIL, "SALARY", null,
        "civil.csv", file);
    assertThat(unknown.getBody().toString()).contains("未知的数据类别");
    // an income file sent as 民政's signals: its columns are not the signals'
    ResponseEntity<Map<String, Object>> asSignals = imports().post("handler_civil", Department.CIVIL, null, null,
        "civil.csv", file);
    assertThat(asSignals.getStatusCode().value()).isEqualTo(400);
    assertThat(asSignals.getBody().toString()).contains("缺少", "救助类别");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_import", Integer.class)).isEqualTo(before);
    // an administrator may import for any county that exists
    ResponseEntity<Map<String, Object>> nowhere = imports().post("admin", Department.CIVIL, "INCOME", "123456",
        "civil.csv", file);
    assertThat(nowhere.getStatusCode().value()).isEqualTo(400);
    assertThat(nowhere.getBody().toString()).contains("没有区划代码为 123456 的县");
    // the county may import any department's incomes; the person is unknown, so the row is reported, not stored
    Map<String, Object> county = imports().finished(imports().post("approver_county", Department.CIVIL, "INCOME", null,
        "civil.csv", file));
    assertThat(county).containsEntry("rowsError", 1).containsEntry("rowsFlagged", 0);
  }

  /**
   * An amount written as 1e308 (or 1e-400) is one bad row with a short reason, not a failed import whose message shows
   * the database's error (found by an attack: the reason, written out, overflowed the report's column); a CSV with an
   * unclosed quote is refused in words, without the parser's English.
   */
  @Test
  void absurdAmountsAreBadRowsAndABrokenCsvIsRefusedInWords() {
    Map<String, Object> body = ApiClient.household(DemoData.DONGSHAN, "ORDINARY", 7000, 0, "FULL");
    long household = api.createHousehold("cadre_dongshan", body);
    @SuppressWarnings("unchecked")
    Map<String, Object> head = ((List<Map<String, Object>>) body.get("members")).get(0);
    String id = (String) head.get("idNumber");
    String name = (String) head.get("name");
    String month = YearMonth.now().minusMonths(1).toString();
    String prefix = "ABS-" + System.nanoTime() + "-";
    Map<String, Object> done = imports().finished(imports().post("handler_hrss", Department.HRSS, "INCOME", null,
        "absurd.csv", csv(Department.HRSS, List.of(
            List.of(prefix + "1", id, name, month, "工资性", "", "1e308"),
            List.of(prefix + "2", id, name, month, "工资性", "", "1e-400"),
            List.of(prefix + "3", id, name, month, "工资性", "", "800")))));
    assertThat(done).containsEntry("status", "DONE").containsEntry("rowsError", 2).containsEntry("rowsFlagged", 1);
    String report = new String(api.as("handler_hrss").getForObject("/api/imports/" + done.get("id") + "/errors.csv",
        byte[].class), StandardCharsets.UTF_8);
    assertThat(report).contains("2,金额（元）,金额超过1亿元，请核对是否多输了位数：1e308", "3,金额（元）,金额最多两位小数：1e-400");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_income_item WHERE household_id = ?", Integer.class,
        household)).isEqualTo(1);

    byte[] broken = ("\uFEFF" + String.join(",", PushLayouts.of(Department.AGRI, PushDataset.INCOME).headers())
        + "\r\nN-1," + id + "," + name + "," + month + ",财产性,\"abc,300\r\n").getBytes(StandardCharsets.UTF_8);
    ResponseEntity<Map<String, Object>> refused = imports().post("handler_agri", Department.AGRI, "INCOME", null,
        "broken.csv", broken);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("CSV中有未配对的引号（第 2 行起）").doesNotContain("Exception", "EOF");
  }

  /** Each income sample, as served, imports whole into the demo registry: its people and kinds are right. */
  @Test
  void everyIncomeSampleImportsIntoTheDemoRegistryWithoutAnError() {
    for (PushLayout layout : PushLayouts.all()) {
      if (layout.dataset() != PushDataset.INCOME) {
        continue;
      }
      byte[] sample = api.as("approver_county").getForObject("/api/imports/layouts/" + layout.key() + "/sample.csv",
          byte[].class);
      long rows = new String(sample, StandardCharsets.UTF_8).lines().count() - 1;
      Map<String, Object> done = imports().finished(imports().post("approver_county", layout.department(), "INCOME",
          null, layout.key() + "-sample.csv", sample));
      assertThat(done).as(layout.key()).containsEntry("status", "DONE").containsEntry("rowsError", 0)
          .containsEntry("rowsFlagged", (int) rows);
    }
  }

  @Test
  void theIncomeLayoutsAndTheirSamplesAreServed() {
    ResponseEntity<List<Map<String, Object>>> layouts = api.getList("handler_civil", "/api/imports/layouts");
    Map<String, Object> civil = layouts.getBody().stream().filter(l -> "CIVIL-INCOME".equals(l.get("key")))
        .findFirst().orElseThrow();
    assertThat(civil).containsEntry("dataset", "INCOME").containsEntry("datasetLabel", "收入数据");
    String sample = api.as("handler_civil").getForObject((String) civil.get("sample"), String.class);
    assertThat(sample).startsWith("\uFEFF推送编号,身份证号,姓名,所属月份,收入类别,项目,金额（元）")
        .contains("," + YearMonth.now().minusMonths(1) + ",转移性,低保金,").doesNotContain("{month");
  }
}
