package vn.gov.sonla.tdkt.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills a PostgreSQL database with many dossiers' worth of history for the audit benchmark: each copy of a
 * template dossier (driven through the real pipeline beforehand) gets the template's rows in every engine history
 * table (ACT_HI_*, and the history's byte arrays) and in the project's own tables, with instance ids replaced
 * ({@code bench_id}), times shifted, and the dossier's code, unit, year, subject and decision number replaced. Audit
 * records are re-hashed into the chain. Everything runs as INSERT … SELECT on the server, a chunk of copies at a
 * time; the copies are described in the work table {@code bench_clone_map}.
 *
 * <p>Test code for the {@code bench} and {@code load} profiles only (the audit benchmark, and the load test's
 * finished dossiers): it writes the engine's tables directly, which the application never does.
 */
public final class HistoryCloner {

  /** A template: a dossier that went through the pipeline, whose rows are copied. */
  public record Template(String code, String processInstanceId) {}

  /** One copy to make. {@code decisionSeq} is null when the template has no decision. */
  public record Copy(int n, Template template, String code, String unitCode, int year, long shiftMillis, String subjectName,
      String subjectSearch, java.time.LocalDate birthDate, String subjectKey, Integer decisionSeq) {}

  /** Engine history tables; every one has ROOT_PROC_INST_ID_, the template's process instance. */
  static final List<String> ENGINE_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_comment", "act_hi_attachment", "act_hi_op_log",
      "act_hi_incident", "act_hi_job_log", "act_hi_ext_task_log", "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out",
      "act_ge_bytearray");

  /** Columns holding ids of instance-level records: replaced per copy. Definition-level ids are kept. */
  static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
      "act_inst_id_", "parent_act_inst_id_", "task_id_", "parent_task_id_", "call_proc_inst_id_",
      "super_process_instance_id_", "bytearray_id_", "var_inst_id_", "operation_id_", "job_id_",
      "process_instance_id_", "cause_incident_id_", "root_cause_incident_id_", "job_exception_stack_id_",
      "ext_task_id_", "error_details_id_", "content_id_", "dec_inst_id_", "root_dec_inst_id_",
      "activity_inst_id_", "restarted_proc_inst_id_");

  /** The project's tables copied per dossier, with the column naming the dossier. */
  static final Map<String, String> PROJECT_TABLES = projectTables();

  private static Map<String, String> projectTables() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("dossier", "code");
    tables.put("dossier_document", "dossier_code");
    tables.put("decision", "dossier_code");
    tables.put("award_record", "dossier_code");
    tables.put("notification", "dossier_code");
    tables.put("objection", "dossier_code");
    tables.put("council_agenda_item", "dossier_code");
    // the reports' read model of processing times (report.StepTimes)
    tables.put("step_time", "dossier_code");
    return tables;
  }

  private static final String DOCUMENT_STAND_IN = "CAST('%PDF-1.4 copy of a dossier document' AS BYTEA)";

  private final JdbcTemplate jdbc;
  private final Consumer<String> log;

  public HistoryCloner(JdbcTemplate jdbc, Consumer<String> log) {
    this.jdbc = jdbc;
    this.log = log;
  }

  /** Makes every copy, {@code chunk} copies per statement. */
  public void cloneAll(List<Copy> copies, int chunk) {
    jdbc.execute("DROP TABLE IF EXISTS bench_clone_map");
    // an id of copy n: the id's trailing UUID replaced by one derived from it and n, so that the id keeps its
    // length (activity instance ids are "<activity id>:<uuid>" in columns of 64 characters) and every column
    // naming the same record gets the same new id
    jdbc.execute("CREATE OR REPLACE FUNCTION bench_id(v VARCHAR, n INTEGER) RETURNS VARCHAR AS $$"
        + " SELECT CASE WHEN v IS NULL THEN NULL ELSE left(v, greatest(length(v) - 36, 0))"
        + " || CAST(CAST(md5(right(v, 36) || '~' || n) AS uuid) AS VARCHAR) END $$ LANGUAGE sql IMMUTABLE");
    jdbc.execute("CREATE TABLE bench_clone_map (n INTEGER PRIMARY KEY, tpl_pi VARCHAR(64) NOT NULL,"
        + " tpl_code VARCHAR(40) NOT NULL, new_code VARCHAR(40) NOT NULL, unit_code VARCHAR(40) NOT NULL,"
        + " award_year INTEGER NOT NULL, shift_ms BIGINT NOT NULL, subject_name VARCHAR(200) NOT NULL,"
        + " subject_search VARCHAR(200) NOT NULL, subject_birth_date DATE, subject_key VARCHAR(500) NOT NULL,"
        + " decision_seq INTEGER,"
        + " chunk INTEGER NOT NULL)");
    List<Object[]> rows = new ArrayList<>();
    for (Copy c : copies) {
      rows.add(new Object[] {c.n(), c.template().processInstanceId(), c.template().code(), c.code(), c.unitCode(),
          c.year(), c.shiftMillis(), c.subjectName(), c.subjectSearch(), c.birthDate(), c.subjectKey(),
          c.decisionSeq(), c.n() / chunk});
    }
    jdbc.batchUpdate("INSERT INTO bench_clone_map VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    jdbc.execute("CREATE INDEX bench_clone_map_chunk ON bench_clone_map (chunk, tpl_pi)");
    jdbc.execute("ANALYZE bench_clone_map");

    Map<String, String> engineStatements = new LinkedHashMap<>();
    for (String table : ENGINE_TABLES) {
      engineStatements.put(table, engineInsert(table));
    }
    Map<String, String> projectStatements = new LinkedHashMap<>();
    PROJECT_TABLES.forEach((table, codeColumn) -> projectStatements.put(table, projectInsert(table, codeColumn)));

    // bulk load: the secondary indexes are dropped and built again afterwards, exactly as they were, except the
    // ones that find the templates' rows (ROOT_PROC_INST_ID_ and the dossier code columns)
    List<String> indexes = new ArrayList<>();
    for (String table : engineStatements.keySet()) {
      indexes.addAll(droppableIndexes(table, "root_proc_inst_id_"));
    }
    PROJECT_TABLES.forEach((table, codeColumn) -> indexes.addAll(droppableIndexes(table, codeColumn)));
    for (String definition : indexes) {
      jdbc.execute("DROP INDEX " + indexName(definition));
    }
    int chunks = copies.stream().mapToInt(c -> c.n() / chunk).max().orElse(-1) + 1;
    long started = System.nanoTime();
    for (int k = 0; k < chunks; k++) {
      final int chunkNo = k;
      projectStatements.forEach((table, sql) -> jdbc.update(sql, chunkNo));
      engineStatements.forEach((table, sql) -> jdbc.update(sql, chunkNo));
      log.accept(String.format(Locale.ROOT, "cloned chunk %d/%d (%.0f s)", k + 1, chunks,
          (System.nanoTime() - started) / 1e9));
    }
    for (String definition : indexes) {
      jdbc.execute(definition);
    }
    log.accept(String.format(Locale.ROOT, "rebuilt %d indexes (%.0f s)", indexes.size(),
        (System.nanoTime() - started) / 1e9));
  }

  /** CREATE INDEX statements of a table's indexes that are neither its primary key nor unique nor on {@code keep}. */
  private List<String> droppableIndexes(String table, String keep) {
    return jdbc.queryForList("SELECT i.indexdef FROM pg_indexes i JOIN pg_index x"
            + " ON x.indexrelid = CAST(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname) AS regclass)"
            + " WHERE i.schemaname = current_schema() AND i.tablename = ? AND NOT x.indisprimary AND NOT x.indisunique",
        String.class, table).stream()
        .filter(definition -> !definition.toLowerCase(Locale.ROOT).matches(".*\\(" + keep + "\\).*"))
        .toList();
  }

  private static String indexName(String definition) {
    // CREATE INDEX name ON schema.table USING ...
    return definition.replaceFirst("(?i)^CREATE INDEX (\\S+) ON .*$", "$1");
  }

  /** Appends the templates' audit records for every copy to the hash chain, in copy order. */
  public long chainAuditRecords(List<Copy> copies) {
    Map<String, List<AuditRecord>> byTemplate = new HashMap<>();
    for (Template t : copies.stream().map(Copy::template).collect(Collectors.toSet())) {
      byTemplate.put(t.code(), jdbc.query("SELECT seq, recorded_at, actor, dossier_code, kind, detail, prev_hash, hash"
              + " FROM audit_record WHERE dossier_code = ? ORDER BY seq",
          (rs, i) -> new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), t.code()));
    }
    long seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_record", Long.class);
    String prev = seq == 0 ? AuditLog.GENESIS
        : jdbc.queryForObject("SELECT hash FROM audit_record WHERE seq = ?", String.class, seq);
    List<Object[]> batch = new ArrayList<>();
    long added = 0;
    for (Copy c : copies) {
      for (AuditRecord r : byTemplate.get(c.template().code())) {
        seq++;
        Instant at = r.recordedAt().plusMillis(c.shiftMillis());
        String detail = r.detail().replace(c.template().code(), c.code());
        String hash = AuditLog.hash(seq, at, r.actor(), c.code(), r.kind(), detail, prev);
        batch.add(new Object[] {seq, Timestamp.from(at), r.actor(), c.code(), r.kind(), detail, prev, hash});
        prev = hash;
        added++;
      }
      if (batch.size() >= 5_000) {
        insertAudit(batch);
      }
    }
    insertAudit(batch);
    jdbc.update("UPDATE counter SET last_value = ? WHERE name = ?", seq, AuditLog.COUNTER);
    return added;
  }

  private void insertAudit(List<Object[]> batch) {
    if (!batch.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO audit_record (seq, recorded_at, actor, dossier_code, kind, detail, prev_hash, hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch);
      batch.clear();
    }
  }

  public void dropWorkTable() {
    jdbc.execute("DROP TABLE IF EXISTS bench_clone_map");
    jdbc.execute("DROP FUNCTION IF EXISTS bench_id(VARCHAR, INTEGER)");
  }

  // ------------------------------------------------------------------ statements

  private record Column(String name, String type) {}

  private List<Column> columns(String table) {
    return jdbc.query("SELECT column_name, data_type FROM information_schema.columns"
            + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
        (rs, i) -> new Column(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2)), table);
  }

  private String engineInsert(String table) {
    List<Column> columns = columns(table);
    if (columns.stream().noneMatch(c -> c.name().equals("root_proc_inst_id_"))) {
      throw new IllegalStateException(table + " has no ROOT_PROC_INST_ID_");
    }
    List<String> exprs = new ArrayList<>();
    for (Column c : columns) {
      String x = "x." + c.name();
      if (INSTANCE_IDS.contains(c.name())) {
        exprs.add("bench_id(" + x + ", m.n)");
      } else if (c.name().equals("business_key_")) {
        exprs.add("CASE WHEN " + x + " = m.tpl_code THEN m.new_code ELSE " + x + " END");
      } else if (c.name().equals("text_")) {
        // variables holding the dossier's code (dossierCode) follow the copy
        exprs.add("CASE WHEN " + x + " = m.tpl_code THEN m.new_code ELSE " + x + " END");
      } else if (c.type().startsWith("timestamp")) {
        exprs.add(x + " + m.shift_ms * INTERVAL '1 millisecond'");
      } else {
        exprs.add(x);
      }
    }
    return "INSERT INTO " + table + " (" + names(columns) + ") SELECT " + String.join(", ", exprs) + " FROM " + table
        + " x JOIN bench_clone_map m ON x.root_proc_inst_id_ = m.tpl_pi WHERE m.chunk = ?";
  }

  private String projectInsert(String table, String codeColumn) {
    List<Column> columns = columns(table);
    List<String> exprs = new ArrayList<>();
    for (Column c : columns) {
      String x = "x." + c.name();
      String e = switch (c.name()) {
        case "code", "dossier_code" -> "m.new_code";
        // ids of the project's rows are 36-character UUIDs: a copy's id is a hash of the template's and n
        case "id" -> "md5(" + x + " || '~' || m.n)";
        case "process_instance_id", "activity_instance_id", "task_id" -> "bench_id(" + x + ", m.n)";
        case "unit_code" -> "m.unit_code";
        case "award_year", "decision_year" -> "m.award_year";
        case "subject_name" -> "m.subject_name";
        case "subject_search" -> "m.subject_search";
        case "subject_key" -> "m.subject_key";
        case "seq" -> "m.decision_seq";
        case "number" -> "m.decision_seq || '/QĐ-UBND'";
        case "decision_number" -> "CASE WHEN " + x + " IS NULL THEN NULL ELSE m.decision_seq || '/QĐ-UBND' END";
        case "message", "detail" -> "replace(" + x + ", m.tpl_code, m.new_code)";
        // the decision's PDF (some 20 kB each) is not read by the audit reads: a small stand-in keeps the fill fast
        case "pdf" -> "CAST('%PDF-1.4 bench copy' AS BYTEA)";
        // so are a dossier's documents (0.3–2 MB each in the load test: 100,000 copies would take hundreds of GB);
        // the stand-in's size and SHA-256 are its own, so that a copy's document still reads as intact
        case "content" -> table.equals("dossier_document") ? DOCUMENT_STAND_IN : x;
        case "size_bytes" -> table.equals("dossier_document") ? "length(" + DOCUMENT_STAND_IN + ")" : x;
        case "sha256" -> table.equals("dossier_document") ? "encode(sha256(" + DOCUMENT_STAND_IN + "), 'hex')" : x;
        case "recipient" -> "CASE WHEN " + x + " LIKE 'unit-%' THEN 'unit-' || m.unit_code ELSE " + x + " END";
        case "subject_birth_date" -> "m.subject_birth_date";
        default -> c.type().startsWith("timestamp") ? x + " + m.shift_ms * INTERVAL '1 millisecond'"
            : c.type().equals("date") ? "CAST(" + x + " + m.shift_ms * INTERVAL '1 millisecond' AS DATE)" : x;
      };
      exprs.add(e);
    }
    return "INSERT INTO " + table + " (" + names(columns) + ") SELECT " + String.join(", ", exprs) + " FROM " + table
        + " x JOIN bench_clone_map m ON x." + codeColumn + " = m.tpl_code WHERE m.chunk = ?";
  }

  private static String names(Collection<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }
}
