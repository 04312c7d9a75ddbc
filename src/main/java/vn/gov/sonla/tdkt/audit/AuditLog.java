package vn.gov.sonla.tdkt.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.gov.sonla.tdkt.engine.EngineUser;
import vn.gov.sonla.tdkt.kernel.GaplessCounter;

/**
 * The project's own audit trail: append-only records, each carrying the SHA-256 of its content and of
 * the previous record's hash, so that changing, removing or inserting a record breaks the chain
 * ({@link #verify()}). Records are appended in the caller's transaction (the step and its record
 * commit or roll back together) and written just before it commits; the sequence number comes from the
 * gapless counter {@code audit}, whose row lock orders the chain. There is deliberately no update or
 * delete here, and the database refuses both (db/vendor/postgresql/V6_1__audit_append_only.sql).
 */
@Service
public class AuditLog {

  public static final String STATUS_CHANGED = "STATUS_CHANGED";
  public static final String DOCUMENT_ADDED = "DOCUMENT_ADDED";
  public static final String DECISION_ISSUED = "DECISION_ISSUED";
  public static final String COUNCIL_TALLY = "COUNCIL_TALLY";
  public static final String OBJECTION_FILED = "OBJECTION_FILED";
  public static final String OBJECTION_REVIEWED = "OBJECTION_REVIEWED";
  public static final String ELIGIBILITY_OVERRIDDEN = "ELIGIBILITY_OVERRIDDEN";

  public static final String SYSTEM = "system";
  static final String COUNTER = "audit";
  static final String GENESIS = "0".repeat(64);
  /** Longest string value kept in a detail; longer ones are cut (the full text lives in its own record). */
  static final int MAX_VALUE_LENGTH = 2000;
  private static final int MAX_DETAIL_LENGTH = 8000;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final String COLUMNS = "seq, recorded_at, actor, dossier_code, kind, detail, prev_hash, hash";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final GaplessCounter counter;
  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final Clock clock;

