package vn.gov.sonla.tdkt.award;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of awards received by people and collectives. */
@Repository
public class AwardRegister {

  private static final String COLUMNS = "id, subject_kind, subject_name, subject_birth_date, subject_unit,"
      + " subject_key, award_type, award_kind, award_year, decision_number, decision_date, decided_by, source,"
      + " dossier_code";

  private final JdbcClient jdbc;

  public AwardRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(AwardRecord r) {
    jdbc.sql("INSERT INTO award_record (" + COLUMNS + ") VALUES (:id, :kind, :name, :birth, :unit, :key, :type,"
            + " :awardKind, :year, :number, :date, :by, :source, :dossier)")
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
        .update();
  }

  public List<AwardRecord> forDossier(String dossierCode) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM award_record WHERE dossier_code = :code")
        .param("code", dossierCode)
        .query(AwardRecord.class)
        .list();
  }

  public List<AwardRecord> forSubject(String subjectKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM award_record WHERE subject_key = :key"
            + " ORDER BY award_year DESC, decision_date DESC")
        .param("key", subjectKey)
        .query(AwardRecord.class)
        .list();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM award_record").query(Long.class).single();
  }

}
