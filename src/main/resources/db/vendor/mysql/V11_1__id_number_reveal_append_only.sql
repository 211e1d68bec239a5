-- The record of full ID numbers shown is append-only in the database itself (MySQL and MariaDB), as the case audit
-- (V6_1): no statement may change or remove a row, whoever sends it.
CREATE TRIGGER bf_id_number_reveal_no_update BEFORE UPDATE ON bf_id_number_reveal FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'bf_id_number_reveal is append-only: rows cannot be changed';

CREATE TRIGGER bf_id_number_reveal_no_delete BEFORE DELETE ON bf_id_number_reveal FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'bf_id_number_reveal is append-only: rows cannot be deleted';