  public AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, GaplessCounter counter, IdentityService identity, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.counter = counter;
    this.identity = identity;
  }

  /** A detail map from name/value pairs; values may be null. */
  public static Map<String, Object> detail(Object... namesAndValues) {
    Map<String, Object> map = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  /**
   * Appends a record in the caller's transaction (there must be one). The record's content (actor, time,
   * canonical detail) is fixed now; its place in the chain (seq, previous hash, hash) is assigned and the row
   * written just before the transaction commits, together with the transaction's other records: the counter
   * row, which orders the chain and is held until the commit, is then locked only for that last moment instead
   * of for the rest of the step. A transaction that rolls back writes nothing and takes no number.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void append(String dossierCode, String kind, Map<String, Object> detail) {
    String canonicalDetail = canonical(detail);
    String user = EngineUser.currentUserId(identity);
    String actor = user == null ? SYSTEM : user;
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    pending().add(new Pending(at, actor, dossierCode, kind, canonicalDetail));
  }

  /** A record waiting for its transaction's commit. */
  private record Pending(Instant at, String actor, String dossierCode, String kind, String detail) {}

  /** The current transaction's records not yet written, registered for its commit on first use. */
  private List<Pending> pending() {
    PendingRecords records = (PendingRecords) TransactionSynchronizationManager.getResource(this);
    if (records == null) {
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        throw new IllegalStateException("Audit records need a transaction with synchronization");
      }
      records = new PendingRecords();
      TransactionSynchronizationManager.bindResource(this, records);
      TransactionSynchronizationManager.registerSynchronization(records);
    }
    return records.records;
  }

  /**
   * Writes the transaction's records before it commits: one counter update reserves their numbers (and locks the
   * counter row until the commit), the previous record's hash is read once, and the chained rows are inserted in
   * one batch. A failure here rolls the whole transaction back.
   */
  private void write(List<Pending> records) {
    if (records.isEmpty()) {
      return;
    }
    long last = counter.reserve(COUNTER, records.size());
    long first = last - records.size() + 1;
    String prevHash = first == 1 ? GENESIS : jdbc.sql("SELECT hash FROM audit_record WHERE seq = :seq")
        .param("seq", first - 1).query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("Audit record " + (first - 1) + " is missing: the chain is broken"));
    List<Object[]> rows = new ArrayList<>(records.size());
    long seq = first;
    for (Pending p : records) {
      String hash = hash(seq, p.at(), p.actor(), p.dossierCode(), p.kind(), p.detail(), prevHash);
      rows.add(new Object[] {seq, OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC), p.actor(), p.dossierCode(),
          p.kind(), p.detail(), prevHash, hash});
      prevHash = hash;
      seq++;
    }
    jdbcTemplate.batchUpdate("INSERT INTO audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    records.clear();
  }

  /** The records of one transaction; moves aside with it when it is suspended (an inner REQUIRES_NEW). */
  private final class PendingRecords implements TransactionSynchronization {
    final List<Pending> records = new ArrayList<>();

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(AuditLog.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(AuditLog.this, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write(records);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
      records.clear();
    }
  }

  /** A dossier's records in order. */
  public List<AuditRecord> forDossier(String dossierCode) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE dossier_code = :code ORDER BY seq")
        .param("code", dossierCode).query(AuditLog::map).list();
  }

  /**
   * Walks the whole chain in order: gapless seq from 1, each prev_hash equal to the previous record's
   * hash, each hash recomputed from the content, and no record missing at the end (the counter
   * {@code audit} is read first, so records appended meanwhile do not count as a break).
   */
  @Transactional(readOnly = true)
  public VerifyResult verify() {
    long expectedCount = jdbc.sql("SELECT last_value FROM counter WHERE name = :name").param("name", COUNTER)
        .query(Long.class).optional().orElse(0L);
    Walk walk = new Walk();
    jdbc.sql("SELECT " + COLUMNS + " FROM audit_record ORDER BY seq").query(rs -> {
      if (walk.brokenSeq == null) {
        walk.check(map(rs, 0));
      }
    });
    if (walk.brokenSeq == null && walk.count < expectedCount) {
      walk.brokenSeq = walk.count + 1;
      walk.reason = "Thiếu bản ghi " + (walk.count + 1) + " đến " + expectedCount + " (bộ đếm đã cấp " + expectedCount
          + " số).";
    }
    return new VerifyResult(walk.brokenSeq == null, walk.count, walk.brokenSeq, walk.reason, walk.lastHash);
  }

  private static final class Walk {
    long count;
    String lastHash = GENESIS;
    Long brokenSeq;
    String reason;

    void check(AuditRecord r) {
      long expected = count + 1;
      if (r.seq() != expected) {
        broken(expected, "Thiếu bản ghi số " + expected + " (bản ghi tiếp theo mang số " + r.seq() + ").");
      } else if (!r.prevHash().equals(lastHash)) {
        broken(r.seq(), "Mã băm của bản ghi trước không khớp (prev_hash).");
      } else if (!r.hash().equals(hash(r.seq(), r.recordedAt(), r.actor(), r.dossierCode(), r.kind(), r.detail(),
          r.prevHash()))) {
        broken(r.seq(), "Nội dung bản ghi không khớp mã băm (bản ghi đã bị sửa).");
      } else {
        count++;
        lastHash = r.hash();
      }
    }

    void broken(long seq, String why) {
      brokenSeq = seq;
      reason = why;
    }
  }

  static String hash(long seq, Instant at, String actor, String dossierCode, String kind, String detail,
      String prevHash) {
    String canonical = String.join("|", Long.toString(seq), TIME.format(at), actor,
        dossierCode == null ? "" : dossierCode, kind, detail, prevHash);
    return org.apache.commons.codec.digest.DigestUtils.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
  }

  private String canonical(Map<String, Object> detail) {
    Map<String, Object> cut = new TreeMap<>();
    if (detail != null) {
      detail.forEach((k, v) -> cut.put(k, v instanceof String s && s.length() > MAX_VALUE_LENGTH
          ? s.substring(0, MAX_VALUE_LENGTH) + "…" : v));
    }
    try {
      String text = json.writeValueAsString(cut);
      if (text.length() > MAX_DETAIL_LENGTH) {
        throw new IllegalArgumentException("Audit detail longer than " + MAX_DETAIL_LENGTH + " characters");
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit detail is not serialisable: " + e.getMessage(), e);
    }
  }

  private static AuditRecord map(ResultSet rs, int row) throws SQLException {
    return new AuditRecord(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"), rs.getString("dossier_code"), rs.getString("kind"), rs.getString("detail"),
        rs.getString("prev_hash"), rs.getString("hash"));
  }
}
