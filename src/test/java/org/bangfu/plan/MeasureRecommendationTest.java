package org.bangfu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.catalogue.MeasureCode.*;
import static org.bangfu.catalogue.RiskType.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.catalogue.RiskType;
import org.bangfu.plan.MeasureRecommender.Recommendation;
import org.bangfu.policy.PolicyRule;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * processes/MeasureRecommendation.dmn on the DMN engine: the plan column of the acceptance scenarios (docs/domain.md §8)
 * and the labour-capacity rules.
 */
class MeasureRecommendationTest {

  static MeasureRecommender recommender;

  @BeforeAll
  static void parse() throws IOException {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("processes/MeasureRecommendation.dmn"))) {
      DmnDecision decision = engine.parseDecision(MeasureRecommender.DECISION, dmn);
      recommender = new MeasureRecommender(v -> engine.evaluateDecisionTable(decision, v).getResultList());
    }
  }

  @Test
  @PolicyRule({"R14", "R18"})
  void scenario1_formerlyPoorWithIllnessAndUnstableWork() {
    assertThat(codes(List.of(ILLNESS, UNSTABLE_WORK), new LabourProfile("FORMERLY_POOR", "62", 4, 2, 0, 0)))
        .containsExactlyInAnyOrder(MEDICAL, EMPLOYMENT, INDUSTRY);
  }

  @Test
  @PolicyRule("R14")
  void scenario2_lostJobWithAHalfLabourer() {
    assertThat(codes(List.of(UNSTABLE_WORK), new LabourProfile("ORDINARY", "62", 3, 1, 1, 0)))
        .containsExactlyInAnyOrder(EMPLOYMENT, PUBLIC_JOB);
  }

  @Test
  void scenario3_cancerWithLargeSelfPay() {
    assertThat(codes(List.of(ILLNESS), new LabourProfile("ORDINARY", "62", 4, 2, 0, 45000.0 / 60000)))
        .containsExactlyInAnyOrder(MEDICAL, TEMP_RELIEF, EMPLOYMENT);
  }

  @Test
  void scenario4_floodDestroysTheOnlyHouse() {
    assertThat(codes(List.of(RiskType.DISASTER, RiskType.HOUSING), new LabourProfile("FORMERLY_POOR", "62", 5, 2, 1, 0)))
        .containsExactlyInAnyOrder(MeasureCode.DISASTER, MeasureCode.HOUSING, TEMP_RELIEF);
  }

  @Test
  void scenario5_noLabourGetsTheSafetyNet() {
    assertThat(codes(List.of(LACK_OF_LABOUR), new LabourProfile("ORDINARY", "62", 2, 0, 0, 0)))
        .containsExactlyInAnyOrder(DIBAO, MEDICAL);
  }

  @Test
  @PolicyRule("R14")
  void aLoneMemberWithoutLabourIsAlsoRecommendedTekun() {
    assertThat(codes(List.of(LACK_OF_LABOUR), new LabourProfile("ORDINARY", "62", 1, 0, 0, 0)))
        .contains(MeasureCode.TEKUN, DIBAO);
    assertThat(codes(List.of(LACK_OF_LABOUR), new LabourProfile("ORDINARY", "62", 2, 0, 0, 0)))
        .doesNotContain(MeasureCode.TEKUN);
  }

  @Test
  void weakOrHalfLabourOnlyGetsBothPublicJobsAndSafetyNet() {
    assertThat(codes(List.of(ILLNESS), new LabourProfile("ORDINARY", "62", 3, 0, 1, 0)))
        .containsExactlyInAnyOrder(MEDICAL, PUBLIC_JOB, DIBAO);
  }

  @Test
  void guangxiFocusesHouseholdsWithLabourBelowAQuarter() {
    LabourProfile fewWorkers = new LabourProfile("ORDINARY", "45", 5, 1, 0, 0);
    assertThat(codes(List.of(ILLNESS), fewWorkers)).contains(DIBAO);
    assertThat(codes(List.of(ILLNESS), new LabourProfile("ORDINARY", "62", 5, 1, 0, 0))).doesNotContain(DIBAO);
  }

  @Test
  void eachMeasureOnceWithEveryReasonAndItsDepartment() {
    List<Recommendation> recommendations = recommender.recommend(List.of(RiskType.DISASTER, ACCIDENT),
        new LabourProfile("ORDINARY", "62", 3, 2, 0, 0));
    Recommendation relief = recommendations.stream().filter(r -> r.measure() == TEMP_RELIEF).findFirst().orElseThrow();
    assertThat(relief.department()).isEqualTo("CIVIL");
    assertThat(relief.reasons()).containsExactly("急难：临时救助", "因意外事故：临时救助");
    assertThat(recommendations).extracting(Recommendation::measure).doesNotHaveDuplicates();
  }

  private static List<MeasureCode> codes(List<RiskType> risks, LabourProfile household) {
    return recommender.recommend(risks, household).stream().map(Recommendation::measure).toList();
  }
}
