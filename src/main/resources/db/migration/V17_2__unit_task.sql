-- The task read model of the unit view (issue 20, package unittask): one row per open user task and candidate
-- group, written in the engine's transaction by unittask.UnitTaskListener (the engine's Spring event bridge:
-- create, assignment, update, complete, delete). The open tasks of an existing database are copied in by the
-- Java migration V17_21 (unittask.UnitTaskBackfill). Timestamps as the engine's own (ACT_RU_TASK).
CREATE TABLE unit_task (
    task_id             VARCHAR(64)   NOT NULL,
    candidate_group     VARCHAR(255)  NOT NULL,
    task_key            VARCHAR(255),
    task_name           VARCHAR(255),
    assignee            VARCHAR(255),
    created             TIMESTAMP     NOT NULL,
    due                 TIMESTAMP,
    process_instance_id VARCHAR(64),
    process_key         VARCHAR(255),
    business_key        VARCHAR(255),
    dossier_code        VARCHAR(64),
    subject_name        VARCHAR(400),
    award_type          VARCHAR(64),
    award_type_name     VARCHAR(400),
    award_year          INTEGER,
    PRIMARY KEY (task_id, candidate_group)
);
-- the unit's list, newest first (and its count): an index range of the group, read in order
CREATE INDEX unit_task_group_created ON unit_task (candidate_group, created, task_id);
-- the unit's list by due date
CREATE INDEX unit_task_group_due ON unit_task (candidate_group, due, task_id);
