-- Yearly plans of commendation work (Kế hoạch công tác thi đua, khen thưởng) and their items.
CREATE TABLE plan (
    plan_year           INTEGER       PRIMARY KEY,
    number              VARCHAR(40)   NOT NULL,
    title               VARCHAR(400)  NOT NULL,
    source              VARCHAR(16)   NOT NULL,      -- DEPLOYED (plans/plan-YYYY.yaml), UPLOADED
    yaml                VARCHAR(200000) NOT NULL,    -- the plan file as received
    status              VARCHAR(16)   NOT NULL,      -- OPEN, DONE
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE
);

CREATE TABLE plan_item (
    plan_year           INTEGER       NOT NULL REFERENCES plan(plan_year),
    item_key            VARCHAR(10)   NOT NULL,      -- I.1 .. V.2
    section             VARCHAR(4)    NOT NULL,
    number              INTEGER       NOT NULL,
    content             VARCHAR(2000) NOT NULL,
    timing              VARCHAR(40)   NOT NULL,
    lead_unit           VARCHAR(400)  NOT NULL,
    coordinating_units  VARCHAR(2000),
    kind                VARCHAR(20),
    round_no            INTEGER,
    due_date            DATE          NOT NULL,
    status              VARCHAR(16)   NOT NULL,      -- NOT_STARTED, IN_PROGRESS, DONE
    overdue             BOOLEAN       NOT NULL,
    check_ins           INTEGER       NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE,
    completed_by        VARCHAR(64),
    result              VARCHAR(4000),
    PRIMARY KEY (plan_year, item_key)
);

-- Council rounds of a plan: dossiers submitted from the intake deadline on go to the next round.
CREATE TABLE council_round (
    round_year          INTEGER       NOT NULL,
    round_no            INTEGER       NOT NULL,
    intake_deadline     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (round_year, round_no)
);
