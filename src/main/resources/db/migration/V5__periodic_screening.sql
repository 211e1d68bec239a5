-- Periodic monitoring (domain.md §6): quarterly warnings, the Q4 income survey, the yearly concentrated screening.

CREATE TABLE bf_screening_run (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  run_key             VARCHAR(16)  NOT NULL,   -- 2026-Q4 (quarterly), 2027 (yearly 集中排查)
  kind                VARCHAR(16)  NOT NULL,   -- QUARTERLY, YEARLY
  income_from         CHAR(7)      NOT NULL,   -- the 12 months evaluated, YYYY-MM
  income_to           CHAR(7)      NOT NULL,
  households          INT          NOT NULL,   -- households evaluated
  flagged             INT          NOT NULL,
  process_instance_id VARCHAR(64),
  started_at          TIMESTAMP(3) NOT NULL,
  CONSTRAINT uq_screening_run UNIQUE (run_key, kind)
);

-- a household on a run's list: each household at most once per run and kind
CREATE TABLE bf_screening_flag (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  run_id            BIGINT        NOT NULL,
  kind              VARCHAR(16)   NOT NULL,  -- WARNING (季度预警), PRIORITY (增收重点帮扶对象), SCREENING (集中排查)
  household_id      BIGINT        NOT NULL,
  village_code      VARCHAR(12)   NOT NULL,
  township_code     VARCHAR(9)    NOT NULL,
  list_no           INT           NOT NULL,  -- the number the household has on its township's or village's list
  reasons           VARCHAR(500)  NOT NULL,
  risk_type         VARCHAR(24),
  per_capita_income DECIMAL(12,2),
  open_case_id      BIGINT,                  -- the household's case open when the list was made
  outcome           VARCHAR(24),             -- IDENTIFICATION, CHECKED, INCOME_PLAN once handled
  case_id           BIGINT,                  -- the identification the review started
  note              VARCHAR(1000),
  handled_by        VARCHAR(64),
  handled_at        TIMESTAMP(3) NULL,
  CONSTRAINT uq_screening_flag UNIQUE (run_id, kind, household_id),
  CONSTRAINT fk_flag_run FOREIGN KEY (run_id) REFERENCES bf_screening_run (id)
);
CREATE INDEX ix_flag_run_township ON bf_screening_flag (run_id, kind, township_code, list_no);
CREATE INDEX ix_flag_run_village ON bf_screening_flag (run_id, kind, village_code, list_no);
