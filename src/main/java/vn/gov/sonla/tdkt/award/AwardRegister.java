package vn.gov.sonla.tdkt.award;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.sonla.tdkt.engine.EngineClock;

/**
 * The register of awards received by people and collectives (the pipeline's decisions, the units' own titles,
 * imports of past years), with the yearly task-completion ratings and recognised initiatives the criteria
 * depend on.
 */
@Repository
public class AwardRegister {

  private static final String COLUMNS = "id, subject_kind, subject_name, subject_birth_date, subject_unit,"
      + " subject_key, award_type, award_kind, award_year, decision_number, decision_date, decided_by, source,"
      + " dossier_code, subject_id, subject_role";
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Clock clock;

  public AwardRegister(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.template = template;
  }

  public void record(AwardRecord r) {
    record(r, null, null);
  }

  public void record(AwardRecord r, String importId, String recordedBy) {
    jdbc.sql("INSERT INTO award_record (" + COLUMNS + ", import_id, recorded_by, recorded_at) VALUES (:id, :kind,"
            + " :name, :birth, :unit, :key, :type, :awardKind, :year, :number, :date, :by, :source, :dossier,"
            + " :subjectId, :role, :importId, :recordedBy, :now)")
        .param("id", r.id())
        .param("kind", r.subjectKind())
        .param("name", r.subjectName())
        .param("birth", r.subjectBirthDate())
        .param("unit", r.subjectUnit())
        .param("key", r.subjectKey())
        .param("type", r.awardType())
        .param("awardKind", r.awardKind())
        .param("year", r.awardYear())
        .param("number", r.decisionNumber())
        .param("date", r.decisionDate())
        .param("by", r.decidedBy())
        .param("source", r.source())
        .param("dossier", r.dossierCode())
        .param("subjectId", r.subjectId())
        .param("role", r.subjectRole())
        .param("importId", importId)
        .param("recordedBy", recordedBy)
        .param("now", EngineClock.utc(clock))
        .update();
  }

  /** Entries in JDBC batches (imports). */
  public void recordBatch(List<AwardRecord> records, String importId, String recordedBy) {
    var now = EngineClock.utc(clock);
    template.batchUpdate("INSERT INTO award_record (" + COLUMNS + ", import_id, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", records, 1000,
        (ps, r) -> {
          ps.setString(1, r.id());
          ps.setString(2, r.subjectKind());
          ps.setString(3, r.subjectName());
          ps.setObject(4, r.subjectBirthDate());
          ps.setString(5, r.subjectUnit());
          ps.setString(6, r.subjectKey());
          ps.setString(7, r.awardType());
          ps.setString(8, r.awardKind());
          ps.setInt(9, r.awardYear());
          ps.setString(10, r.decisionNumber());
          ps.setObject(11, r.decisionDate());
          ps.setString(12, r.decidedBy());
          ps.setString(13, r.source());
          ps.setString(14, r.dossierCode());
          ps.setString(15, r.subjectId());
          ps.setString(16, r.subjectRole());
          ps.setString(17, importId);
          ps.setString(18, recordedBy);
          ps.setObject(19, now);
        });
  }

