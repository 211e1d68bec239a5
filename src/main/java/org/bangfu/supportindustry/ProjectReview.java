package org.bangfu.supportindustry;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A project's review of a year: the village's scores on the seed's five dimensions (1–5), what the decision table
 * recommends, and the class the county decided with its reason.
 */
public record ProjectReview(Long id, Long projectId, int reviewYear, String status, Integer development,
    Integer management, Integer assetReturn, Integer householdBenefit, Integer prospects, BigDecimal revenue,
    Integer householdsBenefiting, String findings, String scoredBy, LocalDateTime scoredAt, String recommended,
    String recommendation, String category, String decisionReason, String decidedBy, LocalDateTime decidedAt,
    String processInstanceId, Boolean idle) {

  public static final String SCORING = "SCORING";
  public static final String DECIDING = "DECIDING";
  public static final String DECIDED = "DECIDED";
}
