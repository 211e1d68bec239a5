package org.bangfu.registry;

/** One household of a load: NEW, CHANGED (with what changes), SAME or ERROR (with why); PENDING until applied. */
public record RegistryItem(Long id, Long loadId, String householdNumber, String action, Long householdId,
    String headName, String villageCode, boolean openCase, String changes, String payload, String state) {
}
