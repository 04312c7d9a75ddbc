-- The reports' read model of processing times (issue 20): one row per ended, not cancelled step of a dossier's
-- commendation-dossier process that the reports show (report.StepTimes.ACTIVITIES), and one row per ended process
-- instance (activity_type 'process', activity_id the process key) for the whole dossier. Written in the engine's
-- transaction when the step ends (report.StepTimeWriter, told by engine.HistoryPlugin); the existing history is
-- copied by V17_11 (report.V17_11__step_time_backfill). The reports read this table, never ACT_HI_*.
CREATE TABLE step_time (
    activity_instance_id VARCHAR(64)  PRIMARY KEY,   -- ACT_HI_ACTINST.ID_, or the process instance id
    dossier_code         VARCHAR(40)  NOT NULL,
    process_instance_id  VARCHAR(64)  NOT NULL,
    activity_id          VARCHAR(255) NOT NULL,
    activity_name        VARCHAR(255),
    activity_type        VARCHAR(255) NOT NULL,
    unit_code            VARCHAR(40)  NOT NULL,
    award_year           INTEGER      NOT NULL,
    task_id              VARCHAR(64),
    assignee             VARCHAR(255),
    started_at           TIMESTAMP    NOT NULL,       -- the engine's times, as in ACT_HI_* (no time zone)
    ended_at             TIMESTAMP    NOT NULL,
    duration_ms          BIGINT       NOT NULL,
    due_at               TIMESTAMP,                   -- the task's due date, where it has one
    late                 BOOLEAN      NOT NULL        -- ended strictly after due_at
);
CREATE INDEX step_time_year_activity ON step_time (award_year, activity_id);
CREATE INDEX step_time_activity ON step_time (activity_id);
CREATE INDEX step_time_dossier ON step_time (dossier_code);
-- the writer finds the dossier of a process instance
CREATE INDEX dossier_process_instance ON dossier (process_instance_id);
