package org.bangfu.evidence;

/**
 * Where the files' bytes are kept, behind one interface. The one store is the database
 * ({@link DatabaseEvidenceStore}): a file is in the same transaction as its record and the case's audit, every node
 * reads it without a shared folder, and the documented database backup includes it. A county whose files outgrow its
 * database would add a file-system or object store here; nothing else changes.
 */
public interface EvidenceStore {

  void put(long evidenceId, byte[] content);

  byte[] get(long evidenceId);
}
