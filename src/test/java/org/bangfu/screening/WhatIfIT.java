package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.demo.DemoData;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The what-if over the registry on MariaDB: the per-township counts of households entering and leaving the
 * monitoring range equal a count made independently in SQL from the income records, for a raised and a lowered
 * line and for the same change made as a new DMN version; nothing is started or written.
 */
class WhatIfIT extends MariaDbIntegrationTest {

  private static final String PATH = "/api/what-if/monitoring-range";

  @Autowired
  JdbcTemplate jdbc;

  /**
   * Per township: {households, in range at line 1, in range at line 2, with months unrecorded} counted straight from
   * bf_income; a household with a month of the 12 unrecorded is counted apart, never judged on zeros.
   */
  private Map<String, int[]> independentCount(BigDecimal line1, BigDecimal line2) {
    YearMonth to = YearMonth.from(LocalDate.now()).minusMonths(1);
    Map<String, int[]> counts = new HashMap<>();
    jdbc.query("SELECT h.id, h.village_code, (SELECT COUNT(*) FROM bf_member m WHERE m.household_id = h.id) n, "
        + "(SELECT COALESCE(SUM(i.net_income - i.rigid_spending), 0) FROM bf_income i WHERE i.household_id = h.id "
        + "AND i.period BETWEEN ? AND ?) adjusted, (SELECT COUNT(*) FROM bf_income i WHERE i.household_id = h.id "
        + "AND i.period BETWEEN ? AND ?) months FROM bf_household h WHERE h.village_code LIKE '629901%'", row -> {
          BigDecimal perCapita = row.getBigDecimal("adjusted")
              .divide(BigDecimal.valueOf(Math.max(1, row.getInt("n"))), 2, RoundingMode.HALF_UP);
          int[] c = counts.computeIfAbsent(row.getString("village_code").substring(0, 9), k -> new int[4]);
          c[0]++;
          if (row.getInt("months") < 12) {
            c[3]++;
            return;
          }
          // income-only eligibility: the adjusted per-capita income (≤ the plain one) below the line
          c[1] += perCapita.compareTo(line1) < 0 ? 1 : 0;
          c[2] += perCapita.compareTo(line2) < 0 ? 1 : 0;
        }, to.minusMonths(11).toString(), to.toString(), to.minusMonths(11).toString(), to.toString());
    return counts;
  }

  @SuppressWarnings("unchecked")
  private void assertCounts(Map<String, Object> result, Map<String, int[]> expected) {
    List<Map<String, Object>> townships = (List<Map<String, Object>>) result.get("townships");
    assertThat(townships).extracting(t -> t.get("code")).containsExactlyInAnyOrderElementsOf(expected.keySet());
    int entering = 0;
    for (Map<String, Object> t : townships) {
      int[] c = expected.get((String) t.get("code"));
      assertThat(t).as((String) t.get("code")).containsEntry("households", c[0]).containsEntry("inRangeNow", c[1])
          .containsEntry("inRangeAfter", c[2]).containsEntry("incomplete", c[3]).containsEntry("entering", Math.max(0, c[2] - c[1]))
          .containsEntry("leaving", Math.max(0, c[1] - c[2]));
      entering += Math.max(0, c[2] - c[1]);
    }
    assertThat(result).containsEntry("entering", entering);
  }

  private ResponseEntity<Map<String, Object>> whatIf(String user, Object body) {
    return api.post(user, PATH, body);
  }

  private static Map<String, Object> line(int threshold) {
    return Map.of("region", "629901", "thresholds", List.of(Map.of("provinceCode", "62",
        "year", LocalDate.now().getYear(), "threshold", threshold)));
  }

  @Test
  void countsOfHouseholdsEnteringAndLeavingEqualAnIndependentCount() throws Exception {
    // households around the line of 8,600 元 (甘肃 from 2026)
    for (int perCapita : new int[] {8500, 8800, 8950, 9100, 8200, 7950}) {
      api.createHousehold("cadre_dongshan", ApiClient.household(DemoData.DONGSHAN, "ORDINARY", perCapita, 0,
          "FULL", "FULL"));
    }
    api.createHousehold("cadre_xihe", ApiClient.household(DemoData.XIHE, "FORMERLY_POOR", 9400, 1200, "FULL",
        "NONE"));
    int cases = jdbc.queryForObject("SELECT COUNT(*) FROM bf_case", Integer.class);
    long instances = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<Map<String, Object>> raised = whatIf("owner_province", line(9000));
    assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(200);
    assertThat((Integer) raised.getBody().get("entering")).isGreaterThanOrEqualTo(3);
    assertCounts(raised.getBody(), independentCount(new BigDecimal("8600"), new BigDecimal("9000")));

    ResponseEntity<Map<String, Object>> lowered = whatIf("owner_province", line(8000));
    assertThat((Integer) lowered.getBody().get("leaving")).isGreaterThanOrEqualTo(2);
    assertCounts(lowered.getBody(), independentCount(new BigDecimal("8600"), new BigDecimal("8000")));

    // the same raise as a new version of the DMN (the process owner's file from Camunda Modeler)
    String dmn = Files.readString(Path.of("processes/MonitoringEligibility.dmn")).replace(
        "<outputEntry id=\"Rule_Threshold_2_Threshold\"><text>8600</text></outputEntry>",
        "<outputEntry id=\"Rule_Threshold_2_Threshold\"><text>9000</text></outputEntry>");
    ResponseEntity<Map<String, Object>> asDmn = whatIf("owner_province", Map.of("region", "629901", "dmnXml", dmn));
    assertThat(asDmn.getStatusCode().value()).isEqualTo(200);
    assertThat(asDmn.getBody().get("townships")).isEqualTo(raised.getBody().get("townships"));

    // computed only: no case, no process instance
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case", Integer.class)).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void onlyProcessOwnersAndOnlyOneClearChange() {
    assertThat(whatIf("approver_county", line(9000)).getStatusCode().value()).isEqualTo(403);
    assertThat(whatIf("cadre_dongshan", line(9000)).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> neither = whatIf("owner_province", Map.of("region", "629901"));
    assertThat(neither.getStatusCode().value()).isEqualTo(400);
    assertThat(neither.getBody().toString()).contains("二者选一");
    ResponseEntity<Map<String, Object>> absurd = whatIf("owner_province", Map.of("thresholds",
        List.of(Map.of("provinceCode", "6", "year", 1999, "threshold", -5))));
    assertThat(absurd.getStatusCode().value()).isEqualTo(400);
    assertThat(absurd.getBody().toString()).contains("省份代码", "年度", "监测收入线");
    ResponseEntity<Map<String, Object>> broken = whatIf("owner_province", Map.of("dmnXml", "<definitions>"));
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(broken.getBody().toString()).contains("DMN 文件无法解析");
    assertThat(whatIf("owner_province", Map.of("region", "62990", "thresholds", List.of(Map.of("provinceCode", "62",
        "year", 2026, "threshold", 9000)))).getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void aDraftWithoutThisYearsLineIsRefusedNotCountedAsEveryoneLeaving() throws Exception {
    // the draft moves this year's rows to 2099: the income test of this year has no line in it
    String year = String.valueOf(LocalDate.now().getYear());
    String dmn = Files.readString(Path.of("processes/MonitoringEligibility.dmn"))
        .replaceAll("(_Year\"><text>)" + year + "(</text>)", "$12099$2");
    ResponseEntity<Map<String, Object>> refused = whatIf("owner_province", Map.of("region", "629901", "dmnXml", dmn));
    assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("dmnXml", year + " 年的监测收入线尚未配置");
  }
}
