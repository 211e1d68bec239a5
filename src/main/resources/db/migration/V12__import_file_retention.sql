-- an import's file (names, ID numbers) is deleted once the import is done and its retention has passed
ALTER TABLE bf_import ADD COLUMN file_deleted_at DATETIME NULL;
