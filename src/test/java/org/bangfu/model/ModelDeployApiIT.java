package org.bangfu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Deploying models through the API: process owners only, the lint first, new versions of what changed. */
class ModelDeployApiIT extends MariaDbIntegrationTest {

  @Autowired
  RepositoryService repositoryService;

  private ResponseEntity<Map<String, Object>> deploy(String user, String fileName, byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("files", ApiClient.file(fileName, content));
    return api.postForm(user, "/api/models", form);
  }

  @Test
  void onlyProcessOwnersDeployAndOnlyModelsThatPassTheLint() throws Exception {
    byte[] delivery = Files.readAllBytes(Path.of("processes/MeasureDeliveryProcess.bpmn"));
    // another test may have deployed a changed version: start from the class path's content
    assertThat(deploy("owner_province", "MeasureDeliveryProcess.bpmn", delivery).getStatusCode().value())
        .isIn(200, 201);
    int version = repositoryService.createProcessDefinitionQuery().processDefinitionKey("MeasureDeliveryProcess")
        .latestVersion().singleResult().getVersion();
    // not a process owner: refused whatever the file
    for (String user : new String[] {"approver_county", "cadre_dongshan", "supervisor_county"}) {
      ResponseEntity<Map<String, Object>> refused = deploy(user, "MeasureDeliveryProcess.bpmn", delivery);
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat((String) refused.getBody().get("error")).contains("只有流程管理员");
    }
    // a broken model: the lint's guidance, nothing deployed
    ResponseEntity<Map<String, Object>> broken = deploy("owner_province", "BrokenProcess.bpmn",
        Files.readAllBytes(Path.of("src/test/resources/lint/BrokenProcess.bpmn")));
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(broken.getBody().toString()).contains("没有表单", "流程中不能写脚本", "没有设置历史保留期");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("BrokenProcess").count())
        .isZero();
    // unchanged: nothing new; changed: a new version of that model only
    ResponseEntity<Map<String, Object>> same = deploy("owner_province", "MeasureDeliveryProcess.bpmn", delivery);
    assertThat(same.getStatusCode().value()).isEqualTo(200);
    byte[] changed = new String(delivery, java.nio.charset.StandardCharsets.UTF_8)
        .replace("<bpmn:documentation>", "<bpmn:documentation>（2027年版）").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ResponseEntity<Map<String, Object>> created = deploy("owner_province", "MeasureDeliveryProcess.bpmn", changed);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    assertThat(created.getBody().get("versions").toString()).contains("MeasureDeliveryProcess 第 " + (version + 1) + " 版");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("MeasureDeliveryProcess")
        .latestVersion().singleResult().getVersion()).isEqualTo(version + 1);
    // the difference between the two versions: the process element changed (its documentation), nothing added
    String v1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey("MeasureDeliveryProcess")
        .processDefinitionVersion(version).singleResult().getId();
    String v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey("MeasureDeliveryProcess")
        .processDefinitionVersion(version + 1).singleResult().getId();
    assertThat(api.get("approver_county", "/api/models/diff?from=" + v1 + "&to=" + v2).getStatusCode().value())
        .isEqualTo(403);
    Map<String, Object> diff = api.get("owner_province", "/api/models/diff?from=" + v1 + "&to=" + v2).getBody();
    assertThat(diff.get("changed").toString()).contains("MeasureDeliveryProcess");
    assertThat(diff.get("changed").toString()).doesNotContain("Activity_DeliverMeasure");
    assertThat((java.util.List<?>) diff.get("added")).isEmpty();
    assertThat((java.util.List<?>) diff.get("removed")).isEmpty();
    // rolling back is deploying the earlier file again: a new version with the old content (and the class path's
    // models are the latest again, as the other tests expect)
    ResponseEntity<Map<String, Object>> rolledBack = deploy("owner_province", "MeasureDeliveryProcess.bpmn", delivery);
    assertThat(rolledBack.getStatusCode().value()).isEqualTo(201);
    assertThat(rolledBack.getBody().get("versions").toString())
        .contains("MeasureDeliveryProcess 第 " + (version + 2) + " 版");
    // a file name that is no model
    assertThat(deploy("owner_province", "../../etc/passwd", delivery).getStatusCode().value()).isEqualTo(400);
  }

  /** The deployed forms are listed with the models; their JSON is served to owners only; kinds are not mixed. */
  @Test
  void formsAreListedAndServedToProcessOwners() {
    java.util.List<Map<String, Object>> definitions = api.getList("owner_province", "/api/models/definitions")
        .getBody();
    Map<String, Object> form = definitions.stream()
        .filter(d -> "FORM".equals(d.get("type")) && "DraftPlanForm".equals(d.get("key"))).findFirst().orElseThrow();
    assertThat(form.get("resourceName")).isEqualTo("forms/DraftPlanForm.form");
    assertThat(form.get("name")).isEqualTo("制定一户一策帮扶计划");
    assertThat(definitions).extracting(d -> d.get("type")).contains("BPMN", "DMN");
    ResponseEntity<String> json = api.as("owner_province")
        .getForEntity("/api/models/definitions/" + form.get("id") + "/content", String.class);
    assertThat(json.getHeaders().getContentType().toString()).startsWith("application/json");
    assertThat(json.getBody()).contains("\"id\": \"DraftPlanForm\"");
    assertThat(api.get("approver_county", "/api/models/definitions/" + form.get("id") + "/content")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("owner_province", "/api/models/definitions/no-such-id/content").getStatusCode().value())
        .isEqualTo(404);
    String process = repositoryService.createProcessDefinitionQuery().processDefinitionKey("MeasureDeliveryProcess")
        .latestVersion().singleResult().getId();
    ResponseEntity<Map<String, Object>> mixed = api.get("owner_province",
        "/api/models/diff?from=" + form.get("id") + "&to=" + process);
    assertThat(mixed.getStatusCode().value()).isEqualTo(400);
    assertThat(mixed.getBody().toString()).contains("只能比较同一种模型");
  }
}
