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

  /** Form fields by id, nested ones included; a field's own properties changed, not its children's. */
  @Test
  void aFormsAddedRemovedAndChangedFieldsAreFound() throws Exception {
    byte[] v1 = Files.readAllBytes(Path.of("forms/VerifyHouseholdForm.form"));
    String text = new String(v1, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("\"label\": \"核实情况\"", "\"id\": \"Text_VerifyIntro\"");
    String changed = text.replace("\"label\": \"核实情况\"", "\"label\": \"核实情况（详细）\"")
        .replace("\"components\": [", "\"components\": [{\"type\": \"group\", \"id\": \"Group_New\", "
            + "\"label\": \"新增分组\", \"components\": [{\"type\": \"textfield\", \"id\": \"Field_Nested\", "
            + "\"key\": \"nested\", \"label\": \"嵌套字段\"}]},")
        .replace("\"id\": \"Text_VerifyIntro\"", "\"id\": \"Text_Renamed\"");
    ModelVersions.Diff diff = ModelVersions.compareForms("v1", v1, "v2",
        changed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(diff.added()).extracting(ModelVersions.Change::id)
        .containsExactlyInAnyOrder("Group_New", "Field_Nested", "Text_Renamed");
    assertThat(diff.added()).extracting(ModelVersions.Change::name).contains("新增分组", "嵌套字段");
    assertThat(diff.removed()).extracting(ModelVersions.Change::id).containsExactly("Text_VerifyIntro");
    assertThat(diff.changed()).extracting(ModelVersions.Change::name).containsExactly("核实情况（详细）");
    assertThat(ModelVersions.compareForms("a", v1, "b", v1).changed()).isEmpty();
    assertThat(ModelVersions.formTitle(v1)).isEqualTo("入户核实");
  }
}
