package org.bangfu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangfu.demo.DemoData;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.measure.MeasureDelivery;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.region.CandidateGroups;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The demo county on stock Camunda, for the benchmarks that compare through the REST API: {@code
 * stockcamunda.StockCamundaApp} (the starter's defaults) on MariaDB with authorization on and the REST API's own HTTP
 * Basic sign-in, set up as a county's administrator would set up stock Camunda through that API — the demo's people
 * (password "demo") in the same groups as in Bangfu, the right to start a case, Tasklist's four standard filters, and
 * a model of the same user tasks as the application's lifecycle, routed to the same groups by process variables (stock
 * Camunda has no region routing, no decisions, no case). Its cases start through the REST API with the variables that
 * name their village, township and county.
 */
final class StockCounty {

  /** The stock model's key. */
  static final String PROCESS = "StockLifecycle";
  /** Camunda's resource types as the REST API numbers them (org.camunda.bpm.engine.authorization.Resources). */
  private static final int FILTER = 5;
  private static final int PROCESS_DEFINITION = 6;
  private static final int PROCESS_INSTANCE = 8;
  private static final List<String> DEPARTMENTS = List.of("MEDINS", "HEALTH", "CIVIL");
  private static final AtomicInteger CASES = new AtomicInteger();

  private StockCounty() {
  }

  /** The stock application as node {@code n} on the (new, empty) database, set up as above; waits until it answers. */
  static AppNode start(EmbeddedMariaDb.Server server, String database, Path work, int n) throws Exception {
    AppNode node = AppNode.launch("stockcamunda.StockCamundaApp", "/engine-rest/engine", work, n, List.of(
        "--spring.config.name=stock", "--spring.datasource.url=" + server.url(database),
        "--spring.datasource.username=root", "--spring.datasource.password=",
        "--spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
        "--camunda.bpm.authorization.enabled=true", "--stock.rest-basic-auth=true",
        // ids as the county's (cadre_dongshan, village-629901100201): stock Camunda takes letters and digits only
        "--camunda.bpm.generic-properties.properties.general-resource-whitelist-pattern=[a-zA-Z0-9_-]+|camunda-admin",
        "--camunda.bpm.auto-deployment-enabled=false",
        "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin"));
    setUp(node.api());
    return node;
  }

