-- Loading a county's registry from the national monitoring system's export (org.bangfu.registry): a household is
-- known by its 户编号 there; a load is read and compared first (its items: new, changed with what changes, unchanged,
-- refused), and applied only when a county user says so, item by item in chunks (a crash resumes where it stopped).
ALTER TABLE bf_household ADD COLUMN registry_number VARCHAR(30) NULL;
CREATE UNIQUE INDEX uq_household_registry_number ON bf_household (registry_number);

CREATE TABLE bf_registry_load (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  county_code   VARCHAR(6)   NOT NULL,
  file_name     VARCHAR(200) NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  status        VARCHAR(12)  NOT NULL,  -- READ, APPLYING, APPLIED
  rows_read     INT          NOT NULL,
  new_count     INT          NOT NULL,
  changed_count INT          NOT NULL,
  same_count    INT          NOT NULL,
  error_count   INT          NOT NULL,
  open_case_count INT        NOT NULL,
  applied_count INT          NOT NULL DEFAULT 0,
  loaded_by     VARCHAR(64)  NOT NULL,
  loaded_at     DATETIME     NOT NULL,
  applied_by    VARCHAR(64)  NULL,
  applied_at    DATETIME     NULL
);
CREATE INDEX ix_registry_load_county ON bf_registry_load (county_code, id);

CREATE TABLE bf_registry_load_item (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  load_id          BIGINT       NOT NULL,
  household_number VARCHAR(30)  NOT NULL,
  action           VARCHAR(10)  NOT NULL,  -- NEW, CHANGED, SAME, ERROR
  household_id     BIGINT       NULL,
  head_name        VARCHAR(64)  NULL,
  village_code     VARCHAR(12)  NULL,
  open_case        BOOLEAN      NOT NULL DEFAULT FALSE,
  changes          TEXT         NULL,      -- what would change, one line each (ID numbers masked); or the errors
  payload          TEXT         NULL,      -- the household as the file has it (JSON), until it is applied
  state            VARCHAR(10)  NOT NULL,  -- PENDING, APPLIED, SKIPPED
  CONSTRAINT fk_registry_item_load FOREIGN KEY (load_id) REFERENCES bf_registry_load (id)
);
CREATE INDEX ix_registry_item_load ON bf_registry_load_item (load_id, action, id);
