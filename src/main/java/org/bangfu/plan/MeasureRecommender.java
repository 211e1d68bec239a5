package org.bangfu.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.catalogue.RiskType;

/**
 * 一户一策: recommends measures with the DMN {@code Decision_MeasureRecommendation}, evaluated once per risk type of
 * the case (so every measure answers a risk or the household's labour situation), the results merged: each measure
 * once, with all the reasons that led to it. The rules live in the DMN; this class only feeds it and merges.
 */
public class MeasureRecommender {

  public static final String DECISION = "Decision_MeasureRecommendation";

  public record Recommendation(MeasureCode measure, String department, List<String> reasons) {
  }

  private final Function<Map<String, Object>, List<Map<String, Object>>> decision;

  /** The recommender on the deployed decision table, shared by the plan's draft and the recommendation API. */
  @org.springframework.context.annotation.Configuration
  static class Deployed {
    @org.springframework.context.annotation.Bean
    MeasureRecommender measureRecommender(org.camunda.bpm.engine.DecisionService decisionService) {
      return new MeasureRecommender(variables -> decisionService.evaluateDecisionTableByKey(DECISION, variables)
          .getResultList());
    }
  }

  /** @param decision evaluates the decision table with these variables and returns its rows (COLLECT) */
  public MeasureRecommender(Function<Map<String, Object>, List<Map<String, Object>>> decision) {
    this.decision = decision;
  }

  public List<Recommendation> recommend(List<RiskType> riskTypes, LabourProfile household) {
    Map<MeasureCode, List<String>> reasons = new LinkedHashMap<>();
    for (RiskType riskType : riskTypes) {
      for (Map<String, Object> row : decision.apply(variables(riskType, household))) {
        List<String> list = reasons.computeIfAbsent(MeasureCode.valueOf((String) row.get("measureCode")),
            code -> new ArrayList<>());
        String reason = (String) row.get("reason");
        if (!list.contains(reason)) {
          list.add(reason);
        }
      }
    }
    List<Recommendation> recommendations = new ArrayList<>();
    reasons.forEach((code, why) -> recommendations.add(new Recommendation(code, code.department().name(), why)));
    return recommendations;
  }

  static Map<String, Object> variables(RiskType riskType, LabourProfile household) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("riskType", riskType.name());
    variables.put("householdKind", household.householdKind());
    variables.put("fullLabour", household.fullLabour());
    variables.put("weakOrHalfLabour", household.weakOrHalfLabour());
    variables.put("labourShare", household.labourShare());
    variables.put("members", household.members());
    variables.put("rigidSpendingShare", household.rigidSpendingShare());
    variables.put("provinceCode", household.provinceCode());
    return variables;
  }
}
