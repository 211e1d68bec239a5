package org.bangfu.household;

import java.time.LocalDateTime;

/** One changed fact of a household: what, from what to what (ID numbers masked), by whom, when. */
public record HouseholdChange(Long id, Long householdId, String villageCode, String headName, String field,
    String oldValue, String newValue, String changedBy, LocalDateTime changedAt) {
}
