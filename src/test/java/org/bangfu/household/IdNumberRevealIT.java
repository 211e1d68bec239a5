package org.bangfu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ID numbers are masked in every response of the API — the household's detail for each role that may read it, its
 * case, the case's task and its summary, the lists — and a full number is answered only to a reveal with a reason by
 * a user who may read the household, recorded with who, when and why. Over HTTP as a client calls it.
 */
class IdNumberRevealIT extends MariaDbIntegrationTest {

  /** Everyone who may read a household of 东山村: its cadre, the township, the county, its supervisor, the admin. */
  private static final List<String> READERS = List.of("cadre_dongshan", "reviewer_heping", "approver_county",
      "supervisor_county");
  /** Refused the household's GET: another village, another township, a department, the province's process owner. */
  private static final List<String> OUTSIDERS = List.of("cadre_xihe", "reviewer_fumin", "handler_medins",
      "owner_province");

  @Autowired
  JdbcTemplate jdbc;

  /** A household of two in 东山村 with a case at 入户核实; the members' full numbers as registered. */
  private record Registered(long household, List<String> idNumbers, Map<String, Object> caseFile) {
  }

  @SuppressWarnings("unchecked")
  private Registered registered() {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE");
    long household = api.createHousehold("cadre_dongshan", body);
    List<String> numbers = ((List<Map<String, Object>>) body.get("members")).stream()
        .map(m -> (String) m.get("idNumber")).toList();
    Map<String, Object> caseFile = api.openCase("cadre_dongshan", Map.of("householdId", household, "channel",
        "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
    return new Registered(household, numbers, caseFile);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRoleReadsTheHouseholdAndItsCaseWithIdNumbersMasked() {
    Registered r = registered();
    String bk = (String) r.caseFile().get("businessKey");
    String taskId = (String) api.tasks("cadre_dongshan", bk).get(0).get("id");
    for (String user : READERS) {
      ResponseEntity<Map<String, Object>> detail = api.get(user, "/api/households/" + r.household());
      assertThat(detail.getStatusCode().value()).as(user).isEqualTo(200);
      List<Map<String, Object>> members = (List<Map<String, Object>>) detail.getBody().get("members");
      assertThat(members).extracting(m -> m.get("idNumber")).as(user)
          .containsExactly(IdNumber.mask(r.idNumbers().get(0)), IdNumber.mask(r.idNumbers().get(1)));
      // whatever else the user reads about this household and its case
      for (String path : List.of("/api/households/" + r.household(), "/api/households?region=" + DONGSHAN
          + "&size=200", "/api/cases/" + r.caseFile().get("id"), "/api/cases?region=" + DONGSHAN + "&size=200",
          "/api/cases/search?q=" + bk, "/api/cases/search?q=" + r.idNumbers().get(1))) {
        assertNoFullNumber(user, path, api.as(user).exchange(path, HttpMethod.GET, null, String.class), r);
      }
    }
    assertNoFullNumber("admin", "/api/households/" + r.household(), rest.withBasicAuth("admin", "admin")
        .exchange("/api/households/" + r.household(), HttpMethod.GET, null, String.class), r);
    // the task the cadre opens: its form's variables, with the case summary the form opens with (members listed)
    ResponseEntity<String> variables = api.as("cadre_dongshan").exchange("/engine-rest/task/" + taskId
        + "/form-variables", HttpMethod.GET, null, String.class);
    assertThat(variables.getBody()).contains("caseSummary").contains("家庭成员")
        .contains(r.idNumbers().get(0).substring(14));
    assertNoFullNumber("cadre_dongshan", "task form variables", variables, r);
  }

  @Test
  void aRevealWithoutAReasonIsRefusedAndRecordsNothing() {
    Registered r = registered();
    long member = memberIds(r.household()).get(0);
    int before = reveals();
    for (Map<String, Object> body : List.of(Map.<String, Object>of("memberId", member),
        Map.<String, Object>of("memberId", member, "reason", "  "), Map.<String, Object>of("memberId", member,
            "reason", "\u200b"), Map.<String, Object>of("memberId", member, "reason", "查".repeat(201)))) {
      ResponseEntity<Map<String, Object>> refused = api.post("reviewer_heping", revealPath(r), body);
      assertThat(refused.getStatusCode().value()).as("%s", body).isEqualTo(400);
      assertThat(String.valueOf(refused.getBody())).contains("reason").contains("事由")
          .doesNotContain(r.idNumbers().get(0));
    }
    ResponseEntity<Map<String, Object>> noMember = api.post("reviewer_heping", revealPath(r),
        Map.of("reason", "核对低保申请材料"));
    assertThat(noMember.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(noMember.getBody())).contains("memberId").contains("家庭成员");
    // a member of another household: not this household's to reveal
    long elsewhere = memberIds(registered().household()).get(0);
    assertThat(api.post("reviewer_heping", revealPath(r), Map.of("memberId", elsewhere, "reason", "核对"))
        .getStatusCode().value()).isEqualTo(400);
    assertThat(api.post("reviewer_heping", revealPath(r), null).getStatusCode().value()).isEqualTo(400);
    assertThat(reveals()).isEqualTo(before);
  }

  @Test
  void aRevealOutsideTheRegionIsRefusedAsTheHouseholdIs() {
    Registered r = registered();
    long member = memberIds(r.household()).get(0);
    // the same request from the township of the village is answered: the refusals below are the region's
    assertThat(api.post("reviewer_heping", revealPath(r), Map.of("memberId", member, "reason", "核对身份"))
        .getStatusCode().value()).isEqualTo(200);
    int before = reveals();
    for (String user : OUTSIDERS) {
      int get = api.get(user, "/api/households/" + r.household()).getStatusCode().value();
      ResponseEntity<Map<String, Object>> refused = api.post(user, revealPath(r),
          Map.of("memberId", member, "reason", "核对身份"));
      assertThat(refused.getStatusCode().value()).as(user).isIn(403, 404).isEqualTo(get);
      assertThat(String.valueOf(refused.getBody())).as(user).contains("error")
          .doesNotContain(r.idNumbers().get(0)).doesNotContain("成员1");
    }
    // a household that does not exist is answered the same way
    assertThat(api.post("reviewer_heping", "/api/households/999999999/id-number-reveal",
        Map.of("memberId", member, "reason", "核对身份")).getStatusCode().value()).isEqualTo(404);
    assertThat(reveals()).isEqualTo(before);
  }

  @Test
  void aRevealInTheRegionAnswersTheFullNumberAndIsRecordedAppendOnly() {
    Registered r = registered();
    List<Long> members = memberIds(r.household());
    ResponseEntity<Map<String, Object>> revealed = api.post("reviewer_heping", revealPath(r),
        Map.of("memberId", members.get(1), "reason", " 核对医疗救助申请材料 "));
    assertThat(revealed.getStatusCode().value()).isEqualTo(200);
    assertThat(revealed.getBody()).containsEntry("idNumber", r.idNumbers().get(1))
        .containsEntry("householdId", (int) r.household()).containsEntry("name", "成员2");
    assertThat(revealed.getHeaders().getCacheControl()).as("no copy in a cache").contains("no-store");

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM bf_id_number_reveal WHERE household_id = ?",
        r.household());
    assertThat(row).containsEntry("user_id", "reviewer_heping").containsEntry("reason", "核对医疗救助申请材料")
        .containsEntry("member_id", members.get(1)).containsEntry("id_number_masked",
            IdNumber.mask(r.idNumbers().get(1)));
    assertThat(row.get("revealed_at")).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_id_number_reveal WHERE id_number_masked = ?",
        Integer.class, r.idNumbers().get(1))).as("the record keeps the number masked").isZero();
    // the county's supervisor reads it too, and the record says so separately
    assertThat(api.post("supervisor_county", revealPath(r), Map.of("memberId", members.get(0), "reason", "督查抽查"))
        .getBody()).containsEntry("idNumber", r.idNumbers().get(0));
    assertThat(jdbc.queryForList("SELECT user_id FROM bf_id_number_reveal WHERE household_id = ? ORDER BY id",
        String.class, r.household())).containsExactly("reviewer_heping", "supervisor_county");

    // nobody changes or removes the record, whoever sends the statement
    assertThatThrownBy(() -> jdbc.update("UPDATE bf_id_number_reveal SET reason = 'x' WHERE household_id = ?",
        r.household())).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM bf_id_number_reveal WHERE household_id = ?", r.household()))
        .hasMessageContaining("append-only");
  }

