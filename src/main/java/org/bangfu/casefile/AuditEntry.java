package org.bangfu.casefile;

import java.time.LocalDateTime;

/** One row of the append-only decision audit: who decided what, when, at which step, and why. */
public record AuditEntry(Long id, Long caseId, String step, String stepName, String decision, String reason,
    String actor, String taskId, LocalDateTime createdAt) {
}
