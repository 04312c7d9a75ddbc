-- The reference number given to the citizen who files an objection (e.g. PA-2026-0001), kept in the trail.
-- Objections filed before this version have none.
ALTER TABLE objection ADD COLUMN reference VARCHAR(20);
CREATE UNIQUE INDEX objection_reference ON objection (reference);
