-- Incomes pushed by departments (部门收入数据), issue "the seeds' two other programmes" A: what a department pays or
-- knows a household earned in a month, by kind — 人社's wages of public posts and pensions, 民政's 低保金 and 特困
-- 供养金, 农业农村's dividends and subsidies, 林草's 生态护林员 wages, 残联's 两项补贴. They are kept as items beside
-- the months the village records on its visits (bf_income), never merged into them: a department knows one part of a
-- month, not its net income. The income analysis compares the two and names the months where the village recorded
-- less of a kind than the departments paid.
ALTER TABLE bf_import ADD COLUMN dataset VARCHAR(8) NOT NULL DEFAULT 'SIGNAL';  -- SIGNAL (预警数据), INCOME (收入数据)

CREATE TABLE bf_income_item (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  department    VARCHAR(16)   NOT NULL,
  county_code   VARCHAR(6)    NOT NULL,
  record_no     VARCHAR(40)   NOT NULL,   -- the department's own number: a row pushed twice counts once
  import_id     BIGINT        NOT NULL,
  row_no        INT           NOT NULL,
  household_id  BIGINT        NOT NULL,
  period        CHAR(7)       NOT NULL,   -- YYYY-MM
  kind          VARCHAR(8)    NOT NULL,   -- BUSINESS, WAGE, PROPERTY, TRANSFER
  item          VARCHAR(200)  NULL,       -- 项目: 低保金, 公益性岗位工资…
  amount        DECIMAL(12,2) NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uq_income_item UNIQUE (department, county_code, record_no)
);
CREATE INDEX ix_income_item_household ON bf_income_item (household_id, period);
