-- Evidence files of a case (org.bangfu.evidence): the record, and the bytes in a table of their own so that lists
-- never read them. Nothing is deleted: a file is part of the case file, kept as long as the case.
CREATE TABLE bf_evidence (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT       NOT NULL,
  kind         VARCHAR(20)  NOT NULL,  -- APPLICATION, AUTHORISATION, NOTICE_PHOTO, DELIVERY, VISIT_PHOTO, OTHER
  file_name    VARCHAR(200) NOT NULL,
  content_type VARCHAR(40)  NOT NULL,  -- detected from the bytes: image/jpeg, image/png, application/pdf
  size_bytes   BIGINT       NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  measure_id   BIGINT       NULL,
  uploaded_by  VARCHAR(64)  NOT NULL,
  uploaded_at  DATETIME     NOT NULL,
  CONSTRAINT fk_evidence_case FOREIGN KEY (case_id) REFERENCES bf_case (id)
);
CREATE INDEX ix_evidence_case ON bf_evidence (case_id, sha256);

CREATE TABLE bf_evidence_content (
  evidence_id BIGINT   NOT NULL PRIMARY KEY,
  content     LONGBLOB NOT NULL,
  CONSTRAINT fk_evidence_content FOREIGN KEY (evidence_id) REFERENCES bf_evidence (id)
);
