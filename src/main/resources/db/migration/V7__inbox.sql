-- The approvers' inbox (issue 9, architecture pitfall 12): one row per open task and party that sees it in the
-- standard Tasklist filters — each candidate group ('G:<group>'), each candidate user ('U:<user>') and the assignee
-- ('A:<user>') — kept in the engine's transaction by org.bangfu.inbox. The filters read a page of task ids here and
-- the engine then loads just those tasks (with its authorization check), instead of joining the per-task
-- authorizations of every open task.
CREATE TABLE bf_inbox (
  task_id        VARCHAR(64)   NOT NULL,
  party          VARCHAR(72)   NOT NULL,   -- a prefix and an engine user or group id (64 at most)
  county_code    VARCHAR(6),               -- the county of a region group (supervision counts); null otherwise
  create_time    DATETIME(3)   NOT NULL,
  due_date       DATETIME(3)   NULL,
  follow_up_date DATETIME(3)   NULL,
  priority       INT           NOT NULL,
  name           VARCHAR(160),            -- the task's name, cut to 160 characters (to fit the county index)
  assignee       VARCHAR(255),
  task_def_key   VARCHAR(255),
  proc_def_key   VARCHAR(255),
  suspended      BOOLEAN       NOT NULL,   -- its process instance suspended (Tasklist shows active tasks only)
  PRIMARY KEY (party, task_id)
);
CREATE INDEX ix_inbox_created ON bf_inbox (party, create_time, suspended);
CREATE INDEX ix_inbox_due ON bf_inbox (party, due_date, suspended);
CREATE INDEX ix_inbox_task ON bf_inbox (task_id);
-- the county dashboard: open, due soon and overdue by group and step without reading the tasks
CREATE INDEX ix_inbox_county ON bf_inbox (county_code, party, proc_def_key, task_def_key, name, due_date);
