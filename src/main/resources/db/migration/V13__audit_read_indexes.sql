-- Indexes for the auditor's reads of one dossier (GET /api/dossiers/{code}/history), which look the dossier's
-- council tallies and notifications up by dossier code. Without them both are sequential scans of tables that
-- grow by a row or more per dossier (plans on 100,000 dossiers: README, "Audit benchmark").

-- CouncilRepository.tallies: ... FROM council_agenda_item a JOIN council_session s ... WHERE a.dossier_code = ?
-- (the primary key is (session_key, dossier_code): no use for a lookup by dossier alone)
CREATE INDEX council_agenda_item_dossier ON council_agenda_item (dossier_code);

-- Notifications.forDossier: ... FROM notification WHERE dossier_code = ? ORDER BY created_at
CREATE INDEX notification_dossier ON notification (dossier_code, created_at);
