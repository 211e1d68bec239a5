package org.bangfu.evidence;

import java.time.LocalDateTime;

/** A file kept with a case: what it shows, what it is (detected from its bytes), its checksum, who added it when. */
public record Evidence(Long id, Long caseId, String kind, String fileName, String contentType, long sizeBytes,
    String sha256, Long measureId, String uploadedBy, LocalDateTime uploadedAt) {
}
