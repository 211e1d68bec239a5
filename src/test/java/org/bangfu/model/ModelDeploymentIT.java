package org.bangfu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bangfu.engine.ModelDeployment;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stable deployments: the models are deployed under their stable names; deploying unchanged models again (a
 * restart) makes no new version; a changed model becomes a new version of that model only.
 */
class ModelDeploymentIT extends MariaDbIntegrationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void aRestartDeploysNothingAndAChangedModelOnlyItself() {
    Map<String, byte[]> resources = ModelDeployment.resources();
    assertThat(resources.keySet()).contains("processes/AssistanceCaseProcess.bpmn",
        "processes/ExitEligibility.dmn", "forms/DraftPlanForm.form")
        .allMatch(name -> name.matches("(processes|forms)/[A-Za-z]+\\.(bpmn|dmn|form)"));
    assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployment.NAME).count()).isPositive();
    int identification = version("RiskIdentificationProcess");
    int delivery = version("MeasureDeliveryProcess");

    assertThat(ModelDeployment.deploy(engine, resources)).as("a restart with the same models").isNull();
    assertThat(version("RiskIdentificationProcess")).isEqualTo(identification);

    Map<String, byte[]> changed = new LinkedHashMap<>(resources);
    changed.put("processes/MeasureDeliveryProcess.bpmn", (new String(resources.get(
        "processes/MeasureDeliveryProcess.bpmn"), StandardCharsets.UTF_8) + "<!-- revised -->\n")
        .getBytes(StandardCharsets.UTF_8));
    var deployed = ModelDeployment.deploy(engine, changed);
    assertThat(deployed).isNotNull();
    assertThat(repositoryService.getDeploymentResourceNames(deployed.getId()))
        .containsExactly("processes/MeasureDeliveryProcess.bpmn");
    assertThat(version("MeasureDeliveryProcess")).isEqualTo(delivery + 1);
    assertThat(version("RiskIdentificationProcess")).isEqualTo(identification);
    assertThat(ModelDeployment.deploy(engine, changed)).as("and again: nothing").isNull();
  }

  private int version(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getVersion();
  }
}
