package org.bangfu.message;

import java.time.LocalDateTime;

/** A message in a user's message centre. */
public record UserMessage(Long id, String kind, String title, String body, Long caseId, String taskId,
    LocalDateTime createdAt, LocalDateTime readAt) {
}
