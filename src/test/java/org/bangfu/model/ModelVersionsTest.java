package org.bangfu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The difference between two versions of a model: added, removed and changed elements, layout ignored. */
class ModelVersionsTest {

  @Test
  void anAddedAndARemovedStepAndTheRewiredFlowsAreFound() throws Exception {
    byte[] v1 = Files.readAllBytes(Path.of("src/test/resources/migration/MigrationDemoProcess-v1.bpmn"));
    byte[] v2 = Files.readAllBytes(Path.of("src/test/resources/migration/MigrationDemoProcess-v2.bpmn"));
    ModelVersions.Diff diff = ModelVersions.compare("v1", v1, "v2", v2);
    assertThat(diff.added()).extracting(ModelVersions.Change::id).contains("Activity_CrossCheck");
    assertThat(diff.removed()).extracting(ModelVersions.Change::id).contains("Activity_Notice");
    // the process (its name) and the steps whose flows changed; the untouched start event is not listed
    assertThat(diff.changed()).extracting(ModelVersions.Change::id)
        .contains("MigrationDemoProcess", "Activity_Verify", "Activity_Review").doesNotContain("Event_Start");
    assertThat(ModelVersions.compare("a", v1, "b", v1).changed()).isEmpty();
  }
}
