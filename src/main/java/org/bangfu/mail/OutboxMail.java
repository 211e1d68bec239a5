package org.bangfu.mail;

import java.time.LocalDateTime;

/** A mail in the outbox. */
public record OutboxMail(Long id, String dedupKey, String kind, String recipient, String subject, String body,
    Long caseId, String status, int attempts, LocalDateTime nextAttemptAt, String lastError, LocalDateTime createdAt,
    LocalDateTime sentAt) {
}
