-- Issue 16 item 5: a council session is held online (ballots in the system) or as a meeting (họp trực tiếp:
-- the vote-counting committee's totals are recorded by the secretary); absent members' written opinions
-- (phiếu lấy ý kiến) are recorded by the secretary and counted as council-written-opinion.dmn says.

ALTER TABLE council_session ADD COLUMN mode VARCHAR(16) NOT NULL DEFAULT 'ONLINE';   -- ONLINE, MEETING
ALTER TABLE council_session ADD COLUMN closed_early_by VARCHAR(64);
ALTER TABLE council_session ADD COLUMN closed_early_at TIMESTAMP WITH TIME ZONE;

-- How a member took part in a ballot round: BALLOT (online ballot), WRITTEN (written opinion recorded by the
-- secretary). Still never what they chose.
ALTER TABLE council_attendance ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'BALLOT';
-- For a written opinion: how the rule in force counted it (VOTE, QUORUM_ONLY, NOT_COUNTED), and who recorded it.
ALTER TABLE council_attendance ADD COLUMN counting VARCHAR(16);
ALTER TABLE council_attendance ADD COLUMN recorded_by VARCHAR(64);

-- Meeting mode: the vote-counting committee's totals per agenda item (the secret ballot stays on paper).
CREATE TABLE council_meeting_total (
    session_key         VARCHAR(20)   NOT NULL REFERENCES council_session(session_key),
    ballot_round        INTEGER       NOT NULL,
    dossier_code        VARCHAR(40)   NOT NULL,
    votes_for           INTEGER       NOT NULL CHECK (votes_for >= 0),
    votes_against       INTEGER       NOT NULL CHECK (votes_against >= 0),
    present             INTEGER       NOT NULL CHECK (present >= votes_for + votes_against),
    recorded_by         VARCHAR(64)   NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_key, ballot_round, dossier_code)
);
