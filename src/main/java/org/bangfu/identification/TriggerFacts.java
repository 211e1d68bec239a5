package org.bangfu.identification;

import java.math.BigDecimal;

/** Risks other than income that the village confirms at home verification (docs/domain.md §1). */
public record TriggerFacts(boolean unsafeHousing, boolean unsafeWater, boolean dropoutRisk,
    boolean noMedicalInsurance, BigDecimal medicalSelfPay) {

  /** No risk besides income known (the what-if over the registry). */
  public static final TriggerFacts NONE = new TriggerFacts(false, false, false, false, BigDecimal.ZERO);
}
