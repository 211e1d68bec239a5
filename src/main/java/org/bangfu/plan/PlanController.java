package org.bangfu.plan;

import java.util.ArrayList;
import java.util.List;
import org.bangfu.catalogue.RiskType;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdService;
import org.bangfu.plan.MeasureRecommender.Recommendation;
import org.bangfu.region.RegionCode;
import org.bangfu.security.CurrentUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The measures the DMN recommends for a household's plan (一户一策), for the cadre drafting it. */
@RestController
public class PlanController {

  private final HouseholdService households;
  private final CurrentUser currentUser;
  private final RegionAccess access;
  private final MeasureRecommender recommender;

  public PlanController(HouseholdService households, CurrentUser currentUser, RegionAccess access,
      MeasureRecommender recommender) {
    this.households = households;
    this.currentUser = currentUser;
    this.access = access;
    this.recommender = recommender;
  }

  @GetMapping("/api/households/{id}/recommended-measures")
  public List<Recommendation> recommend(@PathVariable Long id, @RequestParam List<String> riskTypes) {
    Household household = households.find(id);
    access.requireVisible(currentUser.get(), household.getVillageCode(), "农户");
    List<RiskType> risks = new ArrayList<>();
    for (String riskType : riskTypes) {
      try {
        risks.add(RiskType.valueOf(riskType.trim()));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("riskTypes", "未知的风险类型：" + riskType);
      }
    }
    LabourProfile profile = LabourProfile.of(household.getKind(),
        new RegionCode(household.getVillageCode()).province(), households.members(id),
        households.incomeTest(id, EngineClock.today()));
    return recommender.recommend(risks, profile);
  }
}