  /** A client edits a household as it read it: the members' masked numbers stand for the registered ones. */
  @Test
  @SuppressWarnings("unchecked")
  void aHouseholdSentBackAsReadKeepsItsMembersFullNumbers() {
    Registered r = registered();
    Map<String, Object> read = api.get("cadre_dongshan", "/api/households/" + r.household()).getBody();
    Map<String, Object> edit = new HashMap<>(read);
    edit.remove("incomes");
    edit.put("address", "东山村二组");
    List<Map<String, Object>> members = (List<Map<String, Object>>) read.get("members");
    ResponseEntity<Map<String, Object>> saved = api.put("cadre_dongshan", "/api/households/" + r.household(), edit);
    assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
    List<Long> ids = memberIds(r.household());
    for (int i = 0; i < 2; i++) {
      assertThat(api.post("cadre_dongshan", revealPath(r), Map.of("memberId", ids.get(i), "reason", "核对户籍"))
          .getBody()).containsEntry("idNumber", r.idNumbers().get(i));
    }
    // a masked number that is no member's of this household is refused, not stored
    Map<String, Object> stranger = new HashMap<>(members.get(1));
    stranger.put("idNumber", "629988********1234");
    Map<String, Object> wrong = new HashMap<>(saved.getBody());
    wrong.remove("incomes");
    wrong.put("members", List.of(members.get(0), stranger));
    ResponseEntity<Map<String, Object>> refused = api.put("cadre_dongshan", "/api/households/" + r.household(),
        wrong);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(refused.getBody())).contains("members[1].idNumber").contains("完整");
  }

  // --- helpers

  private static String revealPath(Registered r) {
    return "/api/households/" + r.household() + "/id-number-reveal";
  }

  @SuppressWarnings("unchecked")
  private List<Long> memberIds(long household) {
    return ((List<Map<String, Object>>) api.get("cadre_dongshan", "/api/households/" + household).getBody()
        .get("members")).stream().map(m -> ((Number) m.get("id")).longValue()).toList();
  }

  private int reveals() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_id_number_reveal", Integer.class);
  }

  private static void assertNoFullNumber(String user, String what, ResponseEntity<String> response, Registered r) {
    assertThat(response.getStatusCode().value()).as("%s %s", user, what).isEqualTo(200);
    for (String number : r.idNumbers()) {
      assertThat(String.valueOf(response.getBody())).as("%s %s", user, what).doesNotContain(number);
    }
  }
}
