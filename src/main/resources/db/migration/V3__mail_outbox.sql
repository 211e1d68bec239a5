-- Every mail is written here in the transaction of the step that caused it, and sent by a worker afterwards
-- (retries with backoff while SMTP is down). The dedup key makes a mail that is caused twice (a repeated check, a
-- second node) a single row.
CREATE TABLE bf_mail_outbox (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dedup_key       VARCHAR(200)  NOT NULL,
  kind            VARCHAR(24)   NOT NULL,  -- REMINDER, ESCALATION, DIGEST
  recipient       VARCHAR(200)  NOT NULL,
  subject         VARCHAR(200)  NOT NULL,
  body            TEXT          NOT NULL,
  case_id         BIGINT,
  status          VARCHAR(12)   NOT NULL,  -- PENDING, SENT, FAILED
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP     NOT NULL,
  last_error      VARCHAR(500),
  created_at      TIMESTAMP     NOT NULL,
  sent_at         TIMESTAMP NULL,
  CONSTRAINT uq_mail_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_mail_pending ON bf_mail_outbox (status, next_attempt_at);
