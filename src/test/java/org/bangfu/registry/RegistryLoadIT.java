package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The county's registry loaded from the national system's export, through the API on MariaDB: 20,000 households read
 * (nothing changes), applied, loaded again (all the same, nothing written), and loaded with changes — what changes
 * shown per household before it is applied, refused households with their reasons, a household with an open case
 * changed only when confirmed and its village cadre told.
 */
class RegistryLoadIT extends MariaDbIntegrationTest {

  static final int HOUSEHOLDS = 20_000;
  static final String[] VILLAGES = {"629901100201", "629901100202", "629901100203", "629901101201",
      "629901101202", "629901101203"};

  @Autowired
  JdbcTemplate jdbc;

  /** A household of the export: number, village, and its members' rows (name, ID number, relation, labour). */
  record H(String number, String village, List<String[]> members) {
  }

  @Test
  void twentyThousandHouseholdsLoadedAndReloadedWithChanges() throws java.io.IOException {
    String prefix = "R" + System.nanoTime() % 100000 + "-";
    List<H> file = new ArrayList<>();
    for (int i = 0; i < HOUSEHOLDS; i++) {
      List<String[]> members = new ArrayList<>();
      members.add(new String[] {"户主" + i, idNumber(1970, i), "户主", "普通劳动力"});
      members.add(new String[] {"配偶" + i, idNumber(1972, i), "配偶", "弱劳动力或半劳动力"});
      members.add(new String[] {"子女" + i, idNumber(2001, i), "之子", "技能劳动力"});
      file.add(new H(prefix + i, VILLAGES[i % VILLAGES.length], members));
    }
    // only the county reads its registry
    for (String user : List.of("cadre_dongshan", "reviewer_heping", "supervisor_county", "handler_agri")) {
      assertThat(read(user, csv(file)).getStatusCode().value()).as(user).isEqualTo(403);
    }

    ResponseEntity<Map<String, Object>> accepted = read("approver_county", csv(file));
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    assertThat(accepted.getBody()).containsEntry("status", "READING").containsEntry("householdsTotal", HOUSEHOLDS)
        .containsEntry("rowsRead", HOUSEHOLDS * 3);
    Map<String, Object> first = settled(api, "approver_county", id(accepted.getBody()));
    assertThat(first).containsEntry("newCount", HOUSEHOLDS).containsEntry("changedCount", 0)
        .containsEntry("errorCount", 0).containsEntry("householdsRead", HOUSEHOLDS).containsEntry("status", "READ");
    long firstId = id(first);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_household WHERE registry_number LIKE ?", Integer.class,
        prefix + "%")).as("reading changes nothing").isZero();
    assertThat(read("approver_county", csv(file)).getStatusCode().value()).as("the same file, not applied")
        .isEqualTo(409);
    Map<String, Object> applied = apply("approver_county", firstId, false);
    assertThat(applied).containsEntry("status", "APPLIED").containsEntry("appliedCount", HOUSEHOLDS);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_member m JOIN bf_household h ON h.id = m.household_id "
        + "WHERE h.registry_number LIKE ?", Integer.class, prefix + "%")).isEqualTo(HOUSEHOLDS * 3);
    assertThat(jdbc.queryForObject("SELECT labour_capacity FROM bf_member WHERE name = ?", String.class, "配偶7"))
        .isEqualTo("WEAK");
    int logged = changesLogged(prefix);

    // the same export again: everything the same, nothing written
    Map<String, Object> again = readAndWait("admin_county", csv(file));
    assertThat(again).containsEntry("sameCount", HOUSEHOLDS).containsEntry("newCount", 0)
        .containsEntry("changedCount", 0);
    assertThat(apply("admin_county", id(again), false))
        .containsEntry("status", "APPLIED").containsEntry("appliedCount", 0);
    assertThat(changesLogged(prefix)).isEqualTo(logged);

    // a household of 东山村 gets an open case
    long withCase = jdbc.queryForObject("SELECT id FROM bf_household WHERE registry_number = ?", Long.class,
        prefix + "0");
    api.openCase("cadre_dongshan", Map.of("householdId", withCase, "channel", "CADRE_SCREENING", "riskTypes",
        List.of("ILLNESS")));
    // next month's export: 100 members' labour changed, 20 children born, 10 heads renamed, the household with the
    // case changed, three households the county must correct
    for (int i = 0; i < 100; i++) {
      file.get(100 + i).members().get(1)[3] = "丧失劳动力";
    }
    for (int i = 0; i < 20; i++) {
      file.get(300 + i).members().add(new String[] {"新生儿" + i, idNumber(2025, i), "之女", "无劳动力"});
    }
    for (int i = 0; i < 10; i++) {
      file.get(400 + i).members().get(0)[0] = "户主改名" + i;
    }
    file.get(0).members().get(2)[3] = "丧失劳动力";
    String bad = file.get(500).members().get(1)[1];
    file.get(500).members().get(1)[1] = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
    file.set(501, new H(file.get(501).number(), "629999100201", file.get(501).members()));
    file.get(502).members().get(1)[2] = "户主";
    Map<String, Object> changed = readAndWait("approver_county", csv(file));
    assertThat(changed).containsEntry("changedCount", 131).containsEntry("errorCount", 3)
        .containsEntry("openCaseCount", 1).containsEntry("sameCount", HOUSEHOLDS - 134);
    long changedId = id(changed);
    List<Map<String, Object>> errors = api.getList("approver_county", "/api/registry-loads/" + changedId
        + "/items?action=ERROR").getBody();
    assertThat(errors.toString()).contains("校验位不正确", "629999100201 不是本县已登记的村", "应有且只有一位户主");
    List<Map<String, Object>> diff = api.getList("approver_county", "/api/registry-loads/" + changedId
        + "/items?action=CHANGED&size=200").getBody();
    assertThat(diff).hasSize(131);
    assertThat(diff.toString()).contains("劳动能力：弱劳动能力 → 无劳动能力", "家庭成员：— → 新生儿0（子女，无劳动能力，",
        "户主姓名：户主400 → 户主改名0").doesNotContainPattern("\\d{17}[\\dX]");
    Map<String, Object> caseItem = diff.stream().filter(d -> Boolean.TRUE.equals(d.get("openCase"))).findFirst()
        .orElseThrow();
    assertThat(caseItem).containsEntry("householdNumber", prefix + "0");

    // applied without the household with the open case: it stays as it was, and waits
    Map<String, Object> partly = apply("approver_county", changedId, false);
    assertThat(partly).containsEntry("status", "HELD").containsEntry("appliedCount", 130);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_member WHERE household_id = ? AND labour_capacity = "
        + "'NONE'", Integer.class, withCase)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_member WHERE name LIKE '新生儿%' AND household_id IN "
        + "(SELECT id FROM bf_household WHERE registry_number LIKE ?)", Integer.class, prefix + "%")).isEqualTo(20);
    // confirmed: applied, and the village's cadres are told
    Map<String, Object> done = apply("approver_county", changedId, true);
    assertThat(done).containsEntry("status", "APPLIED").containsEntry("appliedCount", 131);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_member WHERE household_id = ? AND labour_capacity = "
        + "'NONE'", Integer.class, withCase)).isEqualTo(1);
    List<Map<String, Object>> messages = (List<Map<String, Object>>) (List<?>) api.get("cadre_dongshan",
        "/api/messages?size=50").getBody().get("messages");
    assertThat(messages).anySatisfy(m -> assertThat(m.get("title").toString()).startsWith("名册导入更新了在办案件户：户主0"));
    // a renamed 户主 is two facts: the household's 户主 and the member's name
    assertThat(changesLogged(prefix)).as("one log row per changed fact").isEqualTo(logged + 100 + 20 + 2 * 10 + 1);
    assertThat(api.get("cadre_dongshan", "/api/registry-loads/" + changedId).getStatusCode().value()).isEqualTo(404);
    assertThat(api.post("approver_county", "/api/registry-loads/" + changedId + "/apply", Map.of())
        .getStatusCode().value()).as("applied once").isEqualTo(409);

    // the error report: the refused households with why, in a file Excel opens
    ResponseEntity<byte[]> report = api.as("approver_county").getForEntity("/api/registry-loads/" + changedId
        + "/errors.csv", byte[].class);
    String text = new String(report.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF户编号,户主,行政区划代码,结果,原因").contains(prefix + "500", prefix + "501",
        prefix + "502", "有误，未导入", "校验位不正确").doesNotContainPattern("\\d{17}[\\dX]");
    try (org.apache.commons.csv.CSVParser csv = org.apache.commons.csv.CSVFormat.EXCEL.parse(
        new java.io.StringReader(text.substring(1)))) {
      assertThat(csv.getRecords()).as("the header and the three refused households").hasSize(4);
    }
    assertThat(api.as("cadre_dongshan").getForEntity("/api/registry-loads/" + changedId + "/errors.csv",
        byte[].class).getStatusCode().value()).isEqualTo(404);
  }

  /**
   * The n-th person born in that year's first days, with a county prefix of its own (629977: not the demo's, not the
   * other tests'), unique for n below 365,000.
   */
  static String idNumber(int year, int n) {
    String first17 = "629977" + java.time.LocalDate.of(year, 1, 1).plusDays(n / 1000).toString().replace("-", "")
        + String.format("%03d", n % 1000);
    return first17 + org.bangfu.household.IdNumber.checkChar(first17);
  }

  private int changesLogged(String prefix) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_household_change c JOIN bf_household h ON h.id = "
        + "c.household_id WHERE h.registry_number LIKE ? AND c.field <> '登记农户'", Integer.class, prefix + "%");
  }

  /** Uploaded and read: the load once its reading is over. */
  private Map<String, Object> readAndWait(String user, byte[] csv) {
    ResponseEntity<Map<String, Object>> accepted = read(user, csv);
    assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(202);
    return settled(api, user, id(accepted.getBody()));
  }

  /** Told to apply: the load once its applying is over. */
  private Map<String, Object> apply(String user, long id, boolean openCases) {
    ResponseEntity<Map<String, Object>> accepted = api.post(user, "/api/registry-loads/" + id + "/apply",
        Map.of("includeOpenCases", openCases));
    assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(202);
    return settled(api, user, id);
  }

  /** The load once nothing is working on it: read, applied, held for open cases, or failed. */
  static Map<String, Object> settled(ApiClient api, String user, long id) {
    // a bound against a hang, not a measure: 20,000 households take about a minute on a slow machine
    long until = System.currentTimeMillis() + 600_000;
    while (System.currentTimeMillis() < until) {
      Map<String, Object> load = api.get(user, "/api/registry-loads/" + id).getBody();
      if (!List.of("READING", "APPLYING").contains(load.get("status"))) {
        return load;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("registry load " + id + " still working after ten minutes");
  }

  private ResponseEntity<Map<String, Object>> read(String user, byte[] csv) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("countyCode", "629901");
    form.add("file", ApiClient.file("监测信息系统导出.csv", csv));
    return api.postForm(user, "/api/registry-loads", form);
  }

  private static long id(Map<String, Object> load) {
    return ((Number) load.get("id")).longValue();
  }

  /** The file as the national system exports it: one row per person, columns in its order, one column not kept. */
  static byte[] csv(List<H> households) {
    StringBuilder csv = new StringBuilder("户编号,行政区划代码,姓名,证件号码,与户主关系,劳动技能,户类型,易地搬迁,务工状况\n");
    for (H h : households) {
      for (String[] m : h.members()) {
        csv.append(h.number()).append(',').append(h.village()).append(',').append(m[0]).append(',').append(m[1])
            .append(',').append(m[2]).append(',').append(m[3]).append(",脱贫户,否,\n");
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
