package vn.gov.sonla.tdkt.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.dossier.GaplessCounter;

/**
 * The project's own audit trail: append-only records, each carrying the SHA-256 of its content and of
 * the previous record's hash, so that changing, removing or inserting a record breaks the chain
 * ({@link #verify()}). Records are appended in the caller's transaction (the step and its record
 * commit or roll back together); the sequence number comes from the gapless counter {@code audit},
 * whose row lock orders the chain. There is deliberately no update or delete here, and the database
 * refuses both (db/vendor/postgresql/V6_1__audit_append_only.sql).
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
  private final GaplessCounter counter;
  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  public AuditLog(JdbcClient jdbc, GaplessCounter counter, IdentityService identity) {
    this.jdbc = jdbc;
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

  /** Appends a record in the caller's transaction (there must be one: the counter row stays locked until commit). */
  @Transactional(propagation = Propagation.MANDATORY)
  public AuditRecord append(String dossierCode, String kind, Map<String, Object> detail) {
    String canonicalDetail = canonical(detail);
    Authentication current = identity.getCurrentAuthentication();
    String actor = current == null || current.getUserId() == null ? SYSTEM : current.getUserId();
    Instant at = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
    long seq = counter.next(COUNTER);
    String prevHash = seq == 1 ? GENESIS : jdbc.sql("SELECT hash FROM audit_record WHERE seq = :seq")
        .param("seq", seq - 1).query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("Audit record " + (seq - 1) + " is missing: the chain is broken"));
    AuditRecord record = new AuditRecord(seq, at, actor, dossierCode, kind, canonicalDetail, prevHash,
        hash(seq, at, actor, dossierCode, kind, canonicalDetail, prevHash));
    jdbc.sql("INSERT INTO audit_record (" + COLUMNS + ") VALUES (:seq, :at, :actor, :code, :kind, :detail, :prev, :hash)")
        .param("seq", record.seq())
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("actor", actor)
        .param("code", dossierCode)
        .param("kind", kind)
        .param("detail", canonicalDetail)
        .param("prev", prevHash)
        .param("hash", record.hash())
        .update();
    return record;
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
