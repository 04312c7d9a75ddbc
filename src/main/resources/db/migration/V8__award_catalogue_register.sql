-- Award catalogue (complete), dated reward coefficients, subjects with a stable identity, the award
-- register's subject link and role, yearly task-completion ratings, recognised initiatives, and imports.
-- Types run unchanged on PostgreSQL and H2.

-- 1. Catalogue -------------------------------------------------------------------------------------
-- category: TITLE (danh hiệu thi đua) or AWARD (hình thức khen thưởng); level gains UNIT (cấp cơ sở:
-- titles a unit's head confers, never proposed to the province); decider: who decides.
ALTER TABLE award_type ADD COLUMN category VARCHAR(16) DEFAULT 'AWARD' NOT NULL;
ALTER TABLE award_type ADD COLUMN decider VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE award_type ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE award_type ADD COLUMN sort_order INTEGER DEFAULT 100 NOT NULL;

UPDATE award_type SET category = 'TITLE', decider = 'Chủ tịch UBND tỉnh', sort_order = 10 WHERE code = 'CSTD_TINH';
UPDATE award_type SET category = 'AWARD', decider = 'Chủ tịch UBND tỉnh', sort_order = 20,
  subject_kinds = 'INDIVIDUAL,COLLECTIVE,HOUSEHOLD' WHERE code = 'BK_TINH';
UPDATE award_type SET category = 'TITLE', decider = 'Chủ tịch UBND tỉnh', sort_order = 30 WHERE code = 'CO_TINH';
UPDATE award_type SET category = 'TITLE', decider = 'Chủ tịch UBND tỉnh', sort_order = 40 WHERE code = 'TTLDXS';
UPDATE award_type SET category = 'TITLE', decider = 'Thủ tướng Chính phủ', sort_order = 50 WHERE code = 'CSTD_TQ';
UPDATE award_type SET category = 'AWARD', decider = 'Thủ tướng Chính phủ', sort_order = 60,
  subject_kinds = 'INDIVIDUAL,COLLECTIVE,HOUSEHOLD' WHERE code = 'BK_TTG';
UPDATE award_type SET category = 'AWARD', decider = 'Chủ tịch nước', sort_order = 70 WHERE code = 'HCLD_3';
UPDATE award_type SET category = 'TITLE', decider = 'Thủ tướng Chính phủ', sort_order = 80 WHERE code = 'CO_CP';

-- Unit-level titles the provincial criteria depend on (conferred by the head of the agency or unit,
-- or by the Chairman of the commune People's Committee).
INSERT INTO award_type (code, name, level, subject_kinds, legal_basis, category, decider, sort_order) VALUES
 ('CSTD_CS', 'Chiến sĩ thi đua cơ sở',        'UNIT', 'INDIVIDUAL', 'Luật Thi đua, khen thưởng 2022, Điều 23', 'TITLE',
  'Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã', 110),
 ('LDTT',    'Lao động tiên tiến',            'UNIT', 'INDIVIDUAL', 'Luật Thi đua, khen thưởng 2022, Điều 24', 'TITLE',
  'Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã', 120),
 ('TTLDTT',  'Tập thể lao động tiên tiến',    'UNIT', 'COLLECTIVE', 'Luật Thi đua, khen thưởng 2022, Điều 28', 'TITLE',
  'Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã', 130);

-- Reward money as coefficients of the base salary (mức lương cơ sở, a dated setting: tdkt.base-salary),
-- dated: each row holds from valid_from until the next row of the same award. Collectives get twice an
-- individual's reward for certificates of merit (Nghị định 98/2023 Điều 58 khoản 2; Nghị định 152/2025
-- Điều 54); households are rewarded like individuals. Decree 152/2025 (from 1 July 2025) doubled the
-- certificates of merit (Bằng khen) and kept the titles' coefficients.
CREATE TABLE award_reward (
    award_type          VARCHAR(32)   NOT NULL REFERENCES award_type(code),
    valid_from          DATE          NOT NULL,
    individual_coeff    DECIMAL(6,2),
    collective_coeff    DECIMAL(6,2),
    household_coeff     DECIMAL(6,2),
    legal_basis         VARCHAR(300)  NOT NULL,
    PRIMARY KEY (award_type, valid_from)
);

INSERT INTO award_reward (award_type, valid_from, individual_coeff, collective_coeff, household_coeff, legal_basis) VALUES
 ('CSTD_TQ',   '2024-01-01', 4.5,  NULL, NULL, 'Nghị định 98/2023/NĐ-CP (tiền thưởng danh hiệu thi đua)'),
 ('CSTD_TQ',   '2025-07-01', 4.5,  NULL, NULL, 'Nghị định 152/2025/NĐ-CP (tiền thưởng danh hiệu thi đua; không đổi)'),
 ('CSTD_TINH', '2024-01-01', 3.0,  NULL, NULL, 'Nghị định 98/2023/NĐ-CP (tiền thưởng danh hiệu thi đua)'),
 ('CSTD_TINH', '2025-07-01', 3.0,  NULL, NULL, 'Nghị định 152/2025/NĐ-CP (tiền thưởng danh hiệu thi đua; không đổi)'),
 ('CSTD_CS',   '2024-01-01', 1.0,  NULL, NULL, 'Nghị định 98/2023/NĐ-CP (tiền thưởng danh hiệu thi đua)'),
 ('CSTD_CS',   '2025-07-01', 1.0,  NULL, NULL, 'Nghị định 152/2025/NĐ-CP (tiền thưởng danh hiệu thi đua; không đổi)'),
 ('LDTT',      '2024-01-01', 0.3,  NULL, NULL, 'Nghị định 98/2023/NĐ-CP (tiền thưởng danh hiệu thi đua)'),
 ('LDTT',      '2025-07-01', 0.3,  NULL, NULL, 'Nghị định 152/2025/NĐ-CP (tiền thưởng danh hiệu thi đua; không đổi)'),
 ('TTLDXS',    '2024-01-01', NULL, 1.5,  NULL, 'Nghị định 98/2023/NĐ-CP (tiền thưởng danh hiệu thi đua)'),
 ('TTLDXS',    '2025-07-01', NULL, 1.5,  NULL, 'Nghị định 152/2025/NĐ-CP (tiền thưởng danh hiệu thi đua; không đổi)'),
 ('TTLDTT',    '2024-01-01', NULL, 0.8,  NULL, 'Nghị định 98/2023/NĐ-CP (tiền thưởng danh hiệu thi đua)'),
 ('TTLDTT',    '2025-07-01', NULL, 0.8,  NULL, 'Nghị định 152/2025/NĐ-CP (tiền thưởng danh hiệu thi đua; không đổi)'),
 ('CO_CP',     '2024-01-01', NULL, 12.0, NULL, 'Nghị định 98/2023/NĐ-CP (tiền thưởng danh hiệu thi đua)'),
 ('CO_CP',     '2025-07-01', NULL, 12.0, NULL, 'Nghị định 152/2025/NĐ-CP (tiền thưởng danh hiệu thi đua; không đổi)'),
 ('CO_TINH',   '2024-01-01', NULL, 8.0,  NULL, 'Nghị định 98/2023/NĐ-CP (tiền thưởng danh hiệu thi đua)'),
 ('CO_TINH',   '2025-07-01', NULL, 8.0,  NULL, 'Nghị định 152/2025/NĐ-CP (tiền thưởng danh hiệu thi đua; không đổi)'),
 ('HCLD_3',    '2024-01-01', 4.5,  9.0,  4.5,  'Nghị định 98/2023/NĐ-CP (tiền thưởng huân chương)'),
 ('HCLD_3',    '2025-07-01', 4.5,  9.0,  4.5,  'Nghị định 152/2025/NĐ-CP (tiền thưởng huân chương; cần đối chiếu)'),
 ('BK_TTG',    '2024-01-01', 1.5,  3.0,  1.5,  'Nghị định 98/2023/NĐ-CP, Điều 58'),
 ('BK_TTG',    '2025-07-01', 3.0,  6.0,  3.0,  'Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm a'),
 ('BK_TINH',   '2024-01-01', 1.0,  2.0,  1.0,  'Nghị định 98/2023/NĐ-CP, Điều 58'),
 ('BK_TINH',   '2025-07-01', 1.5,  3.0,  1.5,  'Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b');

-- 2. Subjects: the people, collectives and households awards are given to, with a stable identity ----
-- identity_key: SubjectKey (kind | name lower-cased, NFC | birth date | unit code); citizen_id_hash:
-- HMAC-SHA256 of the citizen ID number (the raw number is never stored).
CREATE TABLE subject (
    id                  VARCHAR(36)   PRIMARY KEY,
    kind                VARCHAR(16)   NOT NULL,       -- INDIVIDUAL, COLLECTIVE, HOUSEHOLD
    name                VARCHAR(200)  NOT NULL,
    name_search         VARCHAR(200)  NOT NULL,       -- VietnameseText.fold(name)
    birth_date          DATE,
    unit_code           VARCHAR(40)   NOT NULL,
    work_unit           VARCHAR(200),
    position            VARCHAR(200),
    role                VARCHAR(24),                  -- LEADER, DIRECT_WORKER, SMALL_COLLECTIVE, COLLECTIVE
    identity_key        VARCHAR(500)  NOT NULL,
    citizen_id_hash     CHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX subject_identity ON subject (identity_key);
CREATE UNIQUE INDEX subject_citizen_id ON subject (citizen_id_hash);
CREATE INDEX subject_name_search ON subject (name_search);

-- Pairs an administrator marked as distinct after reviewing the possible-duplicates list.
CREATE TABLE subject_distinct (
    subject_a           VARCHAR(36)   NOT NULL REFERENCES subject(id),
    subject_b           VARCHAR(36)   NOT NULL REFERENCES subject(id),
    decided_by          VARCHAR(64)   NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_a, subject_b)
);

-- 3. The register's subject link, role at the time of the award, and provenance ----------------------
ALTER TABLE award_record ADD COLUMN subject_id VARCHAR(36);
ALTER TABLE award_record ADD COLUMN subject_role VARCHAR(24);
ALTER TABLE award_record ADD COLUMN import_id VARCHAR(36);
ALTER TABLE award_record ADD COLUMN recorded_by VARCHAR(64);
ALTER TABLE award_record ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
-- one entry per subject, award, year and decision: what makes an import idempotent
CREATE UNIQUE INDEX award_record_natural ON award_record (subject_id, award_type, award_year, decision_number);
CREATE INDEX award_record_subject_id ON award_record (subject_id, award_year);

-- The role of a dossier's subject (reports on direct workers and small collectives).
ALTER TABLE dossier ADD COLUMN subject_role VARCHAR(24);
-- Facts the proposing unit declares with the dossier (JSON): pending proceedings, end of discipline, a
-- collective's members (TTLDXS), leading a cluster or bloc (CO_TINH).
ALTER TABLE dossier ADD COLUMN declared_facts VARCHAR(2000);

-- 4. Yearly task-completion ratings (xếp loại mức độ hoàn thành nhiệm vụ) ----------------------------
CREATE TABLE completion_rating (
    code                VARCHAR(16)   PRIMARY KEY,
    name                VARCHAR(100)  NOT NULL,
    rank_order          INTEGER       NOT NULL,       -- 4 best .. 1 worst
    legal_basis         VARCHAR(200)  NOT NULL
);
INSERT INTO completion_rating (code, name, rank_order, legal_basis) VALUES
 ('EXCELLENT',     'Hoàn thành xuất sắc nhiệm vụ', 4, 'Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP), Điều 2'),
 ('GOOD',          'Hoàn thành tốt nhiệm vụ',      3, 'Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP), Điều 2'),
 ('COMPLETED',     'Hoàn thành nhiệm vụ',          2, 'Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP), Điều 2'),
 ('NOT_COMPLETED', 'Không hoàn thành nhiệm vụ',    1, 'Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP), Điều 2');

CREATE TABLE subject_rating (
    subject_id          VARCHAR(36)   NOT NULL REFERENCES subject(id),
    rating_year         INTEGER       NOT NULL,
    rating              VARCHAR(16)   NOT NULL REFERENCES completion_rating(code),
    source              VARCHAR(16)   NOT NULL,       -- UNIT, IMPORT
    import_id           VARCHAR(36),
    recorded_by         VARCHAR(64)   NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_id, rating_year)
);

