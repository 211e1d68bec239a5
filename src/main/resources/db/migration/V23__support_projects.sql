-- 帮扶产业和项目 (seed 003): the county's support industries and projects, the households they benefit (联农带农),
-- each year's review by five dimensions with the 四个一批 class the county decides, and the asset ledger's history
-- (扶贫项目资产台账: every registration, class and status change, never deleted).
CREATE TABLE bf_support_project (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_no    VARCHAR(40)   NOT NULL,  -- the project library's number (项目库编号), unique in its county
  county_code   VARCHAR(6)    NOT NULL,
  village_code  VARCHAR(12)   NOT NULL,  -- where it is (a township's or county's project: the village it is run from)
  name          VARCHAR(100)  NOT NULL,
  industry      VARCHAR(16)   NOT NULL,  -- PLANTING, BREEDING, PROCESSING, TOURISM, PHOTOVOLTAIC, WORKSHOP, OTHER
  operator_name VARCHAR(100)  NOT NULL,  -- 运营主体
  fund_source   VARCHAR(16)   NOT NULL,  -- BRIDGING, INTEGRATED, EAST_WEST, PAIRED, OTHER
  investment    DECIMAL(14,2) NOT NULL,  -- 元
  asset_owner   VARCHAR(16)   NOT NULL,  -- COLLECTIVE, HOUSEHOLDS, STATE, OTHER
  built_year    INT           NOT NULL,
  status        VARCHAR(16)   NOT NULL,  -- OPERATING, IDLE (停产闲置), BUILDING, RETIRED (销号退出)
  category      VARCHAR(16)   NULL,      -- the latest decided class: CONSOLIDATE, UPGRADE, REVITALISE, ADJUST
  created_by    VARCHAR(64)   NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  updated_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uq_support_project UNIQUE (county_code, project_no)
);
CREATE INDEX ix_support_project_village ON bf_support_project (village_code);

CREATE TABLE bf_support_project_household (
  project_id   BIGINT      NOT NULL,
  household_id BIGINT      NOT NULL,
  link_type    VARCHAR(16) NOT NULL,     -- EMPLOYMENT, DIVIDEND, ORDER, ENTRUSTED, COOPERATIVE, OTHER
  PRIMARY KEY (project_id, household_id)
);
CREATE INDEX ix_support_project_household ON bf_support_project_household (household_id);

CREATE TABLE bf_support_project_review (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id          BIGINT        NOT NULL,
  review_year         INT           NOT NULL,
  status              VARCHAR(16)   NOT NULL,  -- SCORING, DECIDING, DECIDED
  development         INT           NULL,      -- 产业发展水平, 1–5
  management          INT           NULL,      -- 经营管理状况
  asset_return        INT           NULL,      -- 项目资产收益
  household_benefit   INT           NULL,      -- 联农带农效果
  prospects           INT           NULL,      -- 产业发展前景
  revenue             DECIMAL(14,2) NULL,      -- last year's income of the project, 元
  households_benefiting INT         NULL,      -- 带动脱贫户（监测户）数
  findings            VARCHAR(1000) NULL,
  scored_by           VARCHAR(64)   NULL,
  scored_at           TIMESTAMP(3)  NULL,
  recommended         VARCHAR(16)   NULL,
  recommendation      VARCHAR(500)  NULL,      -- why, from the decision table
  category            VARCHAR(16)   NULL,
  decision_reason     VARCHAR(1000) NULL,
  decided_by          VARCHAR(64)   NULL,
  decided_at          TIMESTAMP(3)  NULL,
  process_instance_id VARCHAR(64)   NULL,
  CONSTRAINT uq_support_project_review UNIQUE (project_id, review_year)
);

CREATE TABLE bf_support_project_ledger (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id  BIGINT        NOT NULL,
  entry       VARCHAR(16)   NOT NULL,  -- REGISTERED, SCORED, CLASSIFIED, STATUS
  detail      VARCHAR(1000) NOT NULL,
  actor       VARCHAR(64)   NOT NULL,
  created_at  TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_support_project_ledger ON bf_support_project_ledger (project_id, id);
