-- The inbox page reads each party's rows in the page's order straight from an index (org.bangfu.inbox.InboxTable:
-- the task id breaks ties), so the creation-time and due-date indexes carry the task id right after the sort column.
-- (A vendor migration only for DROP INDEX's syntax: the same indexes as db/vendor/mysql.)
DROP INDEX ix_inbox_created;
DROP INDEX ix_inbox_due;
CREATE INDEX ix_inbox_created ON bf_inbox (party, create_time, task_id, suspended);
CREATE INDEX ix_inbox_due ON bf_inbox (party, due_date, task_id, suspended);
