-- Approver operations (issue 7): 退回 with what changed since, 抄送, standing delegation (代理) by date range.

-- a return (退回) of a case's step to an earlier step; the variables at the time, to show what changed on resubmission
CREATE TABLE bf_task_return (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id             BIGINT,
  process_instance_id VARCHAR(64)   NOT NULL,
  from_activity       VARCHAR(255)  NOT NULL,  -- the step that returned (its next task shows the changes)
  from_name           VARCHAR(255)  NOT NULL,
  to_activity         VARCHAR(255)  NOT NULL,
  to_name             VARCHAR(255)  NOT NULL,
  reason_code         VARCHAR(32)   NOT NULL,
  comment             VARCHAR(1000) NOT NULL,
  returned_by         VARCHAR(64)   NOT NULL,
  returned_at         TIMESTAMP(3)  NOT NULL,
  snapshot            TEXT          NOT NULL,  -- JSON: variable name -> value as text
  resubmitted_task_id VARCHAR(64),             -- the task of the returning step that showed the changes
  resubmitted_at      TIMESTAMP(3)  NULL
);
CREATE INDEX ix_return_instance ON bf_task_return (process_instance_id, from_activity, resubmitted_at);

-- a read-only copy (抄送) of a case's step to a colleague
CREATE TABLE bf_task_cc (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT        NOT NULL,
  task_id      VARCHAR(64)   NOT NULL,
  step_name    VARCHAR(255)  NOT NULL,
  recipient    VARCHAR(64)   NOT NULL,
  note         VARCHAR(500),
  sent_by      VARCHAR(64)   NOT NULL,
  sent_at      TIMESTAMP(3)  NOT NULL,
  read_at      TIMESTAMP(3)  NULL,
  CONSTRAINT uq_task_cc UNIQUE (task_id, recipient)
);
CREATE INDEX ix_cc_recipient ON bf_task_cc (recipient, read_at);

-- a stand-in for an absent user: from the first to the last day (inclusive) the user's tasks go to the stand-in too
CREATE TABLE bf_standing_delegation (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  absent_user   VARCHAR(64)   NOT NULL,
  stand_in      VARCHAR(64)   NOT NULL,
  first_day     DATE          NOT NULL,
  last_day      DATE          NOT NULL,
  reason        VARCHAR(500)  NOT NULL,
  created_by    VARCHAR(64)   NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  cancelled_at  TIMESTAMP(3)  NULL
);
CREATE INDEX ix_delegation_absent ON bf_standing_delegation (absent_user, first_day, last_day);
