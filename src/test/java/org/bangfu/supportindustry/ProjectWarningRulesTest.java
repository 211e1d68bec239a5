package org.bangfu.supportindustry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.policy.PolicyRule;
import org.bangfu.screening.RuleTables;
import org.junit.jupiter.api.Test;

/** processes/SupportProjectWarnings.dmn: 建而不成、成而不用、用而不好 from the registered state and the last review. */
class ProjectWarningRulesTest {

  static List<String> warnings(String status, int years, Boolean idle, Integer assetReturn, Integer benefit,
      Double revenue) throws IOException {
    RuleTables.Table table = RuleTables.standalone().parse(ProjectReviewProcess.WARNING_DECISION,
        Files.readAllBytes(Path.of("processes/SupportProjectWarnings.dmn")));
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("status", status);
    inputs.put("yearsSinceBuilt", years);
    inputs.put("idle", idle);
    inputs.put("assetReturn", assetReturn);
    inputs.put("householdBenefit", benefit);
    inputs.put("revenue", revenue);
    return table.evaluate(inputs).getResultList().stream().map(r -> (String) r.get("warning")).toList();
  }

  @Test
  @PolicyRule("R39")
  void eachWarningFromItsIndicator() throws IOException {
    assertThat(warnings("BUILDING", 3, null, null, null, null)).containsExactly("NOT_BUILT");
    assertThat(warnings("BUILDING", 1, null, null, null, null)).as("building for a year").isEmpty();
    assertThat(warnings("IDLE", 0, null, null, null, null)).containsExactly("NOT_USED");
    assertThat(warnings("OPERATING", 5, true, 3, 3, 1000.0)).containsExactly("NOT_USED");
    assertThat(warnings("OPERATING", 5, false, 2, 4, -50.0)).containsExactly("POORLY_USED", "POORLY_USED");
    // a project never reviewed is judged on its registered state only (unknown scores warn of nothing)
    assertThat(warnings("OPERATING", 5, null, null, null, null)).isEmpty();
    assertThat(warnings("OPERATING", 5, false, 4, 4, 90000.0)).isEmpty();
  }
}