-- 5. Initiatives and scientific works recognised for a subject, with the scope of their effect -------
CREATE TABLE subject_initiative (
    id                  VARCHAR(36)   PRIMARY KEY,
    subject_id          VARCHAR(36)   NOT NULL REFERENCES subject(id),
    initiative_year     INTEGER       NOT NULL,
    title               VARCHAR(500)  NOT NULL,
    scope               VARCHAR(16)   NOT NULL,       -- UNIT (cơ sở), PROVINCIAL, NATIONAL
    recognised_by       VARCHAR(200)  NOT NULL,
    document_number     VARCHAR(60),
    recorded_by         VARCHAR(64)   NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX subject_initiative_subject ON subject_initiative (subject_id, initiative_year);

-- 6. Imports of the register (CSV, XLSX): a job the page polls ---------------------------------------
CREATE TABLE award_import (
    id                  VARCHAR(36)   PRIMARY KEY,
    file_name           VARCHAR(255)  NOT NULL,
    file_sha256         CHAR(64)      NOT NULL,
    unit_code           VARCHAR(40),
    status              VARCHAR(16)   NOT NULL,       -- RUNNING, REFUSED, DONE, FAILED
    phase               VARCHAR(16)   NOT NULL,       -- READING, CHECKING, STORING, FINISHED
    rows_total          INTEGER       NOT NULL,
    rows_done           INTEGER       NOT NULL,
    awards_added        INTEGER       NOT NULL,
    ratings_added       INTEGER       NOT NULL,
    rows_already_present INTEGER      NOT NULL,
    subjects_added      INTEGER       NOT NULL,
    errors              VARCHAR(1000000),             -- JSON list of {row, field, message}
    message             VARCHAR(2000),
    created_by          VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX award_import_created ON award_import (created_by, created_at);
