-- The project's own business records. Process state lives in the engine's tables (ACT_*).
-- Types are chosen to run unchanged on PostgreSQL and H2.

-- Award catalogue (the award types of the Law on Emulation and Commendation 2022).
CREATE TABLE award_type (
    code            VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    level           VARCHAR(16)  NOT NULL,          -- PROVINCIAL, STATE
    subject_kinds   VARCHAR(64)  NOT NULL,          -- comma list of INDIVIDUAL, COLLECTIVE
    legal_basis     VARCHAR(200) NOT NULL
);

INSERT INTO award_type (code, name, level, subject_kinds, legal_basis) VALUES
 ('CSTD_TINH', 'Chiến sĩ thi đua cấp tỉnh',                 'PROVINCIAL', 'INDIVIDUAL',            'Luật Thi đua, khen thưởng 2022, Điều 22'),
 ('BK_TINH',   'Bằng khen của Chủ tịch UBND tỉnh',          'PROVINCIAL', 'INDIVIDUAL,COLLECTIVE', 'Luật Thi đua, khen thưởng 2022, Điều 74'),
 ('CO_TINH',   'Cờ thi đua của UBND tỉnh',                  'PROVINCIAL', 'COLLECTIVE',            'Luật Thi đua, khen thưởng 2022, Điều 26'),
 ('TTLDXS',    'Tập thể lao động xuất sắc',                 'PROVINCIAL', 'COLLECTIVE',            'Luật Thi đua, khen thưởng 2022, Điều 27'),
 ('CSTD_TQ',   'Chiến sĩ thi đua toàn quốc',                'STATE',      'INDIVIDUAL',            'Luật Thi đua, khen thưởng 2022, Điều 21'),
 ('BK_TTG',    'Bằng khen của Thủ tướng Chính phủ',         'STATE',      'INDIVIDUAL,COLLECTIVE', 'Luật Thi đua, khen thưởng 2022, Điều 73'),
 ('HCLD_3',    'Huân chương Lao động hạng Ba',              'STATE',      'INDIVIDUAL,COLLECTIVE', 'Luật Thi đua, khen thưởng 2022, Điều 44'),
 ('CO_CP',     'Cờ thi đua của Chính phủ',                  'STATE',      'COLLECTIVE',            'Luật Thi đua, khen thưởng 2022, Điều 25');

-- Commendation dossiers: the status read model of the commendation-dossier process.
CREATE TABLE dossier (
    code                VARCHAR(40)   PRIMARY KEY,    -- YYYY-<unit>-NNNN, the process business key
    unit_code           VARCHAR(40)   NOT NULL,
    award_type          VARCHAR(32)   NOT NULL REFERENCES award_type(code),
    award_kind          VARCHAR(16)   NOT NULL,       -- ANNUAL, SUDDEN, THEMATIC, CONTRIBUTION, SENIORITY, DIPLOMATIC
    award_year          INTEGER       NOT NULL,
    subject_kind        VARCHAR(16)   NOT NULL,       -- INDIVIDUAL, COLLECTIVE
    subject_name        VARCHAR(200)  NOT NULL,
    subject_birth_date  DATE,
    subject_position    VARCHAR(200),
    subject_work_unit   VARCHAR(200),
    subject_key         VARCHAR(500)  NOT NULL,       -- normalised identity of the subject
    achievements        VARCHAR(8000),
    status              VARCHAR(32)   NOT NULL,
    status_reason       VARCHAR(2000),
    open_slot           INTEGER,                      -- 1 while open, NULL once closed: one open dossier per subject, award, year
    process_instance_id VARCHAR(64),
    created_by          VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INTEGER       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX dossier_one_open_per_subject ON dossier (subject_key, award_type, award_year, open_slot);
CREATE INDEX dossier_unit_year ON dossier (unit_code, award_year);
CREATE INDEX dossier_status ON dossier (status);

-- Documents of a dossier: the bytes and their SHA-256.
CREATE TABLE dossier_document (
    id              VARCHAR(36)   PRIMARY KEY,
    dossier_code    VARCHAR(40)   NOT NULL REFERENCES dossier(code),
    doc_type        VARCHAR(32)   NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    content         BYTEA         NOT NULL,
    uploaded_by     VARCHAR(64)   NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dossier_document_dossier ON dossier_document (dossier_code);

-- Gapless counters (dossier codes per unit and year, decision numbers per year), locked row by row.
CREATE TABLE counter (
    name        VARCHAR(100) PRIMARY KEY,
    last_value  INTEGER      NOT NULL
);

-- Decisions of the Chairman of the provincial People's Committee.
CREATE TABLE decision (
    id              VARCHAR(36)   PRIMARY KEY,
    decision_year   INTEGER       NOT NULL,
    seq             INTEGER       NOT NULL,
    number          VARCHAR(40)   NOT NULL,           -- <seq>/QĐ-UBND
    dossier_code    VARCHAR(40)   NOT NULL REFERENCES dossier(code),
    signed_by       VARCHAR(64)   NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    pdf             BYTEA         NOT NULL,
    pdf_sha256      CHAR(64)      NOT NULL,
    CONSTRAINT decision_number_unique UNIQUE (decision_year, seq)
);
CREATE INDEX decision_dossier ON decision (dossier_code);

-- Award register: every award a person or collective received.
CREATE TABLE award_record (
    id                  VARCHAR(36)   PRIMARY KEY,
    subject_kind        VARCHAR(16)   NOT NULL,
    subject_name        VARCHAR(200)  NOT NULL,
    subject_birth_date  DATE,
    subject_unit        VARCHAR(200),
    subject_key         VARCHAR(500)  NOT NULL,
    award_type          VARCHAR(32)   NOT NULL REFERENCES award_type(code),
    award_kind          VARCHAR(16)   NOT NULL,
    award_year          INTEGER       NOT NULL,
    decision_number     VARCHAR(40)   NOT NULL,
    decision_date       DATE          NOT NULL,
    decided_by          VARCHAR(200)  NOT NULL,
    source              VARCHAR(16)   NOT NULL,       -- PIPELINE, IMPORT
    dossier_code        VARCHAR(40)
);
CREATE INDEX award_record_subject ON award_record (subject_key);

-- Notifications to units and people (reminders, returns, decisions).
CREATE TABLE notification (
    id              VARCHAR(36)   PRIMARY KEY,
    recipient       VARCHAR(64)   NOT NULL,           -- a user id or a group id
    dossier_code    VARCHAR(40),
    kind            VARCHAR(40)   NOT NULL,
    message         VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX notification_recipient ON notification (recipient, created_at);
