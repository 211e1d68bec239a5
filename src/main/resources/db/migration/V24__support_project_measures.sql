-- The measures a project's class starts (seed 003 二 and 三, listed per class in SupportProjectMeasures.dmn), each
-- with its county department and due date, and what the department recorded.
CREATE TABLE bf_support_project_measure (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  review_id    BIGINT        NOT NULL,
  project_id   BIGINT        NOT NULL,
  measure_code VARCHAR(24)   NOT NULL,
  label        VARCHAR(200)  NOT NULL,
  department   VARCHAR(24)   NOT NULL,
  due_date     DATE          NOT NULL,
  status       VARCHAR(16)   NOT NULL,  -- OPEN, DELIVERED, NOT_DELIVERED
  result       VARCHAR(1000) NULL,
  done_by      VARCHAR(64)   NULL,
  done_at      TIMESTAMP(3)  NULL
);
CREATE INDEX ix_support_project_measure ON bf_support_project_measure (project_id, review_id);

-- whether the village found the project standing idle at the review (成而不用 is warned from it)
ALTER TABLE bf_support_project_review ADD COLUMN idle BOOLEAN NULL;
