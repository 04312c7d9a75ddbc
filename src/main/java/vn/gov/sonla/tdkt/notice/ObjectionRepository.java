package vn.gov.sonla.tdkt.notice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ObjectionRepository {

  private static final String COLUMNS = "id, dossier_code, objector_name, objector_contact, content, client_address,"
      + " filed_at, status, finding, reviewed_by, reviewed_at, reference";

  private final JdbcClient jdbc;

  public ObjectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Objection o) {
    jdbc.sql("INSERT INTO objection (" + COLUMNS + ") VALUES (:id, :dossier, :name, :contact, :content, :address,"
            + " :filedAt, 'PENDING', NULL, NULL, NULL, :reference)")
        .param("id", o.id())
        .param("dossier", o.dossierCode())
        .param("name", o.objectorName())
        .param("contact", o.objectorContact())
        .param("content", o.content())
        .param("address", o.clientAddress())
        .param("filedAt", o.filedAt())
        .param("reference", o.reference())
        .update();
  }

  public void review(String id, boolean upheld, String finding, String reviewer, OffsetDateTime at) {
    jdbc.sql("UPDATE objection SET status = :status, finding = :finding, reviewed_by = :by, reviewed_at = :at"
            + " WHERE id = :id")
        .param("id", id)
        .param("status", upheld ? "UPHELD" : "DISMISSED")
        .param("finding", finding)
        .param("by", reviewer)
        .param("at", at)
        .update();
  }

  public Optional<Objection> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM objection WHERE id = :id").param("id", id)
        .query(Objection.class).optional();
  }

  public Optional<Objection> findByReference(String reference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM objection WHERE reference = :reference")
        .param("reference", reference).query(Objection.class).optional();
  }

  public List<Objection> forDossier(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM objection WHERE dossier_code = :code ORDER BY filed_at")
        .param("code", code).query(Objection.class).list();
  }
}
