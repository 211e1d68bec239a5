package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An import's share of the node's time (bangfu.imports.busy-share): the pause after each batch, and the setting's checks. */
class ImportPropertiesTest {

  private static ImportProperties withShare(Double share) {
    return new ImportProperties(Path.of("imports"), 500, Duration.ofMinutes(1), true, Duration.ofDays(7),
        XlsxInspectionTest.SHIPPED, share);
  }

  @Test
  void anImportWorkingHalfItsTimePausesAsLongAsTheBatchTook() {
    assertThat(withShare(0.5).pauseAfter(Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(800));
    assertThat(withShare(0.25).pauseAfter(Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(2400));
    assertThat(withShare(1.0).pauseAfter(Duration.ofSeconds(5))).isZero();
  }

  @Test
  void aPauseNeverOutlastsAQuarterOfTheLease() {
    assertThat(withShare(0.1).pauseAfter(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void theShareMustBeSetAndBetweenZeroAndOne() {
    assertThatThrownBy(() -> withShare(null)).hasMessageContaining("bangfu.imports.busy-share must be set");
    assertThatThrownBy(() -> withShare(0.0)).hasMessageContaining("above 0 and at most 1");
    assertThatThrownBy(() -> withShare(1.5)).hasMessageContaining("above 0 and at most 1");
    assertThatThrownBy(() -> withShare(Double.NaN)).hasMessageContaining("bangfu.imports.busy-share");
  }
}
