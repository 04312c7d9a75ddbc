package vn.gov.sonla.tdkt.decision;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DecisionRepository {

  private static final String META =
      "id, decision_year, seq, register, number, dossier_code, signed_by, signed_at, pdf_sha256, numbered_by";

  private final JdbcClient jdbc;

  public DecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Decision d, byte[] pdf) {
    insert(d, pdf, null);
  }

  /** A decision of a batch ({@code batchKey}, no dossier of its own), or of one dossier (batchKey null). */
  public void insert(Decision d, byte[] pdf, String batchKey) {
    jdbc.sql("INSERT INTO decision (" + META + ", pdf, batch_key) VALUES (:id, :year, :seq, :register, :number,"
            + " :dossier, :by, :at, :sha, :numberedBy, :pdf, :batch)")
        .param("batch", batchKey)
        .param("id", d.id())
        .param("year", d.decisionYear())
        .param("seq", d.seq())
        .param("register", d.register())
        .param("numberedBy", d.numberedBy())
        .param("number", d.number())
        .param("dossier", d.dossierCode())
        .param("by", d.signedBy())
        .param("at", d.signedAt())
        .param("sha", d.pdfSha256())
        .param("pdf", pdf)
        .update();
  }

  public Optional<Decision> forDossier(String dossierCode) {
    // its own decision, or the decision of the batch that awarded it
    return jdbc.sql("SELECT " + META + " FROM decision WHERE dossier_code = :code OR batch_key IN (SELECT batch_key"
            + " FROM decision_batch_item WHERE dossier_code = :code AND state = 'AWARDED')")
        .param("code", dossierCode)
        .query(Decision.class)
        .optional();
  }

  public byte[] pdf(String id) {
    return jdbc.sql("SELECT pdf FROM decision WHERE id = :id").param("id", id)
        .query((rs, row) -> rs.getBytes(1)).single();
  }

  /** Whether the number is taken in the year's register. */
  public boolean exists(int year, String register, int seq) {
    return jdbc.sql("SELECT COUNT(*) FROM decision WHERE decision_year = :year AND register = :register AND seq = :seq")
        .param("year", year).param("register", register).param("seq", seq)
        .query(Integer.class).single() > 0;
  }

  /** The decisions of a year, in number order. */
  public List<Decision> ofYear(int year) {
    return jdbc.sql("SELECT " + META + " FROM decision WHERE decision_year = :year ORDER BY register, seq")
        .param("year", year)
        .query(Decision.class)
        .list();
  }

  /** The batch a decision was issued for; null for a single dossier's decision. */
  public String batchKey(String id) {
    List<String> keys = jdbc.sql("SELECT batch_key FROM decision WHERE id = :id").param("id", id)
        .query((rs, row) -> rs.getString(1)).list();
    return keys.isEmpty() ? null : keys.get(0);
  }

  public Optional<Decision> forBatch(String batchKey) {
    return jdbc.sql("SELECT " + META + " FROM decision WHERE batch_key = :key")
        .param("key", batchKey)
        .query(Decision.class)
        .optional();
  }

  public List<Integer> numbersOfYear(int year) {
    return jdbc.sql("SELECT seq FROM decision WHERE decision_year = :year ORDER BY seq")
        .param("year", year)
        .query(Integer.class)
        .list();
  }
}
