-- Thematic emulation movements (phong trào thi đua theo chuyên đề) launched by the province.
CREATE TABLE movement (
    id                  VARCHAR(36)   PRIMARY KEY,
    name                VARCHAR(400)  NOT NULL,
    launching_document  VARCHAR(200)  NOT NULL,      -- e.g. Kế hoạch số 45/KH-UBND ngày 15/3/2025
    period_start        DATE          NOT NULL,
    period_end          DATE          NOT NULL,
    criteria            VARCHAR(4000) NOT NULL,
    intake_start        DATE          NOT NULL,
    intake_end          DATE          NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The award forms a movement proposes, with the planned numbers.
CREATE TABLE movement_award (
    movement_id         VARCHAR(36)   NOT NULL REFERENCES movement(id),
    award_type          VARCHAR(32)   NOT NULL REFERENCES award_type(code),
    planned_count       INTEGER       NOT NULL,
    PRIMARY KEY (movement_id, award_type)
);

-- A THEMATIC dossier belongs to a movement.
ALTER TABLE dossier ADD COLUMN movement_id VARCHAR(36) REFERENCES movement(id);
