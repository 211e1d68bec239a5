package org.bangfu.workers.supportindustry;

import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.supportindustry.ProjectReviewProcess.*;

import java.math.BigDecimal;
import org.bangfu.supportindustry.SupportProjectMapper.Scores;
import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecommendCategory: the village's scores are kept and the decision table recommends a 四个一批 class. */
@Component
public class RecommendCategoryDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public RecommendCategoryDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Double revenue = PROJECT_REVENUE.get(execution);
    Long households = HOUSEHOLDS_BENEFITING.get(execution);
    projects.recordScores(REVIEW_ID.get(execution), new Scores(SCORE_DEVELOPMENT.get(execution).intValue(),
        SCORE_MANAGEMENT.get(execution).intValue(), SCORE_ASSET_RETURN.get(execution).intValue(),
        SCORE_HOUSEHOLD_BENEFIT.get(execution).intValue(), SCORE_PROSPECTS.get(execution).intValue()),
        revenue == null ? null : BigDecimal.valueOf(revenue), households == null ? null : households.intValue(),
        PROJECT_IDLE.getOrDefault(execution, false), REVIEW_FINDINGS.get(execution), DECIDED_BY.get(execution));
  }
}
