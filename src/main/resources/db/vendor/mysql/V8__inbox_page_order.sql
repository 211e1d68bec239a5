-- The inbox page reads each party's rows in the page's order straight from an index (org.bangfu.inbox.InboxTable:
-- the task id breaks ties), so the creation-time and due-date indexes carry the task id right after the sort column.
-- (A vendor migration only for DROP INDEX's syntax: the same indexes as db/vendor/h2.)
ALTER TABLE bf_inbox
  DROP INDEX ix_inbox_created,
  DROP INDEX ix_inbox_due,
  ADD INDEX ix_inbox_created (party, create_time, task_id, suspended),
  ADD INDEX ix_inbox_due (party, due_date, task_id, suspended);
