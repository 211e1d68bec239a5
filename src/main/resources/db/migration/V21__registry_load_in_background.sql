-- A registry load is read and applied in the background, like a department push: the uploaded file is kept until it
-- is read; reading and applying move a checkpoint a chunk at a time under a lease a node renews with every chunk
-- (after a crash another node, or this one restarted, goes on from the checkpoint).
-- Status: READING → READ → APPLYING → APPLIED, or HELD (applied but for the households with an open case, which wait
-- for the county's confirmation), or FAILED (with why).
ALTER TABLE bf_registry_load ADD COLUMN stored_path VARCHAR(500) NULL;
ALTER TABLE bf_registry_load ADD COLUMN file_format VARCHAR(4) NULL;
ALTER TABLE bf_registry_load ADD COLUMN households_total INT NOT NULL DEFAULT 0;
ALTER TABLE bf_registry_load ADD COLUMN households_read INT NOT NULL DEFAULT 0;
ALTER TABLE bf_registry_load ADD COLUMN include_open_cases BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE bf_registry_load ADD COLUMN skipped_count INT NOT NULL DEFAULT 0;
ALTER TABLE bf_registry_load ADD COLUMN failure VARCHAR(1000) NULL;
ALTER TABLE bf_registry_load ADD COLUMN lock_owner VARCHAR(64) NULL;
ALTER TABLE bf_registry_load ADD COLUMN locked_until DATETIME NULL;
UPDATE bf_registry_load SET households_total = new_count + changed_count + same_count + error_count,
                            households_read = new_count + changed_count + same_count + error_count;
-- before this migration APPLYING was left on a load applied but for its households with open cases
UPDATE bf_registry_load SET status = 'HELD' WHERE status = 'APPLYING';
CREATE INDEX ix_registry_load_status ON bf_registry_load (status, locked_until);
