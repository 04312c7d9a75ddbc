-- Dossier search (auditors, Department of Home Affairs): searchable copies kept on the dossier row,
-- so that the search reads one table.

-- The subject name folded for accent-insensitive search (lower case, no diacritics, đ -> d, single
-- spaces); computed by the application (VietnameseText.fold), which backfills rows where it is NULL.
ALTER TABLE dossier ADD COLUMN subject_search VARCHAR(200);
-- The user who completed the (last) appraisal.
ALTER TABLE dossier ADD COLUMN appraiser VARCHAR(64);
-- The decision awarding the dossier: the Chairman's <n>/QĐ-UBND, or the central level's number
-- (as long as central_decision_number).
ALTER TABLE dossier ADD COLUMN decision_number VARCHAR(60);

UPDATE dossier SET decision_number =
    (SELECT MAX(d.number) FROM decision d WHERE d.dossier_code = dossier.code)
  WHERE decision_number IS NULL;
UPDATE dossier SET decision_number = central_decision_number
  WHERE decision_number IS NULL AND central_decision_number IS NOT NULL;

-- Serves q= (subject name): equality and prefix matches on the folded name, and sort=subjectName.
CREATE INDEX dossier_subject_search ON dossier (subject_search);
-- Serves year= and year=&status= (the usual "this year's awarded dossiers" search).
CREATE INDEX dossier_year_status ON dossier (award_year, status);
-- Serves decisionNumber= (looking a dossier up from a decision).
CREATE INDEX dossier_decision_number ON dossier (decision_number);
-- Serves from=/to= (submitted date range) and the default order, sort=submittedAt.
CREATE INDEX dossier_submitted_at ON dossier (submitted_at);
-- Serves appraiser= (an appraiser's dossiers).
CREATE INDEX dossier_appraiser ON dossier (appraiser);
