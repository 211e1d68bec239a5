-- A periodic run lists the registry township by township (issue 28, a province's quarter): each township's
-- households are read, judged and listed in a transaction of its own, recorded here as a part of the run, so that
-- memory and transactions are bounded by the largest township, and a run that stopped half-way (its node died, its
-- step failed) is taken up where it stopped: a township with a part is never listed again.
-- (org.bangfu.screening.PeriodicScreeningService)
ALTER TABLE bf_screening_run ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'DONE';  -- RUNNING until every township is listed

CREATE TABLE bf_screening_run_part (
  run_id        BIGINT       NOT NULL,
  kind          VARCHAR(16)  NOT NULL,   -- the flags' kind: WARNING, PRIORITY, SCREENING
  township_code VARCHAR(9)   NOT NULL,
  households    INT          NOT NULL,   -- households judged
  flagged       INT          NOT NULL,   -- households listed
  started_at    TIMESTAMP(3) NOT NULL,
  done_at       TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (run_id, kind, township_code),
  CONSTRAINT fk_run_part_run FOREIGN KEY (run_id) REFERENCES bf_screening_run (id)
);

-- One row per period and kind, locked (SELECT ... FOR UPDATE SKIP LOCKED) by the instance working on the run, in
-- the engine's transaction of its step: another instance finds it locked and leaves the run alone; an instance that
-- died released it, and the next one takes the run over.
CREATE TABLE bf_screening_run_lock (
  run_key VARCHAR(16) NOT NULL,
  kind    VARCHAR(16) NOT NULL,
  PRIMARY KEY (run_key, kind)
);
