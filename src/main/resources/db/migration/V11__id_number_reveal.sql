-- Who saw a full ID number: every response of the API masks ID numbers; a user who may read a household gets one
-- member's full number only by asking with a reason (POST /api/households/{id}/id-number-reveal), and each such
-- answer is kept here — the number masked, as in the case search's record. Append-only (db/vendor/mysql).
-- member_id is the member's row when the number was shown (editing a household writes its members anew).
CREATE TABLE bf_id_number_reveal (
  id                BIGINT        AUTO_INCREMENT PRIMARY KEY,
  household_id      BIGINT        NOT NULL,
  member_id         BIGINT        NOT NULL,
  id_number_masked  VARCHAR(18)   NOT NULL,
  user_id           VARCHAR(64)   NOT NULL,
  reason            VARCHAR(200)  NOT NULL,
  revealed_at       DATETIME(3)   NOT NULL
);
CREATE INDEX ix_id_number_reveal_household ON bf_id_number_reveal (household_id, revealed_at);
CREATE INDEX ix_id_number_reveal_user ON bf_id_number_reveal (user_id, revealed_at);
