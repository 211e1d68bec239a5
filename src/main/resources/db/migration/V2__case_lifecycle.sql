-- The case after identification: household plans (一户一策) and their versions, follow-up visits (回访),
-- measures issued from a plan, the exit review (风险消除), tracking and relapse (风险再标注).

-- IDENTIFYING, MONITORED, TRACKING (持续跟踪), ELIMINATED (风险消除), REJECTED
ALTER TABLE bf_case ADD COLUMN previous_case_id BIGINT NULL;
ALTER TABLE bf_case ADD COLUMN monitoring_since DATE NULL;
ALTER TABLE bf_case ADD COLUMN closed_at TIMESTAMP NULL;
CREATE INDEX ix_case_previous ON bf_case (previous_case_id);

-- one row per plan version; a revision is a new version, approved again; old versions are kept
CREATE TABLE bf_plan (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id             BIGINT        NOT NULL,
  plan_version        INT           NOT NULL,
  status              VARCHAR(16)   NOT NULL,  -- DRAFT, APPROVED, SUPERSEDED
  revision_reason     VARCHAR(1000),
  income_target       DECIMAL(12,2),
  review_date         DATE,
  note                VARCHAR(1000),
  household_confirmed BOOLEAN       NOT NULL DEFAULT FALSE,
  drafted_by          VARCHAR(64),
  drafted_at          TIMESTAMP NULL,
  approved_by         VARCHAR(64),
  approved_at         TIMESTAMP NULL,
  created_at          TIMESTAMP     NOT NULL,
  CONSTRAINT fk_plan_case FOREIGN KEY (case_id) REFERENCES bf_case (id),
  CONSTRAINT uq_plan_version UNIQUE (case_id, plan_version)
);

CREATE TABLE bf_plan_measure (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_id            BIGINT        NOT NULL,
  measure_code       VARCHAR(16)   NOT NULL,
  department         VARCHAR(16)   NOT NULL,
  responsible_person VARCHAR(64),
  start_date         DATE,
  amount             DECIMAL(12,2),
  due_date           DATE,
  CONSTRAINT fk_plan_measure_plan FOREIGN KEY (plan_id) REFERENCES bf_plan (id),
  CONSTRAINT uq_plan_measure UNIQUE (plan_id, measure_code)
);

ALTER TABLE bf_measure ADD COLUMN plan_id BIGINT NULL;
ALTER TABLE bf_measure ADD COLUMN due_date DATE NULL;

-- append-only like the audit: a visit is a record of what the cadre saw
CREATE TABLE bf_visit (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id        BIGINT        NOT NULL,
  visit_date     DATE          NOT NULL,
  period         CHAR(7)       NOT NULL,  -- the month whose income was observed, YYYY-MM
  net_income     DECIMAL(12,2) NOT NULL,  -- household net income of that month
  rigid_spending DECIMAL(12,2) NOT NULL,
  changes        VARCHAR(1000),
  outcome        VARCHAR(16)   NOT NULL,  -- CONTINUE, NEW_RISK, PROPOSE_EXIT
  visited_by     VARCHAR(64)   NOT NULL,
  created_at     TIMESTAMP     NOT NULL,
  CONSTRAINT fk_visit_case FOREIGN KEY (case_id) REFERENCES bf_case (id)
);
CREATE INDEX ix_visit_case ON bf_visit (case_id, id);
