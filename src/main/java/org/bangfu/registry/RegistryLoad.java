package org.bangfu.registry;

import java.time.LocalDateTime;

/** A registry file read and compared: what it would do, and how much of it was applied. */
public record RegistryLoad(Long id, String countyCode, String fileName, String sha256, String status, int rowsRead,
    int newCount, int changedCount, int sameCount, int errorCount, int openCaseCount, int appliedCount,
    String loadedBy, LocalDateTime loadedAt, String appliedBy, LocalDateTime appliedAt) {
}
