-- A draft may be saved before its award, kind of award and kind of subject are chosen (issue 17): only
-- submission requires them (DossierValidator.checkSubmission), so the columns accept NULL for drafts.
ALTER TABLE dossier ALTER COLUMN award_type DROP NOT NULL;
ALTER TABLE dossier ALTER COLUMN award_kind DROP NOT NULL;
ALTER TABLE dossier ALTER COLUMN subject_kind DROP NOT NULL;
