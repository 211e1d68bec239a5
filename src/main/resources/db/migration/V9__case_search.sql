-- Who looked for which case (issue 23): a search by case number, 户主 name or ID number is answered only with
-- exact matches the user may see, and every search is kept here — the ID number masked as everywhere else.
CREATE TABLE bf_case_search (
  id            BIGINT       AUTO_INCREMENT PRIMARY KEY,
  user_id       VARCHAR(64)  NOT NULL,
  query_kind    VARCHAR(16)  NOT NULL,   -- CASE_NUMBER, NAME or ID_NUMBER
  query_text    VARCHAR(64)  NOT NULL,   -- as typed, an ID number masked
  result_count  INT          NOT NULL,
  searched_at   DATETIME(3)  NOT NULL
);
CREATE INDEX ix_case_search_user ON bf_case_search (user_id, searched_at);
CREATE INDEX ix_household_head_name ON bf_household (head_name);
