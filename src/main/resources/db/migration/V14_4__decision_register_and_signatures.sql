-- A decision's number belongs to a register of documents (sổ văn bản) of the People's Committee: unique per year
-- and register. The internal numbering uses the register "QĐ-UBND"; the clerk may enter another register's symbol.
ALTER TABLE decision ADD COLUMN register VARCHAR(40) DEFAULT 'QĐ-UBND' NOT NULL;
ALTER TABLE decision DROP CONSTRAINT decision_number_unique;
ALTER TABLE decision ADD CONSTRAINT decision_number_unique UNIQUE (decision_year, register, seq);
-- who entered the number (the clerk), null when the system's register numbered it
ALTER TABLE decision ADD COLUMN numbered_by VARCHAR(64);

-- Digital signatures of uploaded PDFs, verified at intake (VALID, INVALID, UNSIGNED, NOT_PDF)
ALTER TABLE dossier_document ADD COLUMN signature_status VARCHAR(16);
ALTER TABLE dossier_document ADD COLUMN signature_signer VARCHAR(300);
ALTER TABLE dossier_document ADD COLUMN signature_problem VARCHAR(300);
