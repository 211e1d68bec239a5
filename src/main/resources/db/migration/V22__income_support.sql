-- 增收重点帮扶对象 (seed 001 §26–§30), per household.
-- A month's income by its four kinds (经营性、工资性、财产性、转移性 净收入), as the statistics count them: their sum is
-- the month's net income. Months recorded before this migration (and months entered as one figure) keep their net
-- income and have no breakdown (NULL): the breakdown is not invented after the fact.
ALTER TABLE bf_income ADD COLUMN business_income DECIMAL(12,2) NULL;
ALTER TABLE bf_income ADD COLUMN wage_income DECIMAL(12,2) NULL;
ALTER TABLE bf_income ADD COLUMN property_income DECIMAL(12,2) NULL;
ALTER TABLE bf_income ADD COLUMN transfer_income DECIMAL(12,2) NULL;

-- The ledger (专门台账, §26): one row per household listed by a year's Q4 income survey, with why its income is low
-- or falling (by kind), its plan, its paired cadre (§30), its technical instructor (§27), its job support (§28), its
-- social-security review (§29), and the next year's survey to compare with. Rows are never deleted.
CREATE TABLE bf_income_support (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  survey_year         INT           NOT NULL,
  run_id              BIGINT        NOT NULL,
  household_id        BIGINT        NOT NULL,
  village_code        VARCHAR(12)   NOT NULL,
  county_code         VARCHAR(6)    NOT NULL,
  per_capita_income   DECIMAL(12,2) NOT NULL,
  previous_income     DECIMAL(12,2) NULL,      -- the 12 months before, per head, when all were recorded
  analysis            TEXT          NOT NULL,  -- why, one finding per line, in the cadres' words
  labour_short        BOOLEAN       NOT NULL,  -- no labour, only weak labour, or labour under a quarter (§29)
  status              VARCHAR(16)   NOT NULL,  -- LISTED, PLANNED, SUPPORTED
  causes              VARCHAR(500)  NULL,
  plan                VARCHAR(1000) NULL,
  paired_cadre        VARCHAR(100)  NULL,
  support_industry    BOOLEAN       NULL,
  support_employment  BOOLEAN       NULL,
  support_social      BOOLEAN       NULL,
  planned_by          VARCHAR(64)   NULL,
  planned_at          TIMESTAMP(3)  NULL,
  instructor          VARCHAR(100)  NULL,
  industry_measures   VARCHAR(1000) NULL,
  instructed_by       VARCHAR(64)   NULL,
  employment_outcome  VARCHAR(24)   NULL,
  employment_note     VARCHAR(1000) NULL,
  employed_by         VARCHAR(64)   NULL,
  social_outcome      VARCHAR(24)   NULL,
  social_note         VARCHAR(1000) NULL,
  social_by           VARCHAR(64)   NULL,
  case_id             BIGINT        NULL,      -- the identification the plan started (a risk of falling back)
  next_year_income    DECIMAL(12,2) NULL,      -- per head, from the next year's survey
  process_instance_id VARCHAR(64)   NULL,
  created_at          TIMESTAMP(3)  NOT NULL,
  updated_at          TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uq_income_support UNIQUE (survey_year, household_id)
);
CREATE INDEX ix_income_support_region ON bf_income_support (survey_year, village_code);
CREATE INDEX ix_income_support_county ON bf_income_support (survey_year, county_code, status);
