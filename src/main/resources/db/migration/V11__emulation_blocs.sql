-- Emulation clusters and blocs (cụm, khối thi đua): members, yearly head and deputy, registrations,
-- scoring schemes, self-assessments, scores and the published ranking. Units are Camunda groups unit-<code>.
CREATE TABLE bloc (
    code            VARCHAR(40)   PRIMARY KEY,
    name            VARCHAR(300)  NOT NULL,
    kind            VARCHAR(10)   NOT NULL,           -- CLUSTER (cụm) or BLOC (khối)
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Membership of a unit over years (year_to NULL: still a member).
CREATE TABLE bloc_member (
    bloc_code       VARCHAR(40)   NOT NULL REFERENCES bloc(code),
    unit_code       VARCHAR(40)   NOT NULL,
    year_from       INTEGER       NOT NULL,
    year_to         INTEGER,
    PRIMARY KEY (bloc_code, unit_code, year_from)
);
CREATE INDEX bloc_member_unit ON bloc_member (unit_code);

-- Head (Trưởng khối) and deputy (Phó khối) of a bloc for one year: rotation kept as history.
CREATE TABLE bloc_leadership (
    bloc_code       VARCHAR(40)   NOT NULL REFERENCES bloc(code),
    bloc_year       INTEGER       NOT NULL,
    head_unit       VARCHAR(40)   NOT NULL,
    deputy_unit     VARCHAR(40)   NOT NULL,
    PRIMARY KEY (bloc_code, bloc_year)
);

-- A unit's emulation registration (đăng ký thi đua) for the year.
CREATE TABLE bloc_registration (
    bloc_year       INTEGER       NOT NULL,
    unit_code       VARCHAR(40)   NOT NULL,
    commitments     VARCHAR(4000) NOT NULL,
    target_titles   VARCHAR(400)  NOT NULL,           -- comma-separated award codes
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (bloc_year, unit_code)
);

-- Units reminded because they had not registered by the deadline.
CREATE TABLE bloc_registration_reminder (
    bloc_year       INTEGER       NOT NULL,
    unit_code       VARCHAR(40)   NOT NULL,
    reminded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (bloc_year, unit_code)
);

-- Scoring scheme of a bloc and year; bloc_code NULL and bloc_year 0: the default scheme.
CREATE TABLE scoring_scheme (
    id              VARCHAR(36)   PRIMARY KEY,
    bloc_code       VARCHAR(40)   REFERENCES bloc(code),
    bloc_year       INTEGER       NOT NULL,
    name            VARCHAR(300)  NOT NULL
);
CREATE UNIQUE INDEX scoring_scheme_bloc_year ON scoring_scheme (bloc_code, bloc_year);

CREATE TABLE scoring_criterion (
    scheme_id       VARCHAR(36)   NOT NULL REFERENCES scoring_scheme(id),
    code            VARCHAR(20)   NOT NULL,
    sort_order      INTEGER       NOT NULL,
    name            VARCHAR(400)  NOT NULL,
    max_points      NUMERIC(7,2)  NOT NULL,
    weight          NUMERIC(5,2)  NOT NULL,
    PRIMARY KEY (scheme_id, code)
);

-- A member's self-assessment at year end, with evidence.
CREATE TABLE self_assessment (
    bloc_code       VARCHAR(40)   NOT NULL REFERENCES bloc(code),
    bloc_year       INTEGER       NOT NULL,
    unit_code       VARCHAR(40)   NOT NULL,
    report          VARCHAR(4000) NOT NULL,
    evidence        VARCHAR(2000),
    points_json     VARCHAR(4000) NOT NULL,           -- {"criterion": points}
    discipline_cases INTEGER      NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by    VARCHAR(64)   NOT NULL,
    PRIMARY KEY (bloc_code, bloc_year, unit_code)
);

-- The review meeting's score of a member on one criterion (the head unit scores; the deputy scores the head).
CREATE TABLE bloc_score (
    bloc_code       VARCHAR(40)   NOT NULL REFERENCES bloc(code),
    bloc_year       INTEGER       NOT NULL,
    unit_code       VARCHAR(40)   NOT NULL,
    criterion_code  VARCHAR(20)   NOT NULL,
    points          NUMERIC(7,2)  NOT NULL,
    scored_by_unit  VARCHAR(40)   NOT NULL,
    scored_by       VARCHAR(64)   NOT NULL,
    scored_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (bloc_code, bloc_year, unit_code, criterion_code)
);

-- The ranking computed after scoring (tie-break DMN bloc-tie-break); published once the deputy approves.
CREATE TABLE bloc_ranking (
    bloc_code       VARCHAR(40)   NOT NULL REFERENCES bloc(code),
    bloc_year       INTEGER       NOT NULL,
    unit_code       VARCHAR(40)   NOT NULL,
    rank_no         INTEGER       NOT NULL,
    total           NUMERIC(9,2)  NOT NULL,
    tie_break       VARCHAR(40),                      -- the rule that separated it from the next unit, if tied
    published_at    TIMESTAMP WITH TIME ZONE,
    flag_proposed   VARCHAR(10),                      -- CO_TINH, CO_CP when proposed
    dossier_code    VARCHAR(40),
    PRIMARY KEY (bloc_code, bloc_year, unit_code)
);

-- The default scheme (Hướng dẫn chấm điểm thi đua cụm, khối: 5 groups of criteria, 100 points).
INSERT INTO scoring_scheme (id, bloc_code, bloc_year, name) VALUES
    ('default', NULL, 0, 'Thang điểm mặc định các cụm, khối thi đua của tỉnh');
INSERT INTO scoring_criterion (scheme_id, code, sort_order, name, max_points, weight) VALUES
    ('default', 'NV', 1, 'Kết quả thực hiện nhiệm vụ chính trị, chuyên môn được giao', 40, 2.0),
    ('default', 'PT', 2, 'Tổ chức phong trào thi đua và công tác khen thưởng', 20, 1.5),
    ('default', 'CCHC', 3, 'Cải cách hành chính, chuyển đổi số', 15, 1.0),
    ('default', 'XD', 4, 'Xây dựng Đảng, đoàn thể, thực hiện dân chủ cơ sở', 15, 1.0),
    ('default', 'KT', 5, 'Tham gia hoạt động chung của cụm, khối', 10, 1.0);
