-- Dossier search by subject name (DossierSearch: subject_search LIKE '%<folded text>%'): a B-tree cannot serve a
-- pattern with a leading wildcard, so on PostgreSQL a trigram index does (pg_trgm is a trusted extension since
-- PostgreSQL 13: the database owner may create it). Patterns of fewer than three characters still scan.
-- H2 (the demo database) has no trigram index and scans, which is fine at a demo's size.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX dossier_subject_trigram ON dossier USING gin (subject_search gin_trgm_ops);
