-- The county dashboard reads its whole days from bf_inbox_tally and only the rows of the two days it cuts (today,
-- and the last day of "due soon") from bf_inbox: by county and due date, not by county and group any more.
-- (A vendor migration only for DROP INDEX's syntax: the same index as db/vendor/h2.)
ALTER TABLE bf_inbox
  DROP INDEX ix_inbox_county,
  ADD INDEX ix_inbox_county_due (county_code, due_date, party, proc_def_key, task_def_key, name);

-- The counts' keys compared byte by byte (code point order), as org.bangfu.inbox.InboxTable orders the rows it
-- changes: transactions that insert keys new to the table then take their locks in the index's order and cannot
-- deadlock (with the database's case-insensitive collation the two orders differ). Exact keys, too: names that differ
-- only in case are two steps.
ALTER TABLE bf_inbox_tally
  MODIFY party VARCHAR(72) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  MODIFY proc_def_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  MODIFY task_def_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  MODIFY name VARCHAR(160) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
