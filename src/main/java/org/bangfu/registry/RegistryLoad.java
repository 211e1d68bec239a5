package org.bangfu.registry;

import java.time.LocalDateTime;

/**
 * A registry file being read and compared, or read: what it would do, and how much of it was applied. Reading
 * moves {@code householdsRead} towards {@code householdsTotal}; applying moves {@code appliedCount} and
 * {@code skippedCount} (left alone, with why, on the item) towards the new and changed households.
 */
public record RegistryLoad(Long id, String countyCode, String fileName, String sha256, String status, int rowsRead,
    int householdsTotal, int householdsRead, int newCount, int changedCount, int sameCount, int errorCount,
    int openCaseCount, int appliedCount, int skippedCount, boolean includeOpenCases, String failure,
    String loadedBy, LocalDateTime loadedAt, String appliedBy, LocalDateTime appliedAt) {

  /** Statuses: read in the background, read, applied in the background, applied, applied but for open cases. */
  public static final String READING = "READING";
  public static final String READ = "READ";
  public static final String APPLYING = "APPLYING";
  public static final String APPLIED = "APPLIED";
  public static final String HELD = "HELD";
  public static final String FAILED = "FAILED";
}
