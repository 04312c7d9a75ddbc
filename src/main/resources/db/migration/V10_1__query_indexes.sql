-- Indexes for the project's queries that no existing index served. Plans from EXPLAIN (ANALYZE) on the local
-- PostgreSQL 15 (2 cores), with 100,000 dossiers (50 units, 10 years, 20 emulation movements, 1 dossier in 11
-- under a movement) and 300,000 notifications, before and after each index. Queries the engine's history tables
-- serve (ReportService joins ACT_HI_ACTINST on PROC_INST_ID_, ACT_HI_PROCINST and ACT_HI_TASKINST on ID_; the
-- audit trail reads history by process instance) already have Camunda's indexes (ACT_IDX_HI_ACT_INST_PROCINST on
-- (PROC_INST_ID_, ACT_ID_), the primary keys), and the mail retry (notification WHERE mail_status = 'FAILED')
-- uses notification_mail_status (V9): no index added for them. Plain B-trees: the same on H2.

-- DossierRepository.search, the dossier list (GET /api/dossiers; the Department of Home Affairs and auditors see
-- every unit, so without a filter it is the whole table):
--   SELECT ... FROM dossier WHERE 1 = 1 [AND unit_code IN (?) AND status = ? ...]
--   ORDER BY created_at DESC, code DESC LIMIT 20 OFFSET ?
-- Before (no filter): 191 ms
--   Limit -> Gather Merge -> Sort (top-N heapsort, created_at DESC, code DESC) -> Parallel Seq Scan on dossier
--   (with status = 'IN_APPRAISAL': Bitmap Index Scan on dossier_status, 16,667 rows, then top-N sort: 58 ms;
--    one unit: Bitmap Index Scan on dossier_unit_year, 2,000 rows, then top-N sort: 26 ms)
-- After: 0.13 ms (page 50, OFFSET 1000: 0.5 ms)
--   Limit -> Index Scan using dossier_created on dossier
--   (status filter: Index Scan using dossier_created, Filter status, 95 rows removed: 0.08 ms; one unit: 0.37 ms)
CREATE INDEX dossier_created ON dossier (created_at DESC, code DESC);

-- MovementRepository.dossierCount, checked on every submission under an emulation movement (planned numbers):
--   SELECT COUNT(*) FROM dossier WHERE movement_id = ? AND award_type = ?
-- Before: 111 ms  Aggregate -> Seq Scan on dossier (Filter movement_id, award_type; 100,000 rows removed)
-- After: 0.06 ms  Aggregate -> Bitmap Heap Scan on dossier -> Bitmap Index Scan on dossier_movement
-- The movements page's counts (a correlated subquery per movement,
--   SELECT ..., (SELECT COUNT(*) FROM dossier d WHERE d.movement_id = m.id AND d.submitted_at IS NOT NULL) ...
--   FROM movement m WHERE m.period_start <= ? AND m.period_end >= ? ORDER BY m.period_start, m.name)
-- Before: 2,664 ms  SubPlan: Seq Scan on dossier d, 20 loops of 133 ms
-- After:     71 ms  SubPlan: Bitmap Index Scan on dossier_movement, 20 loops of 3.5 ms
-- It also serves the foreign key dossier.movement_id -> movement(id) when a movement is deleted.
CREATE INDEX dossier_movement ON dossier (movement_id, award_type);
