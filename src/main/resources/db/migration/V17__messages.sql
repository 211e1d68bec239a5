-- Messages (org.bangfu.message): every notice a user gets is one row of bf_message (the message centre, 站内信),
-- written in the transaction of the step that caused it; the outbound copies of it (mail, WeCom and DingTalk group
-- robots) are rows of the one outbox, which was the mail outbox.
ALTER TABLE bf_mail_outbox RENAME TO bf_outbox;
ALTER TABLE bf_outbox ADD COLUMN channel VARCHAR(12) NOT NULL DEFAULT 'MAIL';
-- the users a robot's message mentions (@), by their mobile numbers, comma-separated
ALTER TABLE bf_outbox ADD COLUMN mentions VARCHAR(1000) NULL;
CREATE INDEX ix_outbox_recipient_sent ON bf_outbox (recipient, sent_at);
CREATE INDEX ix_outbox_due ON bf_outbox (status, channel, next_attempt_at);

CREATE TABLE bf_message (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dedup_key  VARCHAR(250) NOT NULL,
  user_id    VARCHAR(64)  NOT NULL,
  kind       VARCHAR(16)  NOT NULL,  -- NEW_TASK, RETURN, REMINDER, ESCALATION, CC, URGE, DIGEST
  title      VARCHAR(200) NOT NULL,
  body       TEXT         NOT NULL,
  case_id    BIGINT       NULL,
  task_id    VARCHAR(64)  NULL,
  created_at DATETIME     NOT NULL,
  read_at    DATETIME     NULL,
  CONSTRAINT uq_message_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_message_user ON bf_message (user_id, read_at, id);
CREATE INDEX ix_message_created ON bf_message (created_at);

-- what a user chose where it differs from the defaults (org.bangfu.message.Choices), and their mobile number
CREATE TABLE bf_message_choice (
  user_id VARCHAR(64) NOT NULL,
  channel VARCHAR(12) NOT NULL,  -- MAIL, WECOM, DINGTALK
  kind    VARCHAR(16) NOT NULL,
  enabled BOOLEAN     NOT NULL,
  PRIMARY KEY (user_id, channel, kind)
);
CREATE TABLE bf_message_contact (
  user_id    VARCHAR(64) NOT NULL PRIMARY KEY,
  mobile     VARCHAR(11) NULL,
  updated_at DATETIME    NOT NULL
);

-- a county's (or one of its groups') WeCom or DingTalk group robot, kept by the county's administrator
CREATE TABLE bf_robot (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  channel     VARCHAR(12)   NOT NULL,  -- WECOM, DINGTALK
  county_code VARCHAR(6)    NOT NULL,
  group_id    VARCHAR(64)   NOT NULL DEFAULT '',  -- '' = the whole county
  name        VARCHAR(100)  NOT NULL,
  webhook_url VARCHAR(500)  NOT NULL,
  secret      VARCHAR(200)  NULL,
  enabled     BOOLEAN       NOT NULL,
  updated_by  VARCHAR(64)   NOT NULL,
  updated_at  DATETIME      NOT NULL,
  CONSTRAINT uq_robot_scope UNIQUE (channel, county_code, group_id)
);
