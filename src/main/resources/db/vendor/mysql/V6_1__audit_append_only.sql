-- The case audit is append-only in the database itself (MySQL and MariaDB): no statement may change or remove a
-- row, whoever sends it. (The application has no update or delete of it either: AuditAppendOnlyTest.)
CREATE TRIGGER bf_case_audit_no_update BEFORE UPDATE ON bf_case_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'bf_case_audit is append-only: rows cannot be changed';

CREATE TRIGGER bf_case_audit_no_delete BEFORE DELETE ON bf_case_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'bf_case_audit is append-only: rows cannot be deleted';
