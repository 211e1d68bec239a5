-- The county dashboard reads its whole days from bf_inbox_tally and only the rows of the two days it cuts (today,
-- and the last day of "due soon") from bf_inbox: by county and due date, not by county and group any more.
-- (A vendor migration only for DROP INDEX's syntax: the same index as db/vendor/mysql.)
DROP INDEX ix_inbox_county;
CREATE INDEX ix_inbox_county_due ON bf_inbox (county_code, due_date, party, proc_def_key, task_def_key, name);
-- (H2 has no collation here: it orders texts as Java does, the same order but for characters beyond the BMP.)
