-- Counts kept, not counted (issue 28): how many open tasks each party holds, by step and due day, kept by
-- org.bangfu.inbox in the engine's transaction as the inbox rows change. An inbox count sums a party's rows here
-- instead of counting its rows of bf_inbox, and the county dashboard sums its groups' rows, whatever the number of
-- open tasks. Rows of the same key are spread over a few slots (each inbox row names its slot), so concurrent
-- completions of one step rarely wait for each other; a count is the sum over the slots.
CREATE TABLE bf_inbox_tally (
  party        VARCHAR(72)  NOT NULL,  -- as bf_inbox
  due_day      DATE         NOT NULL,  -- the due date's day on the server's clock; 9999-12-31 for no due date
  suspended    BOOLEAN      NOT NULL,
  proc_def_key VARCHAR(255) NOT NULL,  -- '' for a task without a process
  task_def_key VARCHAR(255) NOT NULL,  -- '' for none
  name         VARCHAR(160) NOT NULL,  -- as bf_inbox.name; '' for none
  slot         SMALLINT     NOT NULL,
  county_code  VARCHAR(6),             -- as bf_inbox.county_code
  tasks        BIGINT       NOT NULL,
  PRIMARY KEY (party, due_day, suspended, proc_def_key, task_def_key, name, slot)
);
-- the county dashboard: a county's count rows from the index alone (the primary key's columns are in its entries)
CREATE INDEX ix_inbox_tally_county ON bf_inbox_tally (county_code, tasks);

-- How many candidate parties (groups and users, not the assignee) the task of a row has: a count over several of a
-- user's parties subtracts the tasks it met more than once, read from the rows of such tasks only.
ALTER TABLE bf_inbox ADD COLUMN candidate_parties INT NOT NULL DEFAULT 0;
-- the slot of bf_inbox_tally the row is counted in (the rows there now: slot 0)
ALTER TABLE bf_inbox ADD COLUMN tally_slot SMALLINT NOT NULL DEFAULT 0;
CREATE TABLE bf_inbox_migration_parties (task_id VARCHAR(64) NOT NULL PRIMARY KEY, parties INT NOT NULL);
INSERT INTO bf_inbox_migration_parties (task_id, parties)
  SELECT task_id, COUNT(*) FROM bf_inbox WHERE party NOT LIKE 'A:%' GROUP BY task_id;
UPDATE bf_inbox SET candidate_parties = COALESCE(
  (SELECT p.parties FROM bf_inbox_migration_parties p WHERE p.task_id = bf_inbox.task_id), 0);
DROP TABLE bf_inbox_migration_parties;
CREATE INDEX ix_inbox_shared ON bf_inbox (party, candidate_parties, suspended, due_date, task_id);

-- Tasklist's order of the standard filters: the filter's (due date first) then Tasklist's own (newest first), the
-- task id breaking ties in the direction of the last (org.bangfu.inbox.InboxTable.page): each party's first rows
-- of a page straight from this index, where the due-date index alone left every row of the party to be sorted
CREATE INDEX ix_inbox_due_created ON bf_inbox (party, due_date, create_time DESC, task_id DESC, suspended);

-- the counts of the tasks open now (org.bangfu.inbox.InboxTable.RETALLY)
INSERT INTO bf_inbox_tally (party, due_day, suspended, proc_def_key, task_def_key, name, slot, county_code, tasks)
  SELECT party, COALESCE(CAST(due_date AS DATE), DATE '9999-12-31'), suspended, COALESCE(proc_def_key, ''),
         COALESCE(task_def_key, ''), COALESCE(name, ''), tally_slot, MAX(county_code), COUNT(*)
    FROM bf_inbox
   GROUP BY party, COALESCE(CAST(due_date AS DATE), DATE '9999-12-31'), suspended, COALESCE(proc_def_key, ''),
         COALESCE(task_def_key, ''), COALESCE(name, ''), tally_slot;
