-- Sessions of the provincial Emulation and Commendation Council (process council-session).
-- Secret ballot: no table links a member to a choice. council_attendance says who cast a ballot
-- and when; council_ballot_count holds only running counts per agenda item (no member, no time,
-- no row per ballot), so not even the order of rows can tie a vote to a voter.

CREATE TABLE council_session (
    session_key         VARCHAR(20)   PRIMARY KEY,    -- YYYY-R<n>, the process business key
    session_year        INTEGER       NOT NULL,
    round               INTEGER       NOT NULL,
    note                VARCHAR(2000),
    status              VARCHAR(16)   NOT NULL,       -- NO_AGENDA, VOTING, NO_QUORUM, RESOLVED
    process_instance_id VARCHAR(64)   NOT NULL,
    opened_by           VARCHAR(64),
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ballot_round        INTEGER       NOT NULL DEFAULT 0,  -- 1, 2, ... one per (re)convened vote
    member_count        INTEGER,
    ballot_due          TIMESTAMP WITH TIME ZONE,
    resolved_at         TIMESTAMP WITH TIME ZONE,
    minutes             BYTEA,
    minutes_sha256      CHAR(64)
);

-- The agenda: dossiers waiting for the council when the session opened, and each one's tally.
CREATE TABLE council_agenda_item (
    session_key         VARCHAR(20)   NOT NULL REFERENCES council_session(session_key),
    position            INTEGER       NOT NULL,
    dossier_code        VARCHAR(40)   NOT NULL REFERENCES dossier(code),
    subject_name        VARCHAR(200)  NOT NULL,
    unit_name           VARCHAR(200)  NOT NULL,
    award_type          VARCHAR(32)   NOT NULL REFERENCES award_type(code),
    award_type_name     VARCHAR(200)  NOT NULL,
    appraisal_summary   VARCHAR(4000),
    outcome             VARCHAR(16),                  -- PASSED, NOT_PASSED, SKIPPED (withdrawn)
    votes_for           INTEGER,
    votes_against       INTEGER,
    votes_absent        INTEGER,
    votes_required      INTEGER,
    PRIMARY KEY (session_key, dossier_code)
);

-- Who cast a ballot in a ballot round and when (the attendance), never what they chose.
CREATE TABLE council_attendance (
    session_key         VARCHAR(20)   NOT NULL REFERENCES council_session(session_key),
    ballot_round        INTEGER       NOT NULL,
    member_id           VARCHAR(64)   NOT NULL,
    cast_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_key, ballot_round, member_id)
);

-- The ballot box: the number of ballots in favour of each agenda item in a ballot round.
CREATE TABLE council_ballot_count (
    session_key         VARCHAR(20)   NOT NULL REFERENCES council_session(session_key),
    ballot_round        INTEGER       NOT NULL,
    dossier_code        VARCHAR(40)   NOT NULL,
    in_favour           INTEGER       NOT NULL,
    PRIMARY KEY (session_key, ballot_round, dossier_code)
);
