package org.bangfu.evidence;

import org.springframework.stereotype.Component;

/** The files in {@code bf_evidence_content}, one row per file, written in the caller's transaction. */
@Component
class DatabaseEvidenceStore implements EvidenceStore {

  private final EvidenceMapper mapper;

  DatabaseEvidenceStore(EvidenceMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void put(long evidenceId, byte[] content) {
    mapper.insertContent(evidenceId, content);
  }

  @Override
  public byte[] get(long evidenceId) {
    EvidenceMapper.Content row = mapper.content(evidenceId);
    byte[] content = row == null ? null : row.content;
    if (content == null) {
      throw new IllegalStateException("evidence " + evidenceId + " has a record but no content");
    }
    return content;
  }
}
