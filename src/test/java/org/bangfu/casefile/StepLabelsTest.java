package org.bangfu.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The audit names a step as its model does; a step no model names is a bug, not a blank. */
class StepLabelsTest {

  @Test
  void aStepIsNamedAsItsLatestParsedModelNamesIt() {
    StepLabels.record("Activity_TestOnly_Rename", "监测范围判定");
    StepLabels.record("Activity_TestOnly_Rename", "监测范围判定（新）\n");

    assertThat(StepLabels.of("Activity_TestOnly_Rename")).isEqualTo("监测范围判定（新）");
  }

  @Test
  void aStepNoModelNamesStopsTheWork() {
    assertThatThrownBy(() -> StepLabels.of("Activity_TestOnly_Unknown")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Activity_TestOnly_Unknown");
  }
}
