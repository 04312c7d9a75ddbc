package vn.gov.sonla.tdkt.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.DeclaredFacts;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.kernel.Page;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

@Repository
public class DossierRepository {

  static final String COLUMNS = "code, unit_code, award_type, award_kind, award_year, subject_kind,"
      + " subject_name, subject_birth_date, subject_position, subject_work_unit, achievements, status,"
      + " status_reason, process_instance_id, created_by, created_at, submitted_at, updated_at";

  private final JdbcClient jdbc;

  public DossierRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new dossier with its emulation movement, the subject's role and the unit's declared facts (one statement);
   * with the client's idempotency key and the request's fingerprint when it sent one.
   */
  public void insert(Dossier d, String subjectKey, SubjectDetails details, String idempotencyKey,
      String fingerprint) {
    jdbc.sql("INSERT INTO dossier (" + COLUMNS + ", subject_key, open_slot, subject_search, idempotency_key,"
            + " request_fingerprint, movement_id, subject_role, declared_facts) VALUES (:code, :unit,"
            + " :awardType, :awardKind, :year, :subjectKind, :name, :birthDate, :position, :workUnit, :achievements,"
            + " :status, NULL, NULL, :createdBy, :createdAt, :submittedAt, :updatedAt, :subjectKey, 1, :search,"
            + " :idempotencyKey, :fingerprint, :movement, :role, :facts)")
        .param("movement", details.movementId())
        .param("role", details.subjectRole())
        .param("facts", details.declaredFactsJson())
        .param("code", d.code())
        .param("unit", d.unitCode())
        .param("awardType", d.awardType())
        .param("awardKind", d.awardKind() == null ? null : d.awardKind().name())
        .param("year", d.awardYear())
        .param("subjectKind", d.subjectKind() == null ? null : d.subjectKind().name())
        .param("name", d.subjectName())
        .param("birthDate", d.subjectBirthDate())
        .param("position", d.subjectPosition())
        .param("workUnit", d.subjectWorkUnit())
        .param("achievements", d.achievements())
        .param("status", d.status().name())
        .param("createdBy", d.createdBy())
        .param("createdAt", d.createdAt())
        .param("submittedAt", d.submittedAt())
        .param("updatedAt", d.updatedAt())
        .param("subjectKey", subjectKey)
        .param("search", VietnameseText.fold(d.subjectName()))
        .param("idempotencyKey", idempotencyKey)
        .param("fingerprint", fingerprint)
        .update();
  }

  /** The code and request fingerprint of the dossier this user created with this idempotency key. */
  public Optional<KeyedIntake> findByIdempotencyKey(String createdBy, String idempotencyKey) {
    return jdbc.sql("SELECT code, request_fingerprint FROM dossier WHERE created_by = :user"
            + " AND idempotency_key = :key")
        .param("user", createdBy)
        .param("key", idempotencyKey)
        .query((rs, row) -> new KeyedIntake(rs.getString(1), rs.getString(2)))
        .optional();
  }

  public record KeyedIntake(String code, String fingerprint) {}

  /** Replaces the editable fields of a draft, its movement, subject's role and declared facts included. */
  public void updateDraft(Dossier d, String subjectKey, SubjectDetails details, OffsetDateTime now) {
    jdbc.sql("UPDATE dossier SET award_type = :awardType, award_kind = :awardKind, award_year = :year,"
            + " subject_kind = :subjectKind, subject_name = :name, subject_birth_date = :birthDate,"
            + " subject_position = :position, subject_work_unit = :workUnit, achievements = :achievements,"
            + " subject_key = :subjectKey, subject_search = :search, movement_id = :movement, subject_role = :role,"
            + " declared_facts = :facts, updated_at = :now, version = version + 1"
            + " WHERE code = :code AND status = 'DRAFT'")
        .param("movement", details.movementId())
        .param("role", details.subjectRole())
        .param("facts", details.declaredFactsJson())
        .param("code", d.code())
        .param("awardType", d.awardType())
        .param("awardKind", d.awardKind() == null ? null : d.awardKind().name())
        .param("year", d.awardYear())
        .param("subjectKind", d.subjectKind() == null ? null : d.subjectKind().name())
        .param("name", d.subjectName())
        .param("birthDate", d.subjectBirthDate())
        .param("position", d.subjectPosition())
        .param("workUnit", d.subjectWorkUnit())
        .param("achievements", d.achievements())
        .param("subjectKey", subjectKey)
        .param("search", VietnameseText.fold(d.subjectName()))
        .param("now", now)
        .update();
  }

  public void markSubmitted(String code, String processInstanceId, OffsetDateTime now) {
    jdbc.sql("UPDATE dossier SET status = 'SUBMITTED', process_instance_id = :pi, submitted_at = :now,"
            + " updated_at = :now, version = version + 1 WHERE code = :code")
        .param("code", code)
        .param("pi", processInstanceId)
        .param("now", now)
        .update();
  }

  /** Sets the status; a status that releases the subject frees the one-open-dossier slot. */
  public int updateStatus(String code, DossierStatus status, String reason, OffsetDateTime now) {
    return jdbc.sql("UPDATE dossier SET status = :status, status_reason = :reason, updated_at = :now,"
            + " open_slot = CASE WHEN :release THEN NULL ELSE open_slot END, version = version + 1"
            + " WHERE code = :code")
        .param("code", code)
        .param("status", status.name())
        .param("reason", reason)
        .param("release", status.releasesSubject())
        .param("now", now)
        .update();
  }