  public List<AwardRecord> forDossier(String dossierCode) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM award_record WHERE dossier_code = :code")
        .param("code", dossierCode)
        .query(AwardRegister::map)
        .list();
  }

  /** Entries under the old identity key (before subjects existed). */
  public List<AwardRecord> forSubject(String subjectKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM award_record WHERE subject_key = :key"
            + " ORDER BY award_year DESC, decision_date DESC")
        .param("key", subjectKey)
        .query(AwardRegister::map)
        .list();
  }

  /** A subject's full history, newest first. */
  public List<AwardRecord> history(String subjectId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM award_record WHERE subject_id = :id"
            + " ORDER BY award_year DESC, decision_date DESC, award_type")
        .param("id", subjectId)
        .query(AwardRegister::map)
        .list();
  }

  /** Natural keys (subject, award, year, decision number) already in the register for these subjects. */
  public Set<String> existingKeys(Collection<String> subjectIds) {
    Set<String> keys = new HashSet<>();
    List<String> ids = new ArrayList<>(subjectIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      template.query("SELECT subject_id, award_type, award_year, decision_number FROM award_record WHERE subject_id IN ("
              + "?,".repeat(chunk.size() - 1) + "?)",
          rs -> {
            keys.add(naturalKey(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
          }, chunk.toArray());
    }
    return keys;
  }

  public static String naturalKey(String subjectId, String awardType, int year, String decisionNumber) {
    return subjectId + "|" + awardType + "|" + year + "|" + decisionNumber.strip().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean exists(String subjectId, String awardType, int year, String decisionNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM award_record WHERE subject_id = :s AND award_type = :t AND award_year = :y"
            + " AND decision_number = :n")
        .param("s", subjectId).param("t", awardType).param("y", year).param("n", decisionNumber)
        .query(Long.class).single() > 0;
  }

  // --- ratings ---

  public List<SubjectRatingEntry> ratings(String subjectId) {
    return jdbc.sql("SELECT subject_id, rating_year, rating, source FROM subject_rating WHERE subject_id = :id"
            + " ORDER BY rating_year DESC")
        .param("id", subjectId)
        .query((rs, n) -> new SubjectRatingEntry(rs.getString(1), rs.getInt(2), Rating.valueOf(rs.getString(3)),
            rs.getString(4)))
        .list();
  }

  public Optional<Rating> rating(String subjectId, int year) {
    return jdbc.sql("SELECT rating FROM subject_rating WHERE subject_id = :id AND rating_year = :y")
        .param("id", subjectId).param("y", year).query(String.class).optional().map(Rating::valueOf);
  }

  /** Sets the year's rating (replacing an earlier one). */
  public void rate(String subjectId, int year, Rating rating, String source, String importId, String by) {
    int updated = jdbc.sql("UPDATE subject_rating SET rating = :r, source = :source, import_id = :imp,"
            + " recorded_by = :by, recorded_at = :now WHERE subject_id = :id AND rating_year = :y")
        .param("r", rating.name()).param("source", source).param("imp", importId).param("by", by)
        .param("now", EngineClock.utc(clock)).param("id", subjectId).param("y", year).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO subject_rating (subject_id, rating_year, rating, source, import_id, recorded_by, recorded_at)"
              + " VALUES (:id, :y, :r, :source, :imp, :by, :now)")
          .param("r", rating.name()).param("source", source).param("imp", importId).param("by", by)
          .param("now", EngineClock.utc(clock)).param("id", subjectId).param("y", year).update();
    }
  }

  /** Ratings by "subjectId|year" for these subjects (batched). */
  public Map<String, Rating> ratingsOf(Collection<String> subjectIds) {
    Map<String, Rating> found = new java.util.HashMap<>();
    List<String> ids = new ArrayList<>(subjectIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      template.query("SELECT subject_id, rating_year, rating FROM subject_rating WHERE subject_id IN ("
              + "?,".repeat(chunk.size() - 1) + "?)",
          rs -> {
            found.put(rs.getString(1) + "|" + rs.getInt(2), Rating.valueOf(rs.getString(3)));
          }, chunk.toArray());
    }
    return found;
  }

  /** New ratings in one JDBC batch: {subjectId, year, rating}. */
  public void rateBatch(List<SubjectRatingEntry> ratings, String importId, String by) {
    var now = EngineClock.utc(clock);
    template.batchUpdate("INSERT INTO subject_rating (subject_id, rating_year, rating, source, import_id, recorded_by,"
        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", ratings, 1000, (ps, r) -> {
          ps.setString(1, r.subjectId());
          ps.setInt(2, r.year());
          ps.setString(3, r.rating().name());
          ps.setString(4, r.source());
          ps.setString(5, importId);
          ps.setString(6, by);
          ps.setObject(7, now);
        });
  }

  // --- initiatives ---

  public List<Initiative> initiatives(String subjectId) {
    return jdbc.sql("SELECT id, subject_id, initiative_year, title, scope, recognised_by, document_number"
            + " FROM subject_initiative WHERE subject_id = :id ORDER BY initiative_year DESC, title")
        .param("id", subjectId)
        .query((rs, n) -> new Initiative(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            InitiativeScope.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)))
        .list();
  }

  public Initiative addInitiative(String subjectId, int year, String title, InitiativeScope scope, String recognisedBy,
      String documentNumber, String by) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO subject_initiative (id, subject_id, initiative_year, title, scope, recognised_by,"
            + " document_number, recorded_by, recorded_at) VALUES (:id, :s, :y, :t, :scope, :rb, :doc, :by, :now)")
        .param("id", id).param("s", subjectId).param("y", year).param("t", title).param("scope", scope.name())
        .param("rb", recognisedBy).param("doc", documentNumber).param("by", by).param("now", EngineClock.utc(clock)).update();
    return new Initiative(id, subjectId, year, title, scope, recognisedBy, documentNumber);
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM award_record").query(Long.class).single();
  }

  /** Entries not yet linked to a subject (written before subjects existed). */
  public List<AwardRecord> unlinked() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM award_record WHERE subject_id IS NULL").query(AwardRegister::map).list();
  }

  public void link(String recordId, String subjectId) {
    jdbc.sql("UPDATE award_record SET subject_id = :s WHERE id = :id").param("s", subjectId).param("id", recordId)
        .update();
  }

  private static AwardRecord map(ResultSet rs, int row) throws SQLException {
    return new AwardRecord(rs.getString("id"), rs.getString("subject_kind"), rs.getString("subject_name"),
        rs.getObject("subject_birth_date", LocalDate.class), rs.getString("subject_unit"), rs.getString("subject_key"),
        rs.getString("award_type"), rs.getString("award_kind"), rs.getInt("award_year"),
        rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class), rs.getString("decided_by"),
        rs.getString("source"), rs.getString("dossier_code"), rs.getString("subject_id"), rs.getString("subject_role"));
  }
}
