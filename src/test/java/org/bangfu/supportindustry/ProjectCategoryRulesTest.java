package org.bangfu.supportindustry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bangfu.policy.PolicyRule;
import org.bangfu.screening.RuleTables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/SupportProjectClassification.dmn: the 四个一批 recommendation from the five dimensions (example bands). */
class ProjectCategoryRulesTest {

  static RuleTables.Table table() throws IOException {
    return RuleTables.standalone().parse(ProjectReviewProcess.DECISION,
        Files.readAllBytes(Path.of("processes/SupportProjectClassification.dmn")));
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} idle={5} → {6}")
  @CsvSource({
      // strong on development, return and prospects: consolidate
      "5, 4, 4, 3, 5, false, CONSOLIDATE",
      // weak development, benefit and prospects: adjust; weak management, benefit and prospects too
      "2, 3, 3, 2, 2, false, ADJUST",
      "3, 1, 3, 2, 1, false, ADJUST",
      // idle but with prospects: revitalise; struggling management or return with prospects: revitalise
      "3, 3, 3, 3, 3, true, REVITALISE",
      "4, 2, 3, 3, 4, false, REVITALISE",
      "3, 3, 2, 3, 3, false, REVITALISE",
      // a base to build on: upgrade; strong but idle is not consolidated
      "3, 3, 3, 3, 3, false, UPGRADE",
      "5, 4, 4, 3, 5, true, REVITALISE",
      // poor prospects alone do not adjust: the county decides on an upgrade recommendation
      "3, 3, 3, 3, 2, false, UPGRADE"})
  @PolicyRule("R36")
  void theFiveDimensionsRecommendAClass(int development, int management, int assetReturn, int benefit,
      int prospects, boolean idle, String category) throws IOException {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("development", development);
    inputs.put("management", management);
    inputs.put("assetReturn", assetReturn);
    inputs.put("householdBenefit", benefit);
    inputs.put("prospects", prospects);
    inputs.put("idle", idle);
    var result = table().evaluate(inputs).getFirstResult();
    assertThat(result.get("category")).isEqualTo(category);
    assertThat((String) result.get("reason")).startsWith("建议" + ProjectCodes.CATEGORY.get(category));
  }
}
