-- Bangfu domain schema. Runs on MySQL 8, MariaDB 11.4 and H2 (MODE=MySQL).
-- Camunda owns the ACT_* tables; Flyway owns these.

CREATE TABLE bf_region (
  code        VARCHAR(12)  NOT NULL PRIMARY KEY,
  name        VARCHAR(64)  NOT NULL,
  region_level VARCHAR(16) NOT NULL,        -- PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE
  parent_code VARCHAR(12)
);

CREATE TABLE bf_household (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  head_name     VARCHAR(64)  NOT NULL,
  village_code  VARCHAR(12)  NOT NULL,
  household_kind VARCHAR(16) NOT NULL,      -- FORMERLY_POOR (脱贫户), ORDINARY (一般农户)
  address       VARCHAR(200),
  created_at    TIMESTAMP    NOT NULL,
  updated_at    TIMESTAMP    NOT NULL,
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT fk_household_village FOREIGN KEY (village_code) REFERENCES bf_region (code)
);
CREATE INDEX ix_household_village ON bf_household (village_code);

CREATE TABLE bf_member (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  household_id    BIGINT      NOT NULL,
  name            VARCHAR(64) NOT NULL,
  id_number       CHAR(18)    NOT NULL,
  relation        VARCHAR(16) NOT NULL,     -- HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, OTHER
  labour_capacity VARCHAR(8)  NOT NULL,     -- FULL, WEAK, HALF, NONE
  CONSTRAINT fk_member_household FOREIGN KEY (household_id) REFERENCES bf_household (id),
  CONSTRAINT uq_member_id_number UNIQUE (id_number)
);
CREATE INDEX ix_member_household ON bf_member (household_id);

CREATE TABLE bf_income (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  household_id   BIGINT        NOT NULL,
  period         CHAR(7)       NOT NULL,    -- YYYY-MM
  net_income     DECIMAL(12,2) NOT NULL,    -- household net income of the month (纯收入)
  rigid_spending DECIMAL(12,2) NOT NULL,    -- eligible out-of-pocket rigid spending (合规自付支出)
  note           VARCHAR(200),
  CONSTRAINT fk_income_household FOREIGN KEY (household_id) REFERENCES bf_household (id),
  CONSTRAINT uq_income_period UNIQUE (household_id, period)
);

CREATE TABLE bf_case (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  business_key        VARCHAR(40)  NOT NULL,
  household_id        BIGINT       NOT NULL,
  village_code        VARCHAR(12)  NOT NULL,
  township_code       VARCHAR(9)   NOT NULL,
  county_code         VARCHAR(6)   NOT NULL,
  channel             VARCHAR(24)  NOT NULL,  -- SELF_APPLICATION, CADRE_SCREENING, DEPARTMENT_SIGNAL
  status              VARCHAR(24)  NOT NULL,  -- IDENTIFYING, MONITORED, REJECTED
  risk_types          VARCHAR(200) NOT NULL,
  green_channel       BOOLEAN      NOT NULL DEFAULT FALSE,
  household_type      VARCHAR(8),             -- TPBWD, BYYZP, TFYZKN once decided
  per_capita_income   DECIMAL(12,2),
  adjusted_income     DECIMAL(12,2),
  income_threshold    DECIMAL(12,2),
  signal_date         DATE         NOT NULL,
  deadline            DATE         NOT NULL,
  decided_by          VARCHAR(64),
  decided_at          TIMESTAMP NULL,
  decision_reason     VARCHAR(500),
  process_instance_id VARCHAR(64),
  opened_by           VARCHAR(64)  NOT NULL,
  opened_at           TIMESTAMP    NOT NULL,
  version             INT          NOT NULL DEFAULT 0,
  CONSTRAINT uq_case_business_key UNIQUE (business_key),
  CONSTRAINT fk_case_household FOREIGN KEY (household_id) REFERENCES bf_household (id)
);
CREATE INDEX ix_case_household ON bf_case (household_id, status);
CREATE INDEX ix_case_county ON bf_case (county_code, status);

CREATE TABLE bf_case_signal (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT       NOT NULL,
  department   VARCHAR(16)  NOT NULL,
  signal_kind  VARCHAR(32)  NOT NULL,
  detail       VARCHAR(500),
  amount       DECIMAL(12,2),
  received_at  TIMESTAMP    NOT NULL,
  CONSTRAINT fk_signal_case FOREIGN KEY (case_id) REFERENCES bf_case (id)
);

-- append-only: the application never updates or deletes these rows
CREATE TABLE bf_case_audit (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id    BIGINT       NOT NULL,
  step       VARCHAR(64)  NOT NULL,
  step_name  VARCHAR(64)  NOT NULL,
  decision   VARCHAR(24)  NOT NULL,
  reason     VARCHAR(1000),
  actor      VARCHAR(64)  NOT NULL,
  task_id    VARCHAR(64),
  created_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_audit_case FOREIGN KEY (case_id) REFERENCES bf_case (id)
);
CREATE INDEX ix_audit_case ON bf_case_audit (case_id, id);

CREATE TABLE bf_measure (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id             BIGINT        NOT NULL,
  measure_code        VARCHAR(16)   NOT NULL,
  department          VARCHAR(16)   NOT NULL,
  urgent              BOOLEAN       NOT NULL DEFAULT FALSE,
  status              VARCHAR(16)   NOT NULL,  -- OPEN, DELIVERED, CANCELLED
  amount              DECIMAL(12,2),
  result              VARCHAR(500),
  evidence            VARCHAR(500),
  delivered_by        VARCHAR(64),
  delivered_at        TIMESTAMP NULL,
  process_instance_id VARCHAR(64),
  created_at          TIMESTAMP     NOT NULL,
  CONSTRAINT fk_measure_case FOREIGN KEY (case_id) REFERENCES bf_case (id)
);
CREATE INDEX ix_measure_case ON bf_measure (case_id);
