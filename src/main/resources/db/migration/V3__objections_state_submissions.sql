-- Objections filed during a dossier's public notice (no login: the objector leaves a contact).
CREATE TABLE objection (
    id              VARCHAR(36)   PRIMARY KEY,
    dossier_code    VARCHAR(40)   NOT NULL REFERENCES dossier(code),
    objector_name   VARCHAR(200)  NOT NULL,
    objector_contact VARCHAR(200) NOT NULL,
    content         VARCHAR(4000) NOT NULL,
    client_address  VARCHAR(64),
    filed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)   NOT NULL,          -- PENDING, UPHELD, DISMISSED
    finding         VARCHAR(4000),
    reviewed_by     VARCHAR(64),
    reviewed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX objection_dossier ON objection (dossier_code);

-- The province's submissions (tờ trình) of State-level awards, one per round.
CREATE TABLE state_submission (
    submission_key  VARCHAR(20)   PRIMARY KEY,       -- YYYY-R<n>
    submission_year INTEGER       NOT NULL,
    round_no        INTEGER       NOT NULL,
    status          VARCHAR(16)   NOT NULL,          -- PREPARING, SIGNED
    number          VARCHAR(40),                     -- <n>/TTr-UBND
    summary         VARCHAR(4000),
    prepared_by     VARCHAR(64),
    signed_by       VARCHAR(64),
    signed_at       TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE state_submission_item (
    submission_key  VARCHAR(20)   NOT NULL REFERENCES state_submission(submission_key),
    dossier_code    VARCHAR(40)   NOT NULL REFERENCES dossier(code),
    included        BOOLEAN       NOT NULL,          -- false once withdrawn before signature
    PRIMARY KEY (submission_key, dossier_code)
);

-- The central level's decision on a State-level dossier.
ALTER TABLE dossier ADD COLUMN central_decision_number VARCHAR(60);
ALTER TABLE dossier ADD COLUMN central_decision_by VARCHAR(200);
ALTER TABLE dossier ADD COLUMN central_decision_date DATE;
ALTER TABLE dossier ADD COLUMN submission_number VARCHAR(40);
ALTER TABLE dossier ADD COLUMN submitted_to_state_at TIMESTAMP WITH TIME ZONE;
