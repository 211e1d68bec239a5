-- Department data pushes (部门筛查预警): one import per uploaded file, every row kept once by its business key.

CREATE TABLE bf_import (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  department    VARCHAR(16)  NOT NULL,
  county_code   VARCHAR(6)   NOT NULL,
  file_name     VARCHAR(200) NOT NULL,
  file_format   VARCHAR(8)   NOT NULL,     -- CSV, XLSX
  file_sha256   CHAR(64)     NOT NULL,
  stored_path   VARCHAR(500) NOT NULL,
  status        VARCHAR(16)  NOT NULL,     -- RUNNING, DONE, FAILED
  total_rows    INT          NOT NULL,
  rows_done     INT          NOT NULL DEFAULT 0,  -- the checkpoint: data rows processed and committed
  rows_flagged  INT          NOT NULL DEFAULT 0,
  cases_opened  INT          NOT NULL DEFAULT 0,
  signals_attached INT       NOT NULL DEFAULT 0,
  rows_duplicate INT         NOT NULL DEFAULT 0,
  rows_error    INT          NOT NULL DEFAULT 0,
  failure       VARCHAR(1000),
  started_by    VARCHAR(64)  NOT NULL,
  started_at    TIMESTAMP(3) NOT NULL,
  finished_at   TIMESTAMP(3) NULL,
  busy_millis   BIGINT       NOT NULL DEFAULT 0,  -- time spent processing, for rows/s across restarts
  lock_owner    VARCHAR(64),
  locked_until  TIMESTAMP(3) NULL,
  CONSTRAINT uq_import_file UNIQUE (department, county_code, file_sha256)
);
CREATE INDEX ix_import_status ON bf_import (status, locked_until);

-- one row per pushed record: the department's record number is the business key, so a row seen twice is skipped
CREATE TABLE bf_push_record (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  department    VARCHAR(16)  NOT NULL,
  county_code   VARCHAR(6)   NOT NULL,
  record_no     VARCHAR(40)  NOT NULL,
  import_id     BIGINT       NOT NULL,
  row_no        INT          NOT NULL,
  household_id  BIGINT       NOT NULL,
  category      VARCHAR(32),
  amount        DECIMAL(12,2),
  quantity      INT,                       -- a count the department gives (持续天数, 本年务工月数)
  event_date    DATE,
  outcome       VARCHAR(16)  NOT NULL,     -- NOT_FLAGGED, CASE_OPENED, SIGNAL_ATTACHED
  risk_type     VARCHAR(24),
  reason        VARCHAR(200),
  case_id       BIGINT,
  CONSTRAINT uq_push_record UNIQUE (department, county_code, record_no),
  CONSTRAINT fk_push_import FOREIGN KEY (import_id) REFERENCES bf_import (id)
);
CREATE INDEX ix_push_household ON bf_push_record (household_id);

CREATE TABLE bf_import_error (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  import_id     BIGINT       NOT NULL,
  row_no        INT          NOT NULL,
  column_name   VARCHAR(32),
  reason        VARCHAR(300) NOT NULL,
  CONSTRAINT uq_import_error UNIQUE (import_id, row_no, column_name),
  CONSTRAINT fk_import_error FOREIGN KEY (import_id) REFERENCES bf_import (id)
);

-- a case's signal that came from a pushed record names it; each record is attached once
ALTER TABLE bf_case_signal ADD COLUMN push_record_id BIGINT NULL;
CREATE UNIQUE INDEX uq_signal_push_record ON bf_case_signal (push_record_id);
