package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.bangfu.testing.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The attacks of issue "One person cannot approve alone", replayed as a signed-in user would make them — HTTP calls
 * to the running application on MariaDB, through the engine REST API and through a Tasklist or Cockpit session —
 * each refused with a Chinese message and the database as it was: the case row, its audit, its variables, the task
 * with its candidates, and the history.
 */
class SideDoorsIT extends MariaDbIntegrationTest {

  private static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";
  private static final Path PWNED = Path.of("/tmp/bangfu-pwned");

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ProcessEngineConfiguration engineConfiguration;
  @org.springframework.boot.test.web.server.LocalServerPort
  int port;

  /** A case in 东山村 waiting at 入户核实, its task offered to the village's group. */
  record TheCase(long caseId, String businessKey, String taskId, String processInstanceId, String rootInstanceId) {
  }

  // --- 1. a village cadre approved a case alone ------------------------------------------------------------------

  @Test
  void aVillageCadreCannotRewriteTheRoutingOfTheirOwnCase() throws Exception {
    TheCase c = openCase();
    Snapshot before = snapshot(c);
    String forged = "{\"value\":\"629901,village-629901100201\",\"type\":\"String\"}";
    String modifications = "{\"modifications\":{\"countyCode\":" + forged + ",\"townshipCode\":" + forged + "}}";
    List<ResponseEntity<String>> answers = List.of(
        call("cadre_dongshan", HttpMethod.PUT, "/engine-rest/task/" + c.taskId() + "/variables/countyCode", forged),
        call("cadre_dongshan", HttpMethod.POST, "/engine-rest/task/" + c.taskId() + "/variables", modifications),
        call("cadre_dongshan", HttpMethod.PUT, "/engine-rest/task/" + c.taskId() + "/localVariables/townshipCode",
            forged),
        call("cadre_dongshan", HttpMethod.PUT, "/engine-rest/process-instance/" + c.processInstanceId()
            + "/variables/townshipCode", forged),
        call("cadre_dongshan", HttpMethod.POST, "/engine-rest/process-instance/" + c.rootInstanceId()
            + "/variables", modifications),
        call("cadre_dongshan", HttpMethod.PUT, "/engine-rest/execution/" + c.processInstanceId()
            + "/localVariables/countyCode", forged),
        call("cadre_dongshan", HttpMethod.DELETE, "/engine-rest/process-instance/" + c.processInstanceId()
            + "/variables/villageCode", null));
    for (ResponseEntity<String> answer : answers) {
      assertRefused(answer, 403);
    }
    WebappSession tasklist = WebappSession.signIn(base(), "tasklist", "cadre_dongshan", ApiClient.PASSWORD);
    assertRefused(tasklist.post(TASKLIST_ENGINE + "/task/" + c.taskId() + "/variables", modifications), 403);
    assertThat(snapshot(c)).isEqualTo(before);

    // the case goes on as the rules route it: the county's asset check is the county's alone
    api.decide("cadre_dongshan", c.businessKey(), RiskIdentification.VERIFY_HOUSEHOLD, Map.of(
        "authorisationSigned", true, "verifyFindings", "情况属实", "verifyDecision", "CONFIRM"));
    assertThat(jdbc.queryForList("SELECT l.GROUP_ID_ FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t ON t.ID_ = "
        + "l.TASK_ID_ WHERE t.PROC_INST_ID_ = ? AND t.TASK_DEF_KEY_ = ?", String.class, c.processInstanceId(),
        RiskIdentification.CROSS_CHECK_ASSETS)).containsExactly("county-629901");
  }

  // --- 2. forged facts through a completion ----------------------------------------------------------------------

