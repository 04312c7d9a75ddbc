-- H2 only (issue 15, finding 8): BYTEA is H2's VARBINARY, a value H2 reads whole into the heap; as a BLOB the
-- content is streamed into H2's LOB storage, so a 20 MB document is never held whole in memory. PostgreSQL keeps
-- BYTEA (streamed by the driver from setBinaryStream with a length).
ALTER TABLE dossier_document ALTER COLUMN content SET DATA TYPE BLOB;
