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
    jdbc.sql("INSERT INTO decision (" + META + ", pdf) VALUES (:id, :year, :seq, :register, :number, :dossier, :by,"
            + " :at, :sha, :numberedBy, :pdf)")
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
    return jdbc.sql("SELECT " + META + " FROM decision WHERE dossier_code = :code")
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

  public List<Integer> numbersOfYear(int year) {
    return jdbc.sql("SELECT seq FROM decision WHERE decision_year = :year ORDER BY seq")
        .param("year", year)
        .query(Integer.class)
        .list();
  }
}
