package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The same name whether the model is read from the classes folder or from the jar. */
class ModelDeploymentTest {

  @Test
  void theNameIsTheSameFromClassesAndFromTheJar() {
    assertThat(ModelDeployment.stableName("file:/work/main/target/classes/processes/ExitReviewProcess.bpmn",
        "processes")).isEqualTo("processes/ExitReviewProcess.bpmn");
    assertThat(ModelDeployment.stableName(
        "jar:file:/app/bangfu.jar!/BOOT-INF/classes!/processes/ExitReviewProcess.bpmn", "processes"))
        .isEqualTo("processes/ExitReviewProcess.bpmn");
    assertThat(ModelDeployment.stableName("jar:file:/app/bangfu.jar!/BOOT-INF/classes!/forms/DraftPlanForm.form",
        "forms")).isEqualTo("forms/DraftPlanForm.form");
    assertThatThrownBy(() -> ModelDeployment.stableName("file:/x/other/A.bpmn", "processes"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
