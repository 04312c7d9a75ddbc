-- Decisions by batch (issue 16, item 1): the Chairman decides a round's awards of one award type in one decision
-- with an attached list. A batch (business key YYYY-R<n>-<awardType> of process decision-batch) holds its dossiers;
-- its decision is a row of the decision table with batch_key set and no dossier_code.
CREATE TABLE decision_batch (
    batch_key       VARCHAR(60)   PRIMARY KEY,
    batch_year      INTEGER       NOT NULL,
    round_no        INTEGER       NOT NULL,
    award_type      VARCHAR(32)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,           -- PREPARING, AWAITING_DECISION, ISSUED
    opened_by       VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    proposal_pdf    BYTEA,
    decided_by      VARCHAR(64),
    decision_number VARCHAR(40)
);

-- The dossiers of a batch: PROPOSED (in the proposal), AWARDED, EXCLUDED (back to waiting, with the reason),
-- REFUSED (not awarded, with the reason), DROPPED (left the batch, e.g. withdrawn, before the decision)
CREATE TABLE decision_batch_item (
    batch_key       VARCHAR(60)   NOT NULL REFERENCES decision_batch(batch_key),
    dossier_code    VARCHAR(40)   NOT NULL REFERENCES dossier(code),
    state           VARCHAR(16)   NOT NULL,
    reason          VARCHAR(2000),
    PRIMARY KEY (batch_key, dossier_code)
);
CREATE INDEX decision_batch_item_dossier ON decision_batch_item (dossier_code);

ALTER TABLE decision ADD COLUMN batch_key VARCHAR(60);
ALTER TABLE decision ALTER COLUMN dossier_code DROP NOT NULL;
CREATE INDEX decision_batch_key ON decision (batch_key);
