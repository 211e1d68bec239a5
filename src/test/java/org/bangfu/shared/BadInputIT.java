package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.security.AccessProvisioning;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a clear error in Chinese that names the field, and writes nothing. */
class BadInputIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AccessProvisioning provisioning;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;


  /** What used to answer 500 (issue "bad files, races and crashes", item 3) answers what was wrong, in Chinese. */
  @Test
  void aWrongContentTypeANullWhatIfChangeAndAnUnknownTaskAreNotSystemErrors() {
    org.springframework.http.HttpHeaders text = new org.springframework.http.HttpHeaders();
    text.setContentType(org.springframework.http.MediaType.TEXT_PLAIN);
    var wrongType = api.as("cadre_dongshan").exchange("/api/households", org.springframework.http.HttpMethod.POST,
        new org.springframework.http.HttpEntity<>("x", text), Map.class);
    assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
    assertThat(wrongType.getBody().get("error").toString()).contains("JSON");

    java.util.List<Object> nullChange = new java.util.ArrayList<>();
    nullChange.add(null);
    Map<String, Object> whatIf = new java.util.HashMap<>(Map.of("region", "629901"));
    whatIf.put("thresholds", nullChange);
    var nullRow = api.post("owner_province", "/api/what-if/monitoring-range", whatIf);
    assertThat(nullRow.getStatusCode().value()).isEqualTo(400);
    assertThat(nullRow.getBody().toString()).contains("第 1 条调整是空的");

    // a method an address does not take, an address nothing serves: said in words, not a system error
    var wrongMethod = api.put("cadre_dongshan", "/api/support-projects/reviews", Map.of());
    assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
    assertThat(wrongMethod.getBody().get("error").toString()).isEqualTo("此地址不支持该请求方法");
    var nowhere = api.get("cadre_dongshan", "/api/no-such-thing");
    assertThat(nowhere.getStatusCode().value()).isEqualTo(404);
    assertThat(nowhere.getBody().get("error").toString()).isEqualTo("地址不存在");

    // the engine API's own refusals, which Tasklist shows, in Chinese too (found by an attack: English and prefixed)
    var engineNowhere = api.get("cadre_dongshan", "/engine-rest/nope");
    assertThat(engineNowhere.getStatusCode().value()).isEqualTo(404);
    assertThat(engineNowhere.getBody().get("message")).isEqualTo("地址不存在");
    var badPaging = api.get("cadre_dongshan", "/engine-rest/task?maxResults=abc");
    assertThat(badPaging.getBody().get("message").toString()).startsWith("查询参数有误");
    Map<String, Object> other = openCase();
    String othersTask = (String) api.tasks("cadre_dongshan", (String) other.get("businessKey")).get(0).get("id");
    var notYours = api.post("cadre_xihe", "/engine-rest/task/" + othersTask + "/complete", Map.of("variables",
        Map.of()));
    // another village's task is not there for them: the same 404 as its read (a 403 named the task and its process)
    assertThat(notYours.getStatusCode().value()).isEqualTo(404);
    assertThat(notYours.getBody().get("message")).isEqualTo("请求的任务或记录不存在（可能已经办结或被删除）");
    // another village's task read through the engine API: not found, in words (was "No matching task with id …")
    var notYoursToRead = api.get("cadre_xihe", "/engine-rest/task/" + othersTask);
    assertThat(notYoursToRead.getStatusCode().value()).isEqualTo(404);
    assertThat(notYoursToRead.getBody().get("message")).isEqualTo("请求的任务或记录不存在（可能已经办结或被删除）");
    api.claim("cadre_dongshan", othersTask);
    var textAsNumber = api.post("cadre_dongshan", "/engine-rest/task/" + othersTask + "/complete", Map.of("variables",
        Map.of("verifyFindings", Map.of("value", 5))));
    assertThat(textAsNumber.getStatusCode().value()).isEqualTo(400);
    assertThat(textAsNumber.getBody().get("message")).isEqualTo("“核实情况”应为文字");

    var unknownTask = api.get("cadre_dongshan", "/engine-rest/task/no-such-task/variables");
    assertThat(unknownTask.getStatusCode().value()).isEqualTo(404);
    assertThat(unknownTask.getBody().get("message").toString()).contains("不存在");
  }

  @Test
  void anIdNumberWithAWrongCheckDigitIsRefusedAndNothingIsSaved() {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL", "NONE");
    String valid = memberIdNumber(body, 1);
    char wrong = valid.charAt(17) == '1' ? '2' : '1';
    setMemberIdNumber(body, 1, valid.substring(0, 17) + wrong);

    assertFieldError(api.post("cadre_dongshan", "/api/households", body), "members[1].idNumber", "校验位");
    assertThat(count("bf_member WHERE id_number = '" + memberIdNumber(body, 0) + "'")).isZero();
  }

  @Test
  void unknownAndMalformedRegionCodesAreRefused() {
    int before = count("bf_household");
    Map<String, Object> unknown = ApiClient.household("629901100299", "ORDINARY", 8000, 0, "FULL");
    assertFieldError(api.post("cadre_dongshan", "/api/households", unknown), "villageCode", "不是本系统登记的村");
    Map<String, Object> malformed = ApiClient.household("62990110", "ORDINARY", 8000, 0, "FULL");
    assertFieldError(api.post("cadre_dongshan", "/api/households", malformed), "villageCode", "12位数字");
    assertThat(count("bf_household")).isEqualTo(before);
  }

  @Test
  void negativeAndAbsurdIncomesAreRefused() {
    int before = count("bf_income");
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL", "NONE");
    List<Map<String, Object>> incomes = new ArrayList<>(incomes(body));
    incomes.set(0, Map.of("period", incomes.get(0).get("period"), "netIncome", -500, "rigidSpending", 0));
    incomes.set(1, Map.of("period", incomes.get(1).get("period"), "netIncome", 50_000_000, "rigidSpending", 0));
    body.put("incomes", incomes);
    ResponseEntity<Map<String, Object>> response = api.post("cadre_dongshan", "/api/households", body);
    assertFieldError(response, "incomes[0].netIncome", "不能为负数");
    assertFieldError(response, "incomes[1].netIncome", "一千万");
    assertThat(count("bf_income")).isEqualTo(before);
  }

  @Test
  void anIdNumberRegisteredWithAnotherHouseholdIsRefused() {
    Map<String, Object> first = ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL");
    api.createHousehold("cadre_dongshan", first);
    Map<String, Object> second = ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL");
    setMemberIdNumber(second, 0, memberIdNumber(first, 0));
    assertFieldError(api.post("cadre_dongshan", "/api/households", second), "members[0].idNumber", "已登记");
  }

  @Test
  void aStaleUpdateIsRefusedWithoutOverwriting() {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL");
    long id = api.createHousehold("cadre_dongshan", body);
    body.remove("incomes");
    body.put("version", 0);
    body.put("address", "新地址一");
    assertThat(api.put("cadre_dongshan", "/api/households/" + id, body).getStatusCode().value()).isEqualTo(200);
    body.put("address", "新地址二"); // still version 0: someone saved in between
    ResponseEntity<Map<String, Object>> stale = api.put("cadre_dongshan", "/api/households/" + id, body);
    assertThat(stale.getStatusCode().value()).isEqualTo(409);
    assertThat((String) stale.getBody().get("error")).contains("已被他人修改");
    assertThat(api.get("cadre_dongshan", "/api/households/" + id).getBody().get("address")).isEqualTo("新地址一");
  }

  @Test
  void aSignalWithUnknownRiskTypeOrForAHouseholdWithAnOpenCaseIsRefused() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL"));
    int cases = count("bf_case");
    Map<String, Object> bad = new HashMap<>(Map.of("householdId", household, "channel", "CADRE_SCREENING",
        "riskTypes", List.of("BAD_LUCK")));
    assertFieldError(api.post("cadre_dongshan", "/api/cases", bad), "riskTypes", "未知的风险类型");
    assertThat(count("bf_case")).isEqualTo(cases);

    api.openCase("cadre_dongshan", Map.of("householdId", household, "channel", "CADRE_SCREENING",
        "riskTypes", List.of("ILLNESS")));
    ResponseEntity<Map<String, Object>> again = api.post("cadre_dongshan", "/api/cases",
        Map.of("householdId", household, "channel", "SELF_APPLICATION", "riskTypes", List.of("ILLNESS")));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat((String) again.getBody().get("error")).contains("已有正在识别或监测中的案件");
    assertThat(count("bf_case WHERE household_id = " + household)).isEqualTo(1);
  }

  @Test
  void completingATaskTwiceOrWithoutADecisionIsRefusedAndAuditedOnce() {
    Map<String, Object> c = openCase();
    String bk = (String) c.get("businessKey");
    String taskId = (String) api.tasks("cadre_dongshan", bk).get(0).get("id");
    api.claim("cadre_dongshan", taskId);

    ResponseEntity<Map<String, Object>> noDecision = api.complete("cadre_dongshan", taskId,
        Map.of("verifyFindings", "属实"));
    assertThat(noDecision.getStatusCode().value()).isEqualTo(400);
    // the form's rule, in the form's words: the decision field is required
    assertThat((String) noDecision.getBody().get("message")).contains("请填写“核实结论”");

    Map<String, Object> confirm = Map.of("authorisationSigned", true, "verifyFindings", "属实",
        "verifyDecision", "CONFIRM");
    assertThat(api.complete("cadre_dongshan", taskId, confirm).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<Map<String, Object>> twice = api.complete("cadre_dongshan", taskId, confirm);
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    assertThat((String) twice.getBody().get("message")).contains("已经办结");
    assertThat(count("bf_case_audit WHERE case_id = " + c.get("id") + " AND step = '"
        + RiskIdentification.VERIFY_HOUSEHOLD + "'")).isEqualTo(1);
  }

  @Test
  void twoCompletionsAtTheSameMomentCountOnce() throws Exception {
    Map<String, Object> c = openCase();
    String taskId = (String) api.tasks("cadre_dongshan", (String) c.get("businessKey")).get(0).get("id");
    api.claim("cadre_dongshan", taskId);
    Map<String, Object> confirm = Map.of("authorisationSigned", true, "verifyFindings", "属实",
        "verifyDecision", "CONFIRM");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    var start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return api.complete("cadre_dongshan", taskId, confirm).getStatusCode().value();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var result : results) {
        statuses.add(result.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(204, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("bf_case_audit WHERE case_id = " + c.get("id") + " AND step = '"
        + RiskIdentification.VERIFY_HOUSEHOLD + "'")).isEqualTo(1);
  }

  /**
   * 民主评议 (village) and 资产核查 (county) are parallel branches of one case: completed at the same moment, one of
   * the two transactions loses the engine's optimistic lock on the case. The loser is run again — both approvers
   * see a success and each step is recorded once (repeated, so that the race happens).
   */
  @Test
  void parallelStepsCompletedAtTheSameMomentBothCount() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        Map<String, Object> c = openCase();
        String businessKey = (String) c.get("businessKey");
        api.decide("cadre_dongshan", businessKey, RiskIdentification.VERIFY_HOUSEHOLD, Map.of(
            "authorisationSigned", true, "verifyFindings", "属实", "verifyDecision", "CONFIRM"));
        String review = taskOf("cadre_dongshan", businessKey, RiskIdentification.DEMOCRATIC_REVIEW);
        String assets = taskOf("approver_county", businessKey, RiskIdentification.CROSS_CHECK_ASSETS);
        api.claim("cadre_dongshan", review);
        api.claim("approver_county", assets);
        var start = new java.util.concurrent.CountDownLatch(1);
        var reviewed = pool.submit(() -> {
          start.await();
          return api.complete("cadre_dongshan", review, Map.of("reviewDecision", "PASS"));
        });
        var checked = pool.submit(() -> {
          start.await();
          return api.complete("approver_county", assets, Map.of("assetCheckResult", "CLEAR"));
        });
        start.countDown();
        assertThat(reviewed.get().getStatusCode().value()).as("民主评议 " + reviewed.get().getBody()).isEqualTo(204);
        assertThat(checked.get().getStatusCode().value()).as("资产核查 " + checked.get().getBody()).isEqualTo(204);
        assertThat(count("bf_case_audit WHERE case_id = " + c.get("id") + " AND step IN ('"
            + RiskIdentification.DEMOCRATIC_REVIEW + "', '" + RiskIdentification.CROSS_CHECK_ASSETS + "')"))
            .isEqualTo(2);
        // both branches moved on: the notice period runs, nothing is left open
        assertThat(api.tasks("cadre_dongshan", businessKey)).isEmpty();
        assertThat(timer(businessKey)).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private String taskOf(String user, String businessKey, String step) {
    return api.tasks(user, businessKey).stream().filter(t -> step.equals(t.get("taskDefinitionKey")))
        .map(t -> (String) t.get("id")).findFirst().orElseThrow();
  }

  /**
   * Two cadres of one village claim the same task at the same moment, as Tasklist does (engine REST), ten times:
   * one holds it, the other is told in Chinese that someone else has it (409) — never a 500 with the engine's
   * English OptimisticLockingException; and a double click of one cadre never answers 500 either.
   */
  @Test
  void claimsOfOneTaskAtTheSameMomentGiveOneHolderAndA409() throws Exception {
    provisioning.ensureUser("cadre_dongshan2", "二", "王", null, ApiClient.PASSWORD,
        List.of("village-" + DONGSHAN));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    int conflicts = 0;
    try {
      for (int race = 0; race < 10; race++) {
        String taskId = (String) api.tasks("cadre_dongshan", (String) openCase().get("businessKey")).get(0)
            .get("id");
        List<String> claimants = race % 2 == 0 ? List.of("cadre_dongshan", "cadre_dongshan2")
            : List.of("cadre_dongshan", "cadre_dongshan");
        var start = new java.util.concurrent.CyclicBarrier(2);
        List<java.util.concurrent.Future<ResponseEntity<Map<String, Object>>>> sent = new ArrayList<>();
        for (String claimant : claimants) {
          sent.add(pool.submit(() -> {
            start.await();
            return api.claim(claimant, taskId);
          }));
        }
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        for (var answer : sent) {
          answers.add(answer.get());
        }
        for (ResponseEntity<Map<String, Object>> answer : answers) {
          assertThat(answer.getStatusCode().value()).as("race " + race + ": " + answer.getBody()).isIn(204, 409);
          if (answer.getStatusCode().value() == 409) {
            conflicts++;
            assertThat((String) answer.getBody().get("message")).as("race " + race)
                .containsAnyOf("已被", "他人同时");
          }
        }
        String holder = taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
        if (!claimants.get(0).equals(claimants.get(1))) {
          // two people: exactly one holds it, and it is the one told so
          assertThat(answers).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(204, 409);
          assertThat(holder).isIn(claimants);
        } else {
          assertThat(holder).isEqualTo("cadre_dongshan");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("concurrent claims: 10 races, %d answered 409%n", conflicts);
  }

  @Test
  void aTaskClaimedBySomeoneElseCannotBeCompleted() {
    provisioning.ensureUser("cadre_dongshan2", "二", "王", null, ApiClient.PASSWORD,
        List.of("village-" + DONGSHAN));
    Map<String, Object> c = openCase();
    String taskId = (String) api.tasks("cadre_dongshan", (String) c.get("businessKey")).get(0).get("id");
    assertThat(api.claim("cadre_dongshan2", taskId).getStatusCode().value()).isEqualTo(204);

    ResponseEntity<Map<String, Object>> other = api.complete("cadre_dongshan", taskId, Map.of(
        "verifyDecision", "REJECT", "verifyReason", "抢先办理"));
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat((String) other.getBody().get("message")).contains("该任务已由 二（王） 认领")
        .doesNotContain("cadre_dongshan2");
    assertThat(count("bf_case_audit WHERE case_id = " + c.get("id"))).isEqualTo(1); // only the opening
    assertThat(api.get("cadre_dongshan", "/api/cases/" + c.get("id")).getBody().get("status"))
        .isEqualTo("IDENTIFYING");
  }

  // --- helpers

  private Map<String, Object> openCase() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE"));
    return api.openCase("cadre_dongshan", Map.of("householdId", household, "channel", "CADRE_SCREENING",
        "riskTypes", List.of("ILLNESS")));
  }

  private int count(String fromWhere) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + fromWhere, Integer.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> incomes(Map<String, Object> body) {
    return (List<Map<String, Object>>) body.get("incomes");
  }

  @SuppressWarnings("unchecked")
  private static String memberIdNumber(Map<String, Object> body, int index) {
    return (String) ((List<Map<String, Object>>) body.get("members")).get(index).get("idNumber");
  }

  @SuppressWarnings("unchecked")
  private static void setMemberIdNumber(Map<String, Object> body, int index, String idNumber) {
    List<Map<String, Object>> members = new ArrayList<>((List<Map<String, Object>>) body.get("members"));
    Map<String, Object> member = new HashMap<>(members.get(index));
    member.put("idNumber", idNumber);
    members.set(index, member);
    body.put("members", members);
  }

  @SuppressWarnings("unchecked")
  private static void assertFieldError(ResponseEntity<Map<String, Object>> response, String field, String words) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    List<Map<String, Object>> fields = (List<Map<String, Object>>) response.getBody().get("fields");
    assertThat(fields).as("%s", response.getBody())
        .anySatisfy(f -> {
          assertThat(f.get("field")).isEqualTo(field);
          assertThat((String) f.get("message")).contains(words);
        });
  }
}
