-- Who changed what in the registry (org.bangfu.household.HouseholdChanges): one row per changed fact of a household,
-- ID numbers masked in the values. Append-only: the county reads it, nobody edits it.
CREATE TABLE bf_household_change (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  household_id BIGINT        NOT NULL,
  village_code VARCHAR(12)   NOT NULL,
  head_name    VARCHAR(50)   NOT NULL,
  field        VARCHAR(50)   NOT NULL,
  old_value    VARCHAR(500)  NULL,
  new_value    VARCHAR(500)  NULL,
  changed_by   VARCHAR(64)   NOT NULL,
  changed_at   DATETIME      NOT NULL
);
CREATE INDEX ix_household_change_region ON bf_household_change (village_code, id);
CREATE INDEX ix_household_change_household ON bf_household_change (household_id, id);
