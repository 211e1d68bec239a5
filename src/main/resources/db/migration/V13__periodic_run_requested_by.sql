-- who asked for a periodic run by hand (an operator through /api/periodic-runs); NULL when the timer started it
ALTER TABLE bf_screening_run ADD COLUMN requested_by VARCHAR(64) NULL;
