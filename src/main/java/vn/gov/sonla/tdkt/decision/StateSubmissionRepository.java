package vn.gov.sonla.tdkt.decision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StateSubmissionRepository {

  private final JdbcClient jdbc;

  public StateSubmissionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void create(String key, int year, int round, OffsetDateTime now) {
    jdbc.sql("INSERT INTO state_submission (submission_key, submission_year, round_no, status, created_at)"
            + " VALUES (:key, :year, :round, 'PREPARING', :now)")
        .param("key", key).param("year", year).param("round", round).param("now", now).update();
  }

  public void addItem(String key, String dossierCode) {
    jdbc.sql("INSERT INTO state_submission_item (submission_key, dossier_code, included) VALUES (:key, :code, TRUE)")
        .param("key", key).param("code", dossierCode).update();
  }

  /** Dossiers already on a submission that is not dropped. */
  public boolean isOnAnySubmission(String dossierCode) {
    return jdbc.sql("SELECT COUNT(*) FROM state_submission_item WHERE dossier_code = :code AND included")
        .param("code", dossierCode).query(Long.class).single() > 0;
  }

  public List<String> items(String key) {
    return jdbc.sql("SELECT dossier_code FROM state_submission_item WHERE submission_key = :key AND included"
            + " ORDER BY dossier_code")
        .param("key", key).query(String.class).list();
  }

  public void exclude(String key, String dossierCode) {
    jdbc.sql("UPDATE state_submission_item SET included = FALSE WHERE submission_key = :key AND dossier_code = :code")
        .param("key", key).param("code", dossierCode).update();
  }

  public void prepared(String key, String summary, String by) {
    jdbc.sql("UPDATE state_submission SET summary = :summary, prepared_by = :by WHERE submission_key = :key")
        .param("key", key).param("summary", summary).param("by", by).update();
  }

  public void signed(String key, String number, String by, OffsetDateTime at) {
    jdbc.sql("UPDATE state_submission SET status = 'SIGNED', number = :number, signed_by = :by, signed_at = :at"
            + " WHERE submission_key = :key")
        .param("key", key).param("number", number).param("by", by).param("at", at).update();
  }

  /** A submission as the API shows it. */
  public record Submission(String key, int year, int round, String status, String number, String summary,
      String preparedBy, String signedBy, java.time.OffsetDateTime signedAt) {}

  public Optional<Submission> find(String key) {
    return jdbc.sql("SELECT submission_key, submission_year, round_no, status, number, summary, prepared_by, signed_by,"
            + " signed_at FROM state_submission WHERE submission_key = :key")
        .param("key", key)
        .query((rs, row) -> new Submission(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, java.time.OffsetDateTime.class)))
        .optional();
  }
}
