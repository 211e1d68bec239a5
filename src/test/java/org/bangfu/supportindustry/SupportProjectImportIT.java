package org.bangfu.supportindustry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bangfu.policy.PolicyRule;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The county's projects from its spreadsheet, on MariaDB: a file with wrong rows is refused with each row's reason
 * and registers nothing; the corrected file registers all; the same file again registers nothing twice; an Excel
 * workbook with numbers in number cells reads as well; only the county's managers load.
 */
class SupportProjectImportIT extends MariaDbIntegrationTest {

  static final String HEADER = "项目库编号,项目名称,行政区划代码,产业类型,运营主体,资金来源,投资额（元）,资产权属,建成年份,运营状态\n";

  @Autowired
  JdbcTemplate jdbc;

  private ResponseEntity<Map<String, Object>> load(String user, String name, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("countyCode", "629901");
    form.add("file", ApiClient.file(name, content));
    return api.postForm(user, "/api/support-projects/import", form);
  }

  private int registered(String prefix) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_support_project WHERE project_no LIKE ?", Integer.class,
        prefix + "%");
  }

  @Test
  @PolicyRule("R36")
  void theCountysSpreadsheetIsLoadedAllOrNothingAndOnce() throws IOException {
    String p = "IM" + System.nanoTime() % 1_000_000 + "-";
    String good = p + "1,东山村光伏电站,629901100201,光伏帮扶,东山村股份经济合作社,东西部协作资金,650000,村集体,2019,正常运营\n"
        + p + "2,西河村茶叶加工厂,629901100202,农产品加工,西河茶业有限公司,统筹整合涉农资金,\"1,800,000.50\",村集体,2022,\n";
    String bad = good + p + "3,南坪村采矿,629901100203,采矿业,某公司,衔接推进乡村振兴补助资金（专项扶贫资金）,100,国有,2020,正常运营\n"
        + p + "4,外县项目,629902100201,种植业,某合作社,其他,100,农户,2020,在建\n";
    assertThat(load("cadre_dongshan", "projects.csv", (HEADER + good).getBytes(StandardCharsets.UTF_8))
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> refused = load("handler_agri", "projects.csv",
        (HEADER + bad).getBytes(StandardCharsets.UTF_8));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("第 4 行", "产业类型应为", "第 5 行", "629902100201 不是本县的村");
    assertThat(registered(p)).as("a refused file registers nothing").isZero();

    Map<String, Object> loaded = load("handler_agri", "projects.csv", (HEADER + good).getBytes(StandardCharsets.UTF_8))
        .getBody();
    assertThat(loaded).containsEntry("registered", 2).containsEntry("alreadyRegistered", 0);
    assertThat(jdbc.queryForMap("SELECT industry, fund_source, investment, status FROM bf_support_project WHERE "
        + "project_no = ?", p + "2")).containsEntry("industry", "PROCESSING").containsEntry("fund_source",
            "INTEGRATED").containsEntry("status", "OPERATING")
        .satisfies(r -> assertThat(new java.math.BigDecimal(r.get("investment").toString()))
            .isEqualByComparingTo("1800000.50"));
    assertThat(load("handler_agri", "projects.csv", (HEADER + good).getBytes(StandardCharsets.UTF_8)).getBody())
        .containsEntry("registered", 0).containsEntry("alreadyRegistered", 2);

    // an Excel workbook, amounts and years as numbers
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "test", "1.0");
    Worksheet sheet = workbook.newWorksheet("项目");
    String[] header = HEADER.trim().split(",");
    for (int c = 0; c < header.length; c++) {
      sheet.value(0, c, header[c]);
    }
    Object[] row = {p + "X", "柳树村蔬菜大棚", "629901101201", "种植业", "柳树村合作社", "定点帮扶资金", 300000, "村集体", 2023,
        "停产闲置"};
    for (int c = 0; c < row.length; c++) {
      if (row[c] instanceof Number n) {
        sheet.value(1, c, n);
      } else {
        sheet.value(1, c, (String) row[c]);
      }
    }
    workbook.finish();
    assertThat(load("handler_agri", "projects.xlsx", out.toByteArray()).getBody()).containsEntry("registered", 1);
    assertThat(jdbc.queryForMap("SELECT built_year, status FROM bf_support_project WHERE project_no = ?", p + "X"))
        .containsEntry("built_year", 2023).containsEntry("status", "IDLE");

    // a ZIP of something else, named .xlsx: refused as not a workbook, not a server error
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
      z.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
      z.write("not a workbook".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    ResponseEntity<Map<String, Object>> notExcel = load("handler_agri", "z.xlsx", zip.toByteArray());
    assertThat(notExcel.getStatusCode().value()).isEqualTo(400);
    assertThat(notExcel.getBody().toString()).contains("不是有效的XLSX");

    String template = api.as("handler_agri").getForObject("/api/support-projects/template.csv", String.class);
    assertThat(template).startsWith("\uFEFF项目库编号,项目名称,行政区划代码").contains("示例");
  }
}
