package org.bangfu.supportindustry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.demo.DemoData;
import org.bangfu.policy.PolicyRule;
import org.bangfu.shared.EngineClock;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A village's support project through the API on MariaDB (seed 003): registered by the county's 农业农村局 with the
 * households it benefits, read only inside its region; the year's review — the village scores it in Tasklist, the
 * decision table recommends, the county decides the class with its reason — and each step in the project's asset
 * ledger; the review started once a year.
 */
class SupportProjectIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService taskService;

  private static Map<String, Object> project(String no, String village) {
    Map<String, Object> p = new HashMap<>();
    p.put("projectNo", no);
    p.put("villageCode", village);
    p.put("name", "东山村肉牛养殖合作社");
    p.put("industry", "BREEDING");
    p.put("operatorName", "东山村肉牛养殖专业合作社");
    p.put("fundSource", "BRIDGING");
    p.put("investment", 1200000);
    p.put("assetOwner", "COLLECTIVE");
    p.put("builtYear", 2021);
    p.put("status", "OPERATING");
    return p;
  }

  @Test
  @PolicyRule({"R36", "R37", "R38", "R39", "R40", "R41"})
  void aProjectIsRegisteredScoredByItsVillageAndClassifiedByTheCounty() {
    String no = "XM-" + System.nanoTime() % 1_000_000;
    // bad input: every wrong field named in Chinese; the county's other departments and the villages do not register
    Map<String, Object> bad = project(no, "629901100299");
    bad.put("industry", "MINING");
    bad.put("investment", -5);
    bad.put("builtYear", 1990);
    ResponseEntity<Map<String, Object>> refused = api.post("handler_agri", "/api/support-projects", bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("所在村的区划代码不是已登记的村", "产业类型应为", "投资额",
        "建成（立项）年份");
    assertThat(api.post("cadre_dongshan", "/api/support-projects", project(no, DemoData.DONGSHAN)).getStatusCode()
        .value()).isEqualTo(403);
    assertThat(api.post("handler_hrss", "/api/support-projects", project(no, DemoData.DONGSHAN)).getStatusCode()
        .value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> created = api.post("handler_agri", "/api/support-projects",
        project(no, DemoData.DONGSHAN));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    long id = ((Number) created.getBody().get("id")).longValue();
    assertThat(api.post("handler_agri", "/api/support-projects", project(no, DemoData.DONGSHAN)).getStatusCode()
        .value()).as("the same project number").isEqualTo(409);

    // the households it benefits (联农带农): of the county only
    long household = api.createHousehold("cadre_dongshan", ApiClient.household(DemoData.DONGSHAN, "FORMERLY_POOR",
        9000, 0, "FULL", "WEAK"));
    ResponseEntity<String> wrongLink = api.as("handler_agri").exchange("/api/support-projects/" + id
        + "/households", org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(
            List.of(Map.of("householdId", household, "linkType", "DIVIDEND"), Map.of("householdId", 99999999,
                "linkType", "EMPLOYMENT"))), String.class);
    assertThat(wrongLink.getStatusCode().value()).isEqualTo(400);
    assertThat(wrongLink.getBody()).contains("农户不存在，或不在本县");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_support_project_household WHERE project_id = ?",
        Integer.class, id)).as("a refused request writes nothing").isZero();
    assertThat(api.as("handler_agri").exchange("/api/support-projects/" + id + "/households",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(List.of(Map.of(
            "householdId", household, "linkType", "DIVIDEND"))), ApiClient.LIST).getBody()).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("linkType", "DIVIDEND"));

    // a second project, in 柳树村, that cannot go on: its households are one without a case and one being identified
    Map<String, Object> failing = project(no + "-B", DemoData.LIUSHU);
    failing.put("name", "柳树村食用菌大棚");
    failing.put("status", "IDLE");
    long failingId = ((Number) api.post("handler_agri", "/api/support-projects", failing).getBody().get("id"))
        .longValue();
    long quiet = api.createHousehold("cadre_liushu", ApiClient.household(DemoData.LIUSHU, "FORMERLY_POOR", 9000, 0,
        "FULL"));
    long identifying = api.createHousehold("cadre_liushu", ApiClient.household(DemoData.LIUSHU, "FORMERLY_POOR",
        9000, 0, "FULL"));
    String bk = (String) api.openCase("cadre_liushu", Map.of("householdId", identifying, "channel",
        "CADRE_SCREENING", "riskTypes", List.of("ILLNESS"))).get("businessKey");
    long existingCase = jdbc.queryForObject("SELECT id FROM bf_case WHERE business_key = ?", Long.class, bk);
    api.as("handler_agri").exchange("/api/support-projects/" + failingId + "/households",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(List.of(
            Map.of("householdId", quiet, "linkType", "EMPLOYMENT"), Map.of("householdId", identifying, "linkType",
                "DIVIDEND"))), ApiClient.LIST);

    // a household of another township benefits the 东山村 project too: its name is for its own region only
    long elsewhere = api.createHousehold("cadre_liushu", ApiClient.household(DemoData.LIUSHU, "FORMERLY_POOR", 9000,
        0, "FULL"));
    api.as("handler_agri").exchange("/api/support-projects/" + id + "/households",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(List.of(
            Map.of("householdId", household, "linkType", "DIVIDEND"), Map.of("householdId", elsewhere, "linkType",
                "EMPLOYMENT"))), ApiClient.LIST);
    assertThat(api.get("cadre_dongshan", "/api/support-projects/" + id).getBody().get("households").toString())
        .contains("householdId=" + household).doesNotContain("householdId=" + elsewhere);
    assertThat(api.get("handler_agri", "/api/support-projects/" + id).getBody().get("households").toString())
        .contains("householdId=" + elsewhere);
    api.as("handler_agri").exchange("/api/support-projects/" + id + "/households",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(List.of(
            Map.of("householdId", household, "linkType", "DIVIDEND"))), ApiClient.LIST);

    // read inside the region only
    assertThat(api.getList("cadre_dongshan", "/api/support-projects?region=" + DemoData.DONGSHAN).getBody())
        .extracting(p -> ((Map<String, Object>) p.get("project")).get("projectNo")).contains(no);
    assertThat(api.get("cadre_liushu", "/api/support-projects/" + id).getStatusCode().value()).isEqualTo(404);
    assertThat(api.get("cadre_liushu", "/api/support-projects?region=" + DemoData.DONGSHAN).getStatusCode().value())
        .isEqualTo(404);
    assertThat(api.get("handler_hrss", "/api/support-projects/" + id).getStatusCode().value()).isEqualTo(404);

    // the year's review: started by the county's 农业农村局, once
    int year = EngineClock.today().getYear();
    assertThat(api.post("cadre_dongshan", "/api/support-projects/reviews", Map.of("countyCode", DemoData.COUNTY))
        .getStatusCode().value()).isEqualTo(403);
    Map<String, Object> started = api.post("handler_agri", "/api/support-projects/reviews",
        Map.of("countyCode", DemoData.COUNTY, "year", year)).getBody();
    assertThat(((Number) started.get("started")).intValue()).isGreaterThanOrEqualTo(2);
    assertThat(api.post("handler_agri", "/api/support-projects/reviews", Map.of("countyCode", DemoData.COUNTY,
        "year", year)).getBody()).containsEntry("started", 0);
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM bf_support_project_review WHERE "
        + "project_id = ? AND review_year = ?", String.class, id, year);
    String score = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    Map<String, Object> form = api.get("cadre_dongshan", "/engine-rest/task/" + score + "/form-variables").getBody();
    assertThat(form.get("caseSummary").toString()).contains("帮扶项目：东山村肉牛养殖合作社 · 和平镇东山村",
        "登记带动农户 1 户", "衔接推进乡村振兴补助资金");
    api.claim("cadre_dongshan", score);
    Map<String, Object> scores = new HashMap<>(Map.of("scoreDecision", "SCORED", "scoreDevelopment", 4,
        "scoreManagement", 2, "scoreAssetReturn", 3, "scoreHouseholdBenefit", 3, "scoreProspects", 4,
        "projectRevenue", 86000, "householdsBenefiting", 18, "projectIdle", false, "reviewFindings",
        "合作社经营困难，分红延迟两个月"));
    // the village does not classify: the class is not its form's field
    Map<String, Object> overreach = new HashMap<>(scores);
    overreach.put("projectCategory", "CONSOLIDATE");
    assertThat(api.complete("cadre_dongshan", score, overreach).getStatusCode().value()).isEqualTo(400);
    Map<String, Object> outOfRange = new HashMap<>(scores);
    outOfRange.put("scoreProspects", 9);
    assertThat(api.complete("cadre_dongshan", score, outOfRange).getBody().toString()).contains("不能大于5");
    Map<String, Object> half = new HashMap<>(scores);
    half.put("scoreDevelopment", 3.5);
    assertThat(api.complete("cadre_dongshan", score, half).getBody().toString()).contains("产业发展水平（1—5）”应为整数");
    assertThat(api.complete("cadre_dongshan", score, scores).getStatusCode().value()).isEqualTo(204);

    String decide = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    assertThat(api.get("handler_agri", "/engine-rest/task/" + decide + "/form-variables").getBody().get("caseSummary")
        .toString()).contains("经营管理状况 2", "建议盘活一批");
    api.claim("handler_agri", decide);
    assertThat(api.complete("handler_agri", decide, Map.of("projectCategory", "REVITALISE", "categoryReason",
        "市场有潜力，引入托管经营")).getStatusCode().value()).isEqualTo(204);

    // the class's measures go to their departments (盘活: 农业农村局 twice, the banks once), each due on its date
    List<org.camunda.bpm.engine.task.Task> measures = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ProjectReviewProcess.DELIVER_MEASURE).list();
    assertThat(measures).hasSize(3).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    String bankTask = taskService.createTaskQuery().processInstanceId(instance).taskCandidateGroup("dept-FINANCE-"
        + DemoData.COUNTY).singleResult().getId();
    assertThat(api.get("handler_finance", "/engine-rest/task/" + bankTask + "/form-variables").getBody()
        .get("caseSummary").toString()).contains("本任务**：租金减免、金融信贷等纾困措施", "县里确定**：盘活一批");
    api.claim("handler_finance", bankTask);
    assertThat(api.complete("handler_finance", bankTask, Map.of("projectMeasureOutcome", "DELIVERED",
        "projectMeasureResult", "合作社贷款展期6个月")).getStatusCode().value()).isEqualTo(204);

    adjust(failingId, year, quiet, identifying, existingCase);

    Map<String, Object> detail = api.get("cadre_dongshan", "/api/support-projects/" + id).getBody();
    assertThat((Map<String, Object>) detail.get("project")).containsEntry("category", "REVITALISE");
    assertThat(detail.get("reviews").toString()).contains("recommended=REVITALISE", "category=REVITALISE",
        "decidedBy=handler_agri");
    assertThat(detail.get("ledger").toString()).contains("REGISTERED", "LINKED", "SCORED", "CLASSIFIED",
        year + "年确定为盘活一批（评估建议：盘活一批）：市场有潜力，引入托管经营", "下达盘活一批措施 3 项",
        "租金减免、金融信贷等纾困措施（二（三）） — 已落实：合作社贷款展期6个月");
  }

  /** The failing project of the test above, adjusted: its households go into identification (因产业项目失败). */
  /** The township and the county approve the villagers' plan: it is noticed, the project not yet retired. */
  private void approveAndNotice(String instance) {
    String township = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ProjectReviewProcess.TOWNSHIP_APPROVAL).singleResult().getId();
    api.claim("reviewer_fumin", township);
    assertThat(api.complete("reviewer_fumin", township, Map.of("townshipAdjustmentDecision", "APPROVE"))
        .getStatusCode().value()).isEqualTo(204);
    String county = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ProjectReviewProcess.COUNTY_APPROVAL).singleResult().getId();
    api.claim("approver_county", county);
    assertThat(api.complete("approver_county", county, Map.of("countyAdjustmentDecision", "APPROVE"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(jdbc.queryForObject("SELECT p.status FROM bf_support_project p JOIN bf_support_project_review r "
        + "ON r.project_id = p.id WHERE r.process_instance_id = ?", String.class, instance))
        .as("not before the notice is over").isEqualTo("IDLE");
  }

  private void adjust(long projectId, int year, long quiet, long identifying, long existingCase) {
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM bf_support_project_review WHERE "
        + "project_id = ? AND review_year = ?", String.class, projectId, year);
    String score = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    api.claim("cadre_liushu", score);
    assertThat(api.complete("cadre_liushu", score, Map.of("scoreDecision", "SCORED", "scoreDevelopment", 1,
        "scoreManagement", 2, "scoreAssetReturn", 1, "scoreHouseholdBenefit", 1, "scoreProspects", 2,
        "projectRevenue", -20000, "householdsBenefiting", 0, "projectIdle", true, "reviewFindings",
        "大棚停产两年，菌种技术落后，周边无销路")).getStatusCode().value()).isEqualTo(204);
    String decide = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    api.claim("handler_agri", decide);
    assertThat(api.complete("handler_agri", decide, Map.of("projectCategory", "ADJUST", "categoryReason",
        "确实难以为继，经村民代表会议同意调整")).getStatusCode().value()).isEqualTo(204);
    Map<String, Object> opened = jdbc.queryForMap("SELECT channel, risk_types, status FROM bf_case WHERE "
        + "household_id = ?", quiet);
    assertThat(opened).containsEntry("channel", "DEPARTMENT_SIGNAL").containsEntry("risk_types", "INDUSTRY_FAILURE")
        .containsEntry("status", "IDENTIFYING");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case WHERE household_id = ?", Integer.class,
        identifying)).as("no second case").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_signal WHERE case_id = ? AND department = 'AGRI'",
        Integer.class, existingCase)).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ProjectReviewProcess.DELIVER_MEASURE).count()).isEqualTo(3);

    // the failing project is on the supervisors' watch list (成而不用、用而不好); a village reads only its own
    List<Map<String, Object>> watched = api.getList("supervisor_county", "/api/support-projects/warnings?region="
        + DemoData.COUNTY).getBody();
    String failingNo = "projectNo=" + jdbc.queryForObject("SELECT project_no FROM bf_support_project WHERE id = ?",
        String.class, projectId) + ",";
    assertThat(watched).filteredOn(w -> w.toString().contains(failingNo)).singleElement()
        .satisfies(w -> assertThat(w.get("kinds").toString()).contains("成而不用", "用而不好"));
    assertThat(api.getList("cadre_dongshan", "/api/support-projects/warnings?region=" + DemoData.DONGSHAN)
        .getBody().toString()).doesNotContain(failingNo);

    // the decision procedure: the villagers' meeting (a majority of those present), township, county, the notice
    String meeting = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ProjectReviewProcess.VILLAGE_DELIBERATION).singleResult().getId();
    ResponseEntity<Map<String, Object>> early = api.post("cadre_liushu", "/api/support-projects/" + projectId
        + "/objections", Map.of("content", "大棚还能用"));
    assertThat(early.getStatusCode().value()).as("no notice yet").isEqualTo(409);
    assertThat(early.getBody().toString()).contains("不在调整公示期");
    api.claim("cadre_liushu", meeting);
    Map<String, Object> minority = new HashMap<>(Map.of("adjustmentOutcome", "RETIRE", "adjustmentPlan",
        "销号退出，大棚资产交村集体出租", "deliberationDate", "2026-11-20", "deliberationMembers", 40,
        "deliberationAttendees", 25, "deliberationAgreed", 10));
    // 25 of 40 members: under two thirds, the meeting could not sit
    ResponseEntity<Map<String, Object>> noQuorum = api.complete("cadre_liushu", meeting, minority);
    assertThat(noQuorum.getStatusCode().value()).isEqualTo(400);
    assertThat(noQuorum.getBody().toString()).contains("到会人数（25/40）不足组成人员的三分之二，会议不能召开");
    minority.put("deliberationMembers", 30);
    ResponseEntity<Map<String, Object>> refused = api.complete("cadre_liushu", meeting, minority);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("同意人数（10/25）未过到会人数半数");
    Map<String, Object> noDate = new HashMap<>(minority);
    noDate.put("deliberationAgreed", 19);
    noDate.put("deliberationDate", "2026-13-45");
    assertThat(api.complete("cadre_liushu", meeting, noDate).getBody().toString()).contains("会议日期不是有效的日期");
    minority.put("deliberationAgreed", 19);
    assertThat(api.complete("cadre_liushu", meeting, minority).getStatusCode().value()).isEqualTo(204);
    String township = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ProjectReviewProcess.TOWNSHIP_APPROVAL).singleResult().getId();
    assertThat(api.claim("reviewer_heping", township).getStatusCode().value()).as("another township").isNotEqualTo(204);
    approveAndNotice(instance);

    // an objection during the notice: registered by the village (others may not), back to the villagers' meeting
    String objections = "/api/support-projects/" + projectId + "/objections";
    assertThat(api.get("cadre_liushu", "/api/support-projects/" + projectId).getBody()).containsEntry("inNotice", true);
    assertThat(api.post("cadre_dongshan", objections, Map.of("content", "x")).getStatusCode().value())
        .as("another village").isEqualTo(404);
    assertThat(api.post("handler_civil", objections, Map.of("content", "x")).getStatusCode().value())
        .as("another department").isIn(403, 404);
    assertThat(api.post("cadre_liushu", objections, Map.of("content", " ")).getStatusCode().value()).isEqualTo(400);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance)
        .variableName(ProjectReviewProcess.ADJUSTMENT_OBJECTION.name()).count()).isZero();
    assertThat(api.post("cadre_liushu", objections, Map.of("content", "村民张某：大棚出租方案未征求承包户意见"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(managementService.createJobQuery().processInstanceId(instance).timers().count())
        .as("the notice's timer is gone").isZero();
    String again = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ProjectReviewProcess.VILLAGE_DELIBERATION).singleResult().getId();
    assertThat(runtimeService.getVariable(instance, ProjectReviewProcess.ADJUSTMENT_OBJECTION.name()))
        .isEqualTo("村民张某：大棚出租方案未征求承包户意见");
    Map<String, Object> detail = api.get("cadre_liushu", "/api/support-projects/" + projectId).getBody();
    assertThat(detail).containsEntry("inNotice", false);
    assertThat(detail.get("ledger").toString()).contains("公示期间有异议，退回村民代表会议重新议定：村民张某：大棚出租方案未征求承包户意见");
    assertThat(api.post("cadre_liushu", objections, Map.of("content", "再提一次")).getStatusCode().value())
        .as("no notice while the villagers deliberate again").isEqualTo(409);
    api.claim("cadre_liushu", again);
    minority.put("adjustmentPlan", "销号退出，大棚资产经承包户同意后交村集体出租");
    assertThat(api.complete("cadre_liushu", again, minority).getStatusCode().value()).isEqualTo(204);
    approveAndNotice(instance);
    var notice = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(notice.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 6L * 86_400_000));
    managementService.executeJob(notice.getId());
    assertThat(jdbc.queryForObject("SELECT status FROM bf_support_project WHERE id = ?", String.class, projectId))
        .isEqualTo("RETIRED");
    assertThat(api.get("approver_county", "/api/support-projects/" + projectId).getBody().get("ledger").toString())
        .contains("村民代表会议（2026-11-20，组成人员 30 人，到会 25 人，同意 19 人）同意销号退出", "乡镇审核同意", "县级审核同意", "公示7天",
            "公示期满，销号退出（项目和资产记录保留");
    assertThat(api.getList("supervisor_county", "/api/support-projects/warnings?region=" + DemoData.COUNTY)
        .getBody().toString()).as("a retired project is not watched").doesNotContain(failingNo);
  }
}