  @Test
  void aCompletionCarriesExactlyTheFieldsTheFormLetsTheUserEdit() throws Exception {
    TheCase c = openCase();
    TheCase other = openCase();
    assertThat(api.claim("cadre_dongshan", c.taskId()).getStatusCode().value()).isEqualTo(204);
    Snapshot before = snapshot(c);
    long otherAudit = auditRows(other.caseId());
    String form = "\"authorisationSigned\":{\"value\":true},\"verifyFindings\":{\"value\":\"情况属实\"},"
        + "\"verifyDecision\":{\"value\":\"CONFIRM\"}";
    Map<String, String> forgeries = new LinkedHashMap<>();
    forgeries.put("householdType", "{\"value\":\"TPBWD\"}");
    forgeries.put("perCapitaIncome", "{\"value\":100.0,\"type\":\"Double\"}");
    forgeries.put("incomeThreshold", "{\"value\":99999.0,\"type\":\"Double\"}");
    forgeries.put("caseId", "{\"value\":" + other.caseId() + ",\"type\":\"Long\"}");
    forgeries.put("countyCode", "{\"value\":\"629901,village-629901100201\"}");
    // a field the form shows but does not let anyone edit
    forgeries.put("riskTypeLabels", "{\"value\":\"无\"}");
    WebappSession tasklist = WebappSession.signIn(base(), "tasklist", "cadre_dongshan", ApiClient.PASSWORD);
    for (Map.Entry<String, String> forged : forgeries.entrySet()) {
      String body = "{\"variables\":{" + form + ",\"" + forged.getKey() + "\":" + forged.getValue() + "}}";
      for (String action : List.of("complete", "submit-form")) {
        ResponseEntity<String> answer = call("cadre_dongshan", HttpMethod.POST,
            "/engine-rest/task/" + c.taskId() + "/" + action, body);
        assertRefused(answer, 400);
        assertThat(answer.getBody()).contains(forged.getKey());
      }
      assertRefused(tasklist.post(TASKLIST_ENGINE + "/task/" + c.taskId() + "/submit-form", body), 400);
    }
    assertThat(snapshot(c)).isEqualTo(before);
    assertThat(auditRows(other.caseId())).isEqualTo(otherAudit);

    // the form's own fields are taken; the decision lands in this case's file, the household type stays the rules'
    assertThat(call("cadre_dongshan", HttpMethod.POST, "/engine-rest/task/" + c.taskId() + "/complete",
        "{\"variables\":{" + form + "}}").getStatusCode().value()).isEqualTo(204);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_audit WHERE case_id = ? AND step = ? AND actor = ?",
        Integer.class, c.caseId(), RiskIdentification.VERIFY_HOUSEHOLD, "cadre_dongshan")).isOne();
    assertThat(auditRows(other.caseId())).isEqualTo(otherAudit);
  }

  // --- 3. tasks handed anywhere ----------------------------------------------------------------------------------

  @Test
  void aTaskIsHandedOverOnlyThroughTheApproverOperations() throws Exception {
    TheCase c = openCase();
    Snapshot before = snapshot(c);
    String task = "/engine-rest/task/" + c.taskId();
    assertRefused(call("cadre_dongshan", HttpMethod.POST, task + "/identity-links",
        "{\"groupId\":\"village-629901101201\",\"type\":\"candidate\"}"), 403);
    assertRefused(call("cadre_dongshan", HttpMethod.POST, task + "/identity-links",
        "{\"userId\":\"cadre_liushu\",\"type\":\"candidate\"}"), 403);
    assertRefused(call("cadre_dongshan", HttpMethod.POST, task + "/identity-links/delete",
        "{\"groupId\":\"village-629901100201\",\"type\":\"candidate\"}"), 403);
    assertRefused(call("cadre_dongshan", HttpMethod.POST, task + "/assignee", "{\"userId\":\"cadre_liushu\"}"), 403);
    assertRefused(call("cadre_dongshan", HttpMethod.POST, task + "/claim", "{\"userId\":\"cadre_liushu\"}"), 403);
    assertRefused(call("cadre_dongshan", HttpMethod.POST, task + "/delegate", "{\"userId\":\"cadre_liushu\"}"), 403);
    assertRefused(call("cadre_dongshan", HttpMethod.PUT, task,
        "{\"name\":\"已办结\",\"due\":\"2099-01-01T00:00:00.000+0800\",\"priority\":1}"), 403);
    WebappSession tasklist = WebappSession.signIn(base(), "tasklist", "cadre_dongshan", ApiClient.PASSWORD);
    assertRefused(tasklist.post(TASKLIST_ENGINE + "/task/" + c.taskId() + "/assignee",
        "{\"userId\":\"cadre_liushu\"}"), 403);
    assertRefused(tasklist.post(TASKLIST_ENGINE + "/task/" + c.taskId() + "/identity-links",
        "{\"groupId\":\"village-629901101201\",\"type\":\"candidate\"}"), 403);
    assertThat(snapshot(c)).isEqualTo(before);

    // what Tasklist needs still works: claiming for oneself, giving it back, taking it through the assignee field
    assertThat(call("cadre_dongshan", HttpMethod.POST, task + "/claim", "{\"userId\":\"cadre_dongshan\"}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(call("cadre_dongshan", HttpMethod.POST, task + "/unclaim", null).getStatusCode().value())
        .isEqualTo(204);
    assertThat(tasklist.post(TASKLIST_ENGINE + "/task/" + c.taskId() + "/assignee",
        "{\"userId\":\"cadre_dongshan\"}").statusCode()).isEqualTo(204);
  }

  // --- 4. a process owner ran code on the server -----------------------------------------------------------------

  @Test
  void noModelRunsCodeWhicheverWayItArrives() throws Exception {
    Files.deleteIfExists(PWNED);
    for (String fixture : List.of("MakeMeAdmin.bpmn", "RunCommand.bpmn")) {
      ResponseEntity<Map<String, Object>> deploy = api.postForm("owner_province", "/api/models",
          files("processes/" + fixture, attack(fixture)));
      assertThat(deploy.getStatusCode().value()).as("%s", deploy.getBody()).isEqualTo(400);
      assertThat(deploy.getBody().toString()).contains("模型中不能运行代码");
      // the engine REST API, as Camunda Modeler deploys, by an administrator
      ResponseEntity<String> engine = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/deployment/create",
          multipart("deployment-name", "attack", "data", fixture, attack(fixture)), String.class);
      assertThat(engine.getStatusCode().value()).as("%s", engine.getBody()).isEqualTo(400);
      assertThat(engine.getBody()).contains("含有不允许的内容");
    }
    for (String fixture : List.of("JuelDecision.dmn", "LegacyJuelDecision.dmn", "ExternalFunctionDecision.dmn")) {
      ResponseEntity<Map<String, Object>> deploy = api.postForm("owner_province", "/api/models",
          files("processes/MonitoringEligibility.dmn", attack(fixture)));
      assertThat(deploy.getStatusCode().value()).as("%s", deploy.getBody()).isEqualTo(400);
      ResponseEntity<Map<String, Object>> whatIf = api.post("owner_province", "/api/what-if/monitoring-range",
          Map.of("region", "629901", "dmnXml", new String(attack(fixture), java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(whatIf.getStatusCode().value()).as("%s", whatIf.getBody()).isEqualTo(400);
      assertThat(whatIf.getBody().toString()).contains("决策表");
    }
    assertThat(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKeyIn("MakeMeAdminProcess", "RunCommandProcess").count()).isZero();
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("owner_province").count())
        .isZero();
    assertThat(PWNED).doesNotExist();

    // a Tasklist filter's query expressions go through the same guard: an administrator's filter runs no code
    ResponseEntity<String> filter = admin(HttpMethod.POST, "/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"assigneeExpression\":\"${''.getClass().forName("
            + "'java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/bangfu-pwned')}\"}}");
    assertThat(filter.getStatusCode().value()).as("%s", filter.getBody()).isEqualTo(200);
    String filterId = (String) new com.fasterxml.jackson.databind.ObjectMapper().readValue(filter.getBody(), Map.class)
        .get("id");
    assertThat(admin(HttpMethod.POST, "/engine-rest/filter/" + filterId + "/list", "{}").getStatusCode().value())
        .isNotEqualTo(200);
    admin(HttpMethod.DELETE, "/engine-rest/filter/" + filterId, null);
    assertThat(PWNED).doesNotExist();

    // and a model deployed before these rules still reaches no bean but the steps and no method but the functions
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) engineConfiguration;
    for (String expression : List.of("${identityService}", "${''.getClass()}",
        "${execution.processEngineServices}", "${runtimeService.createProcessInstanceQuery()}")) {
      Object outcome = engine.getCommandExecutorTxRequired().execute((Command<Object>) context -> {
        try {
          return engine.getExpressionManager().createExpression(expression)
              .getValue(StartProcessVariableScope.getSharedInstance());
        } catch (RuntimeException e) {
          return e;
        }
      });
      assertThat(outcome).as(expression).isInstanceOf(RuntimeException.class);
    }
  }

  // --- 5. 会签 skipped ---------------------------------------------------------------------------------------------

  @Test
  void aCoSignIsFinishedOnlyWithAnOpinion() throws Exception {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan");
    String review = (String) api.tasks("reviewer_heping", bk).get(0).get("id");
    assertThat(api.claim("reviewer_heping", review).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<Map<String, Object>> added = api.post("reviewer_heping", "/api/tasks/" + review + "/co-signers",
        Map.of("coSigner", "approver_county", "reason", "请县里会签"));
    String sub = (String) added.getBody().get("taskId");
    long audit = auditRows(caseId(bk));
    assertRefused(call("approver_county", HttpMethod.POST, "/engine-rest/task/" + sub + "/complete", "{}"), 403);
    assertRefused(call("approver_county", HttpMethod.POST, "/engine-rest/task/" + sub + "/submit-form",
        "{\"variables\":{}}"), 403);
    assertRefused(call("approver_county", HttpMethod.POST, "/engine-rest/task/" + sub + "/resolve", "{}"), 403);
    WebappSession tasklist = WebappSession.signIn(base(), "tasklist", "approver_county", ApiClient.PASSWORD);
    assertRefused(tasklist.post(TASKLIST_ENGINE + "/task/" + sub + "/submit-form", "{\"variables\":{}}"), 403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = ?", Integer.class, sub)).isOne();
    assertThat(auditRows(caseId(bk))).isEqualTo(audit);
    // the township step still waits for the opinion
    assertThat(api.complete("reviewer_heping", review, Map.of("townshipDecision", "APPROVE")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(api.post("approver_county", "/api/tasks/" + sub + "/co-sign",
        Map.of("opinion", "AGREE", "comment", "同意")).getStatusCode().value()).isEqualTo(200);
    assertThat(auditRows(caseId(bk))).isEqualTo(audit + 1);
  }

  // --- 6. edits outside the case record --------------------------------------------------------------------------

  @Test
  void anAdministratorNeitherEditsCaseVariablesNorDecidesForAnApprover() throws Exception {
    TheCase c = openCase();
    Snapshot before = snapshot(c);
    WebappSession cockpit = WebappSession.signIn(base(), "cockpit", "admin", "admin");
    String forged = "{\"value\":\"629901101\",\"type\":\"String\"}";
    assertRefused(cockpit.put(TASKLIST_ENGINE + "/process-instance/" + c.processInstanceId()
        + "/variables/townshipCode", forged), 403);
    assertRefused(cockpit.post(TASKLIST_ENGINE + "/process-instance/" + c.processInstanceId() + "/variables",
        "{\"modifications\":{\"townshipCode\":" + forged + "}}"), 403);
    assertRefused(cockpit.post(TASKLIST_ENGINE + "/process-instance/" + c.processInstanceId() + "/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + RiskIdentification.TOWNSHIP_REVIEW
            + "\",\"variables\":{\"townshipDecision\":{\"value\":\"APPROVE\"}}}]}"), 403);
    assertRefused(admin(HttpMethod.PUT, "/engine-rest/process-instance/" + c.processInstanceId()
        + "/variables/townshipCode", forged), 403);
    assertRefused(admin(HttpMethod.POST, "/engine-rest/task/" + c.taskId() + "/claim", "{\"userId\":\"admin\"}"),
        403);
    assertRefused(admin(HttpMethod.POST, "/engine-rest/message",
        "{\"messageName\":\"Message_ObjectionRaised\",\"businessKey\":\"" + c.businessKey() + "\"}"), 403);
    assertThat(snapshot(c)).isEqualTo(before);

    // operations on many cases at once would be in no case's audit: refused, to administrators too
    String many = "{\"processInstanceIds\":[\"" + c.processInstanceId() + "\"],\"deleteReason\":\"x\"}";
    assertRefused(admin(HttpMethod.POST, "/engine-rest/process-instance/delete", many), 403);
    assertRefused(admin(HttpMethod.POST, "/engine-rest/process-instance/suspended-async",
        "{\"processInstanceIds\":[\"" + c.processInstanceId() + "\"],\"suspended\":true}"), 403);
    assertRefused(admin(HttpMethod.PUT, "/engine-rest/process-instance/suspended",
        "{\"processInstanceIds\":[\"" + c.processInstanceId() + "\"],\"suspended\":true}"), 403);
    // (definitions that do not exist: should the gate fail, the engine answers 404 and no other test is harmed)
    assertRefused(admin(HttpMethod.PUT, "/engine-rest/process-definition/key/NoSuchProcess/suspended",
        "{\"suspended\":true,\"includeProcessInstances\":true}"), 403);
    assertRefused(admin(HttpMethod.POST, "/engine-rest/history/process-instance/delete", many), 403);
    assertRefused(cockpit.post(TASKLIST_ENGINE + "/modification/execute", "{\"processDefinitionId\":\"x\","
        + "\"instructions\":[],\"processInstanceIds\":[\"" + c.processInstanceId() + "\"]}"), 403);
    assertRefused(admin(HttpMethod.DELETE, "/engine-rest/process-definition/key/NoSuchProcess?cascade=true", null),
        403);
    assertThat(snapshot(c)).isEqualTo(before);

    // what an administrator may still do to a case in Cockpit is in the case's audit, with who and what
    assertThat(cockpit.put(TASKLIST_ENGINE + "/process-instance/" + c.processInstanceId() + "/suspended",
        "{\"suspended\":true}").statusCode()).isEqualTo(204);
    assertThat(cockpit.put(TASKLIST_ENGINE + "/process-instance/" + c.processInstanceId() + "/suspended",
        "{\"suspended\":false}").statusCode()).isEqualTo(204);
    assertThat(jdbc.queryForList("SELECT step_name, reason, actor FROM bf_case_audit WHERE case_id = ? AND step = "
        + "'ENGINE_OPERATION' ORDER BY id", c.caseId()))
        .extracting(row -> row.get("step_name") + "|" + row.get("actor"))
        .containsExactly("挂起|admin", "激活|admin");
    assertThat(jdbc.queryForObject("SELECT reason FROM bf_case_audit WHERE case_id = ? AND step = 'ENGINE_OPERATION' "
        + "ORDER BY id LIMIT 1", String.class, c.caseId()))
        .contains("PUT /process-instance/" + c.processInstanceId() + "/suspended");
  }

  @Test
  void aHouseholdOutOfSightCannotBeActedOn() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE"));
    String name = (String) api.get("cadre_dongshan", "/api/households/" + household).getBody().get("headName");
    assertThat(api.get("handler_medins", "/api/households/" + household).getStatusCode().value()).isIn(403, 404);
    int cases = jdbc.queryForObject("SELECT COUNT(*) FROM bf_case", Integer.class);
    ResponseEntity<Map<String, Object>> opened = api.post("handler_medins", "/api/cases", Map.of(
        "householdId", household, "channel", "DEPARTMENT_SIGNAL", "riskTypes", List.of("ILLNESS"),
        "signal", Map.of("department", "MEDINS", "kind", "大额医疗支出", "detail", "自付 30000 元", "amount", 30000)));
    assertThat(opened.getStatusCode().value()).isIn(400, 403, 404);
    assertThat(String.valueOf(opened.getBody())).doesNotContain(name).contains("不在您的辖区内");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case", Integer.class)).isEqualTo(cases);
  }

  // --- the generalisation: every engine REST write, every non-administrator role ---------------------------------

  /** An engine REST write: whether the allowlist lets it through (the engine then decides). */
  record Endpoint(String name, HttpMethod method, Function<TheCase, String> path, String body, boolean allowed) {
  }

  static List<Endpoint> endpoints() {
    String forged = "{\"value\":\"x\",\"type\":\"String\"}";
    List<Endpoint> e = new ArrayList<>();
    e.add(new Endpoint("add a candidate group", HttpMethod.POST, c -> "/task/" + c.taskId() + "/identity-links",
        "{\"groupId\":\"village-629901101201\",\"type\":\"candidate\"}", false));
    e.add(new Endpoint("remove a candidate group", HttpMethod.POST, c -> "/task/" + c.taskId()
        + "/identity-links/delete", "{\"groupId\":\"village-629901100201\",\"type\":\"candidate\"}", false));
    e.add(new Endpoint("set another assignee", HttpMethod.POST, c -> "/task/" + c.taskId() + "/assignee",
        "{\"userId\":\"cadre_liushu\"}", false));
    e.add(new Endpoint("delegate", HttpMethod.POST, c -> "/task/" + c.taskId() + "/delegate",
        "{\"userId\":\"cadre_liushu\"}", false));
    e.add(new Endpoint("update the task", HttpMethod.PUT, c -> "/task/" + c.taskId(),
        "{\"name\":\"x\",\"due\":\"2099-01-01T00:00:00.000+0800\"}", false));
    e.add(new Endpoint("delete the task", HttpMethod.DELETE, c -> "/task/" + c.taskId(), null, false));
    e.add(new Endpoint("create a task", HttpMethod.POST, c -> "/task/create", "{\"id\":\"sneaky\",\"name\":\"x\"}",
        false));
    e.add(new Endpoint("task variables", HttpMethod.POST, c -> "/task/" + c.taskId() + "/variables",
        "{\"modifications\":{\"countyCode\":" + forged + "}}", false));
    e.add(new Endpoint("a task variable", HttpMethod.PUT, c -> "/task/" + c.taskId() + "/variables/countyCode",
        forged, false));
    e.add(new Endpoint("remove a task variable", HttpMethod.DELETE, c -> "/task/" + c.taskId()
        + "/variables/villageCode", null, false));
    e.add(new Endpoint("a local variable", HttpMethod.PUT, c -> "/task/" + c.taskId()
        + "/localVariables/countyCode", forged, false));
    e.add(new Endpoint("throw a BPMN error", HttpMethod.POST, c -> "/task/" + c.taskId() + "/bpmnError",
        "{\"errorCode\":\"x\"}", false));
    e.add(new Endpoint("escalate", HttpMethod.POST, c -> "/task/" + c.taskId() + "/bpmnEscalation",
        "{\"escalationCode\":\"x\"}", false));
    e.add(new Endpoint("attach", HttpMethod.POST, c -> "/task/" + c.taskId() + "/attachment/create", "{}", false));
    e.add(new Endpoint("complete with a routing variable", HttpMethod.POST, c -> "/task/" + c.taskId()
        + "/complete", "{\"variables\":{\"countyCode\":" + forged + "}}", false));
    e.add(new Endpoint("instance variables", HttpMethod.POST, c -> "/process-instance/" + c.processInstanceId()
        + "/variables", "{\"modifications\":{\"countyCode\":" + forged + "}}", false));
    e.add(new Endpoint("an instance variable", HttpMethod.PUT, c -> "/process-instance/" + c.processInstanceId()
        + "/variables/countyCode", forged, false));
    e.add(new Endpoint("variables of many instances", HttpMethod.POST, c -> "/process-instance/variables-async",
        "{\"processInstanceQuery\":{},\"variables\":{\"countyCode\":" + forged + "}}", false));
    e.add(new Endpoint("an execution's variable", HttpMethod.PUT, c -> "/execution/" + c.processInstanceId()
        + "/localVariables/countyCode", forged, false));
    e.add(new Endpoint("cancel the instance", HttpMethod.DELETE, c -> "/process-instance/" + c.processInstanceId(),
        null, false));
    e.add(new Endpoint("suspend the instance", HttpMethod.PUT, c -> "/process-instance/" + c.processInstanceId()
        + "/suspended", "{\"suspended\":true}", false));
    e.add(new Endpoint("modify the instance", HttpMethod.POST, c -> "/process-instance/" + c.processInstanceId()
        + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\""
        + RiskIdentification.COUNTY_APPROVAL + "\"}]}", false));
    e.add(new Endpoint("correlate a message", HttpMethod.POST, c -> "/message",
        "{\"messageName\":\"Message_ObjectionRaised\",\"businessKey\":\"" + "x" + "\"}", false));
    e.add(new Endpoint("throw a signal", HttpMethod.POST, c -> "/signal", "{\"name\":\"x\"}", false));
    e.add(new Endpoint("start a process", HttpMethod.POST,
        c -> "/process-definition/key/RiskIdentificationProcess/start", "{\"businessKey\":\"x\"}", false));
    e.add(new Endpoint("execute a job", HttpMethod.POST, c -> "/job/x/execute", null, false));
    e.add(new Endpoint("job retries", HttpMethod.PUT, c -> "/job/x/retries", "{\"retries\":1}", false));
    e.add(new Endpoint("history cleanup", HttpMethod.POST, c -> "/history/cleanup", null, false));
    e.add(new Endpoint("create a user", HttpMethod.POST, c -> "/user/create",
        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Secret-2026\"}}", false));
    e.add(new Endpoint("join camunda-admin", HttpMethod.PUT, c -> "/group/camunda-admin/members/cadre_dongshan",
        null, false));
    e.add(new Endpoint("grant oneself", HttpMethod.POST, c -> "/authorization/create",
        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"cadre_dongshan\",\"resourceType\":7,"
            + "\"resourceId\":\"*\"}", false));
    // what Tasklist needs (the engine's authorizations then decide)
    e.add(new Endpoint("query tasks", HttpMethod.POST, c -> "/task/count", "{}", true));
    e.add(new Endpoint("comment", HttpMethod.POST, c -> "/task/" + c.taskId() + "/comment/create",
        "{\"message\":\"已电话联系农户\"}", true));
    return e;
  }

  @TestFactory
  Stream<DynamicTest> everyEngineWriteIsRefusedToEveryRoleButTheAllowlist() {
    TheCase c = openCase();
    Snapshot before = snapshot(c);
    List<DynamicTest> tests = new ArrayList<>();
    for (String user : List.of("cadre_dongshan", "reviewer_heping", "approver_county", "supervisor_county",
        "handler_medins", "owner_province")) {
      // a task the user may not read is not there for them: a write on it is answered as its read, 404
      boolean readsTask = call(user, HttpMethod.GET, "/engine-rest/task/" + c.taskId(), null)
          .getStatusCode().value() == 200;
      for (Endpoint endpoint : endpoints()) {
        tests.add(DynamicTest.dynamicTest(user + " · " + endpoint.name() + (endpoint.allowed() ? " → engine decides"
            : " → refused"), () -> {
          ResponseEntity<String> answer = call(user, endpoint.method(), "/engine-rest" + endpoint.path().apply(c),
              endpoint.body());
          if (endpoint.allowed()) {
            assertThat(String.valueOf(answer.getBody())).doesNotContain("由流程确定", "只能由系统步骤写入");
            if (!readsTask && endpoint.path().apply(c).startsWith("/task/" + c.taskId())) {
              assertThat(answer.getStatusCode().value()).as("%s %s", endpoint.name(), answer.getBody()).isEqualTo(404);
            }
          } else {
            assertThat(answer.getStatusCode().value()).as("%s %s", endpoint.name(), answer.getBody())
                .isIn(400, 403, readsTask ? 403 : 404);
            assertThat(answer.getBody()).containsPattern("\\p{IsHan}");
          }
        }));
      }
      // and through a Tasklist session, the door the webapp's pages use
      tests.add(DynamicTest.dynamicTest(user + " · Tasklist session · every write → as through /engine-rest", () -> {
        WebappSession tasklist = WebappSession.signIn(base(), "tasklist", user, ApiClient.PASSWORD);
        boolean readsInTasklist = tasklist.get(TASKLIST_ENGINE + "/task/" + c.taskId()).statusCode() == 200;
        for (Endpoint endpoint : endpoints()) {
          java.net.http.HttpResponse<String> answer = tasklist.send(endpoint.method().name(),
              TASKLIST_ENGINE + endpoint.path().apply(c), endpoint.body());
          if (endpoint.allowed()) {
            assertThat(answer.body()).as(endpoint.name()).doesNotContain("由流程确定", "只能由系统步骤写入");
          } else {
            assertThat(answer.statusCode()).as("%s %s", endpoint.name(), answer.body())
                .isIn(400, 403, readsInTasklist ? 403 : 404);
            assertThat(answer.body()).as(endpoint.name()).containsPattern("\\p{IsHan}");
          }
        }
      }));
    }
    tests.add(DynamicTest.dynamicTest("after all of it the case is as it was (but for its comments)", () -> {
      assertThat(snapshot(c)).isEqualTo(before);
      assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
      assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("cadre_dongshan").count())
          .isZero();
    }));
    return tests.stream();
  }

  /**
   * The engine REST API's writes that a non-administrator may make — queries, Tasklist's filters, task work on
   * their own behalf, comments, their own password (not their name and e-mail: the administrator's) — as templates
   * of Camunda's own description of the API. Every other write it describes must be refused.
   */
  static final java.util.Set<String> ALLOWLIST = java.util.Set.of(
      "POST /task", "POST /task/count", "POST /process-instance", "POST /process-instance/count",
      "POST /execution", "POST /execution/count", "POST /variable-instance", "POST /variable-instance/count",
      "POST /job", "POST /job/count", "POST /job-definition", "POST /job-definition/count", "POST /external-task",
      "POST /external-task/count", "POST /group", "POST /group/count", "POST /history/task",
      "POST /history/task/count", "POST /history/process-instance", "POST /history/process-instance/count",
      "POST /history/activity-instance", "POST /history/activity-instance/count", "POST /history/variable-instance",
      "POST /history/variable-instance/count", "POST /history/detail", "POST /history/job-log",
      "POST /history/job-log/count", "POST /history/external-task-log", "POST /history/external-task-log/count",
      "POST /filter/create", "PUT /filter/{id}", "DELETE /filter/{id}", "POST /filter/{id}/list",
      "POST /filter/{id}/count", "POST /filter/{id}/singleResult",
      "POST /task/{id}/claim", "POST /task/{id}/unclaim", "POST /task/{id}/assignee", "POST /task/{id}/complete",
      "POST /task/{id}/submit-form", "POST /task/{id}/resolve", "POST /task/{id}/comment/create",
      "PUT /user/{id}/credentials", "POST /identity/password-policy");

  /** A write of the engine REST API as its openapi.json describes it. */
  record Operation(String method, String template) {
    String key() {
      return method + " " + template;
    }
  }

  static List<Operation> describedWrites() throws java.io.IOException {
    try (java.io.InputStream in = SideDoorsIT.class.getResourceAsStream("/openapi.json")) {
      com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)
          .path("paths");
      List<Operation> writes = new ArrayList<>();
      paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
        if (List.of("post", "put", "delete").contains(method)) {
          writes.add(new Operation(method.toUpperCase(), path.getKey()));
        }
      }));
      return writes;
    }
  }

  /** The operation's path for this case and user: the case's task and instances, the user themselves. */
  private static String path(Operation operation, TheCase c, String user) {
    String template = operation.template();
    String id = template.startsWith("/task/{id}") ? c.taskId()
        : template.startsWith("/process-instance/{id}") || template.startsWith("/execution/{id}")
            ? c.processInstanceId()
        : template.startsWith("/user/{id}") ? user
        : template.startsWith("/group/{id}") ? "camunda-admin" : "x";
    return template.replace("{id}", id).replace("{varName}", "countyCode").replace("{userId}", user)
        .replace("{key}", "RiskIdentificationProcess").replace("{tenant-id}", "t")
        .replace("{messageName}", "Message_ObjectionRaised").replace("{groupId}", "village-629901101201")
        .replaceAll("\\{[^}]+}", "x");
  }

  private static String body(Operation operation, String user) {
    return operation.template().endsWith("/claim") || operation.template().endsWith("/assignee")
        ? "{\"userId\":\"" + user + "\"}" : "{}";
  }

  @TestFactory
  Stream<DynamicTest> everyWriteTheEngineRestApiDescribesIsRefusedButTheAllowlist() throws Exception {
    List<Operation> writes = describedWrites();
    assertThat(writes).hasSizeGreaterThan(150); // Camunda 7.24 describes 191
    assertThat(writes.stream().map(Operation::key)).containsAll(ALLOWLIST);
    TheCase c = openCase();
    Snapshot before = snapshot(c);
    List<String> roles = List.of("cadre_dongshan", "reviewer_heping", "approver_county", "supervisor_county",
        "handler_medins", "owner_province");
    List<DynamicTest> tests = new ArrayList<>();
    for (String user : roles) {
      for (String door : List.of("/engine-rest", TASKLIST_ENGINE)) {
        tests.add(DynamicTest.dynamicTest(user + " · " + door + " · every write but the allowlist refused", () -> {
          WebappSession tasklist = door.equals("/engine-rest") ? null
              : WebappSession.signIn(base(), "tasklist", user, ApiClient.PASSWORD);
          List<String> wrong = new ArrayList<>();
          for (Operation operation : writes) {
            if (ALLOWLIST.contains(operation.key())) {
              continue; // below, once nothing else has been tried
            }
            String url = door + path(operation, c, user);
            int status;
            String answer;
            if (tasklist == null) {
              ResponseEntity<String> response = call(user, HttpMethod.valueOf(operation.method()), url,
                  body(operation, user));
              status = response.getStatusCode().value();
              answer = String.valueOf(response.getBody());
            } else {
              java.net.http.HttpResponse<String> response = tasklist.send(operation.method(), url,
                  body(operation, user));
              status = response.statusCode();
              answer = response.body();
            }
            if (!(status == 403 || status == 400) || !answer.matches("(?s).*\\p{IsHan}.*")) {
              wrong.add(operation.key() + " → " + status + " " + answer);
            }
          }
          assertThat(wrong).as("writes not refused").isEmpty();
        }));
      }
    }
    tests.add(DynamicTest.dynamicTest("nothing of the case changed, nobody joined camunda-admin", () -> {
      assertThat(snapshot(c)).isEqualTo(before);
      assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
          .extracting(org.camunda.bpm.engine.identity.User::getId).containsExactly("admin");
    }));
    for (String user : roles) {
      tests.add(DynamicTest.dynamicTest(user + " · the allowlist reaches the engine", () -> {
        for (Operation operation : writes) {
          if (ALLOWLIST.contains(operation.key())) {
            ResponseEntity<String> response = call(user, HttpMethod.valueOf(operation.method()),
                "/engine-rest" + path(operation, c, user), body(operation, user));
            assertThat(String.valueOf(response.getBody())).as(operation.key())
                .doesNotContain("您没有执行此操作的权限", "由流程确定", "只能由系统步骤写入", "系统发起");
          }
        }
        // and no one changes another user's password or profile
        assertRefused(call(user, HttpMethod.PUT, "/engine-rest/user/admin/credentials",
            "{\"password\":\"Taken-2026\",\"authenticatedUserPassword\":\"demo\"}"), 403);
      }));
    }
    return tests.stream();
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The case row, its audit, every variable of its instances, the task and its candidates, and the history. */
  record Snapshot(Map<String, Object> caseRow, List<Map<String, Object>> audit, List<Map<String, Object>> variables,
      List<Map<String, Object>> task, List<Map<String, Object>> candidates, List<Map<String, Object>> history) {
  }

  private Snapshot snapshot(TheCase c) {
    Object[] instances = {c.processInstanceId(), c.rootInstanceId()};
    return new Snapshot(
        jdbc.queryForMap("SELECT * FROM bf_case WHERE id = ?", c.caseId()),
        jdbc.queryForList("SELECT step, decision, reason, actor FROM bf_case_audit WHERE case_id = ? ORDER BY id",
            c.caseId()),
        jdbc.queryForList("SELECT NAME_, TEXT_, LONG_, DOUBLE_, REV_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ IN "
            + "(?, ?) ORDER BY NAME_, EXECUTION_ID_", instances),
        jdbc.queryForList("SELECT NAME_, ASSIGNEE_, DUE_DATE_, PRIORITY_, REV_ FROM ACT_RU_TASK WHERE ID_ = ?",
            c.taskId()),
        jdbc.queryForList("SELECT TYPE_, USER_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = ? "
            + "ORDER BY TYPE_, USER_ID_, GROUP_ID_", c.taskId()),
        jdbc.queryForList("SELECT (SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ IN (?, ?)) details, "
            + "(SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ IN (?, ?)) variables, "
            + "(SELECT COUNT(*) FROM ACT_HI_IDENTITYLINK WHERE TASK_ID_ = ?) links, "
            + "(SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ IN (?, ?)) tasks",
            c.processInstanceId(), c.rootInstanceId(), c.processInstanceId(), c.rootInstanceId(), c.taskId(),
            c.processInstanceId(), c.rootInstanceId()));
  }

  private TheCase openCase() {
    OpenedCase opened = openedIdentification(DONGSHAN, "cadre_dongshan");
    String bk = (String) opened.caseFile().get("businessKey");
    String root = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("AssistanceCaseProcess").singleResult().getId();
    return new TheCase(((Number) opened.caseFile().get("id")).longValue(), bk, (String) opened.task().get("id"),
        (String) opened.task().get("processInstanceId"), root);
  }

  private long auditRows(long caseId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_audit WHERE case_id = ?", Long.class, caseId);
  }

  private static long caseId(String bk) {
    return Long.parseLong(bk.substring(bk.lastIndexOf('-') + 1));
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return api.as(user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }

  private ResponseEntity<String> admin(HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("admin", "admin").exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }

  private static void assertRefused(ResponseEntity<String> answer, int status) {
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
    assertThat(answer.getBody()).containsPattern("\\p{IsHan}");
  }

  private static void assertRefused(java.net.http.HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(status);
    assertThat(answer.body()).containsPattern("\\p{IsHan}");
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static byte[] attack(String fixture) throws java.io.IOException {
    return Files.readAllBytes(Path.of("src/test/resources/attacks", fixture));
  }

  private static LinkedMultiValueMap<String, Object> files(String name, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("files", ApiClient.file(name, content));
    return form;
  }

  private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(String nameField, String name,
      String fileField, String fileName, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(nameField, name);
    form.add(fileField, new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(form, headers);
  }
}
