package org.bangfu.identification;

import java.math.BigDecimal;

/**
 * Risks other than the past year's income that the village confirms at home verification (docs/domain.md §1, §2):
 * among them a sharp drop of income (收入大幅缩减: job lost, harvest or prices failed) that the past 12 months do not
 * show yet.
 */
public record TriggerFacts(boolean unsafeHousing, boolean unsafeWater, boolean dropoutRisk,
    boolean noMedicalInsurance, BigDecimal medicalSelfPay, boolean sharpIncomeDrop) {

  /** No risk besides income known (the what-if over the registry). */
  public static final TriggerFacts NONE = new TriggerFacts(false, false, false, false, BigDecimal.ZERO, false);
}