  public void recordCentralDecision(String code, String number, String decidedBy, LocalDate date) {
    jdbc.sql("UPDATE dossier SET central_decision_number = :number, central_decision_by = :by,"
            + " central_decision_date = :date, decision_number = :number, version = version + 1 WHERE code = :code")
        .param("code", code).param("number", number).param("by", decidedBy).param("date", date).update();
  }

  /** The number of the decision awarding the dossier (searchable copy of the decision table's). */
  public void setDecisionNumber(String code, String number) {
    jdbc.sql("UPDATE dossier SET decision_number = :number WHERE code = :code")
        .param("code", code).param("number", number).update();
  }

  /** The user who completed the appraisal. */
  public void setAppraiser(String code, String appraiser) {
    jdbc.sql("UPDATE dossier SET appraiser = :appraiser WHERE code = :code")
        .param("code", code).param("appraiser", appraiser).update();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper FACTS_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  /**
   * What the dossier row keeps beside the read model's fields: the emulation movement, the subject's role and the
   * unit's declared facts, as stored (blank as null, stripped; the facts as JSON).
   */
  public record SubjectDetails(String movementId, String subjectRole, String declaredFactsJson) {

    public static SubjectDetails of(String movementId, String subjectRole, DeclaredFacts facts) {
      String json;
      try {
        json = facts == null ? null : FACTS_JSON.writeValueAsString(facts);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return new SubjectDetails(stripped(movementId), stripped(subjectRole), json);
    }

    private static String stripped(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  public String subjectRole(String code) {
    return jdbc.sql("SELECT subject_role FROM dossier WHERE code = :code").param("code", code)
        .query(String.class).optional().orElse(null);
  }

  public DeclaredFacts declaredFacts(String code) {
    String json = jdbc.sql("SELECT declared_facts FROM dossier WHERE code = :code").param("code", code)
        .query(String.class).optional().orElse(null);
    try {
      return json == null ? DeclaredFacts.NONE : FACTS_JSON.readValue(json, DeclaredFacts.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Unreadable declared facts of " + code, e);
    }
  }

  public String movementId(String code) {
    return jdbc.sql("SELECT movement_id FROM dossier WHERE code = :code").param("code", code)
        .query(String.class).optional().orElse(null);
  }

  public Optional<Dossier> find(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dossier WHERE code = :code")
        .param("code", code)
        .query(DossierRepository::map)
        .optional();
  }

  /** The dossier's status alone (the status listener's read before each change). */
  public Optional<DossierStatus> status(String code) {
    return jdbc.sql("SELECT status FROM dossier WHERE code = :code")
        .param("code", code)
        .query((rs, row) -> DossierStatus.valueOf(rs.getString(1)))
        .optional();
  }

  public boolean openDossierExists(String subjectKey, String awardType, int year, String exceptCode) {
    return jdbc.sql("SELECT COUNT(*) FROM dossier WHERE subject_key = :key AND award_type = :type"
            + " AND award_year = :year AND open_slot = 1 AND code <> :except")
        .param("key", subjectKey)
        .param("type", awardType)
        .param("year", year)
        .param("except", exceptCode == null ? "" : exceptCode)
        .query(Long.class)
        .single() > 0;
  }

  public Page<Dossier> search(DossierFilter filter, List<String> visibleUnits, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (visibleUnits != null) {
      if (visibleUnits.isEmpty()) {
        return new Page<>(List.of(), page, size, 0);
      }
      where.append(" AND unit_code IN (").append("?,".repeat(visibleUnits.size() - 1)).append("?)");
      params.addAll(visibleUnits);
    }
    if (filter.status() != null) {
      where.append(" AND status = ?");
      params.add(filter.status().name());
    }
    if (filter.unit() != null) {
      where.append(" AND unit_code = ?");
      params.add(filter.unit());
    }
    if (filter.year() != null) {
      where.append(" AND award_year = ?");
      params.add(filter.year());
    }
    if (filter.awardType() != null) {
      where.append(" AND award_type = ?");
      params.add(filter.awardType());
    }
    if (filter.text() != null && !filter.text().isEmpty()) {
      // the subject's folded name (no accents, lower case) or the code
      String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.append(" AND (subject_search LIKE ? ESCAPE '\\' OR LOWER(code) LIKE ? ESCAPE '\\')");
      params.add(like);
      params.add(like);
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM dossier" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<Dossier> items = jdbc.sql("SELECT " + COLUMNS + " FROM dossier" + where
            + " ORDER BY " + filter.order().sql + " LIMIT ? OFFSET ?")
        .params(pageParams)
        .query(DossierRepository::map)
        .list();
    return new Page<>(items, page, size, total);
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM dossier").query(Long.class).single();
  }

  static Dossier map(ResultSet rs, int row) throws SQLException {
    return new Dossier(
        rs.getString("code"),
        rs.getString("unit_code"),
        rs.getString("award_type"),
        rs.getString("award_kind") == null ? null : AwardKind.valueOf(rs.getString("award_kind")),
        rs.getInt("award_year"),
        rs.getString("subject_kind") == null ? null : SubjectKind.valueOf(rs.getString("subject_kind")),
        rs.getString("subject_name"),
        rs.getObject("subject_birth_date", LocalDate.class),
        rs.getString("subject_position"),
        rs.getString("subject_work_unit"),
        rs.getString("achievements"),
        DossierStatus.valueOf(rs.getString("status")),
        rs.getString("status_reason"),
        rs.getString("process_instance_id"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
