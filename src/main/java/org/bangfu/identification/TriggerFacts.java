package org.bangfu.identification;

import java.math.BigDecimal;

/** Risks other than income that the village confirms at home verification (domain.md §1). */
public record TriggerFacts(boolean unsafeHousing, boolean unsafeWater, boolean dropoutRisk,
    boolean noMedicalInsurance, BigDecimal medicalSelfPay) {
}