  /** Users, groups, memberships, rights, filters and the model, as the administrator through the REST API. */
  private static void setUp(ApiClient api) {
    Map<String, String> memberOf = new LinkedHashMap<>();
    Set<String> groups = new LinkedHashSet<>();
    for (String[] village : DemoCounty.VILLAGES) {
      memberOf.put(village[1], CandidateGroups.village(village[0]));
      memberOf.put(village[2], CandidateGroups.township(village[0].substring(0, 9)));
    }
    memberOf.put(DemoCounty.COUNTY_APPROVER, CandidateGroups.county(DemoData.COUNTY));
    for (String department : DEPARTMENTS) {
      memberOf.put("handler_" + department.toLowerCase(), CandidateGroups.department(department, DemoData.COUNTY));
    }
    groups.addAll(memberOf.values());
    for (String group : groups) {
      admin(api, "/engine-rest/group/create", Map.of("id", group, "name", group, "type", "WORKFLOW"));
      // every group reads the filters; the villages start cases
      admin(api, "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("READ"),
          "groupId", group, "resourceType", FILTER, "resourceId", "*"));
    }
    memberOf.forEach((user, group) -> {
      admin(api, "/engine-rest/user/create", Map.of("profile", Map.of("id", user, "firstName", user, "lastName",
          "demo", "email", user + "@example.org"), "credentials", Map.of("password", ApiClient.PASSWORD)));
      check(api.as("admin").exchange("/engine-rest/group/" + group + "/members/" + user,
          org.springframework.http.HttpMethod.PUT, null, String.class), "membership " + user);
    });
    for (String[] village : DemoCounty.VILLAGES) {
      String group = CandidateGroups.village(village[0]);
      admin(api, "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("CREATE"),
          "groupId", group, "resourceType", PROCESS_INSTANCE, "resourceId", "*"));
      admin(api, "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
          List.of("READ", "CREATE_INSTANCE"), "groupId", group, "resourceType", PROCESS_DEFINITION, "resourceId",
          PROCESS));
    }
    // stock Tasklist filters named as Bangfu's four standard ones (我的待办, 本组待办, 即将到期, 已逾期), in Camunda's own
    // terms: the user's tasks, the user's groups' open tasks, those due within three days, those overdue
    String groupTasks = "{\"candidateGroupsExpression\":\"${currentUserGroups()}\",\"includeAssignedTasks\":false}";
    for (String[] filter : new String[][] {{"我的待办", "{\"assigneeExpression\":\"${currentUser()}\"}"},
        {"本组待办", groupTasks},
        {"即将到期", "{\"candidateGroupsExpression\":\"${currentUserGroups()}\",\"includeAssignedTasks\":true,"
            + "\"dueAfterExpression\":\"${now()}\",\"dueBeforeExpression\":\"${dateTime().plusDays(3).toDate()}\"}"},
        {"已逾期", "{\"candidateGroupsExpression\":\"${currentUserGroups()}\",\"includeAssignedTasks\":true,"
            + "\"dueBeforeExpression\":\"${now()}\"}"}}) {
      admin(api, "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", filter[0], "owner", "admin",
          "query", json(filter[1]), "properties", Map.of("priority", 0)));
    }
    LinkedMultiValueMap<String, Object> deployment = new LinkedMultiValueMap<>();
    deployment.add("deployment-name", "stock-lifecycle");
    deployment.add("data", ApiClient.file(PROCESS + ".bpmn",
        Bpmn.convertToString(model()).getBytes(StandardCharsets.UTF_8)));
    check(api.postForm("admin", "/engine-rest/deployment/create", deployment), "deployment");
  }

  /**
   * The user tasks of the application's lifecycle, in its order and with its task ids, each for the group of its level:
   * identification (village, village, county, township, county), the plan (village, township, county), and one
   * delivery task for each department of the case's measures.
   */
  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(180).startEvent()
        .userTask(RiskIdentification.VERIFY_HOUSEHOLD).name("入户核实").camundaCandidateGroups("${village}")
        .userTask(RiskIdentification.DEMOCRATIC_REVIEW).name("民主评议").camundaCandidateGroups("${village}")
        .userTask(RiskIdentification.CROSS_CHECK_ASSETS).name("部门比对").camundaCandidateGroups("${county}")
        .userTask(RiskIdentification.TOWNSHIP_REVIEW).name("乡镇审核").camundaCandidateGroups("${township}")
        .userTask(RiskIdentification.COUNTY_APPROVAL).name("县级审定").camundaCandidateGroups("${county}")
        .userTask(HouseholdPlan.DRAFT_PLAN).name("制定帮扶计划").camundaCandidateGroups("${village}")
        .userTask(HouseholdPlan.TOWNSHIP_REVIEW).name("乡镇审核帮扶计划").camundaCandidateGroups("${township}")
        .userTask(HouseholdPlan.COUNTY_APPROVAL).name("县级审批帮扶计划").camundaCandidateGroups("${county}")
        // one delivery task per department: the departments' groups in one text variable (a collection variable
        // through the REST API would need Spin, which the starter does not bring)
        .userTask(MeasureDelivery.DELIVER_MEASURE).name("落实帮扶措施")
        .camundaCandidateGroups("${departments.split(';')[loopCounter]}")
        .multiInstance().parallel().cardinality(String.valueOf(DEPARTMENTS.size())).multiInstanceDone()
        .endEvent().done();
  }

  /** Starts a case of the village as its cadre through the REST API; its business key (STOCK-1, STOCK-2, …). */
  static String startCase(ApiClient api, String[] village) {
    String businessKey = "STOCK-" + CASES.incrementAndGet();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("village", Map.of("value", CandidateGroups.village(village[0])));
    variables.put("township", Map.of("value", CandidateGroups.township(village[0].substring(0, 9))));
    variables.put("county", Map.of("value", CandidateGroups.county(DemoData.COUNTY)));
    variables.put("departments", Map.of("value", String.join(";", DEPARTMENTS.stream()
        .map(d -> CandidateGroups.department(d, DemoData.COUNTY)).toList())));
    check(api.post(village[1], "/engine-rest/process-definition/key/" + PROCESS + "/start",
        Map.of("businessKey", businessKey, "variables", variables)), "start " + businessKey);
    return businessKey;
  }

  private static void admin(ApiClient api, String path, Object body) {
    check(api.postAsAdmin(path, body), path);
  }

  private static void check(ResponseEntity<?> response, String what) {
    if (response.getStatusCode().isError()) {
      throw new IllegalStateException("stock set-up, " + what + ": " + response.getStatusCode() + " "
          + response.getBody());
    }
  }

  private static Object json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
