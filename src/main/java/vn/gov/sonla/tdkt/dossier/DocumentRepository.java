package vn.gov.sonla.tdkt.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Repository;
import vn.gov.sonla.tdkt.award.DocumentType;

@Repository
public class DocumentRepository {

  private static final String META = "id, dossier_code, doc_type, file_name, content_type, size_bytes, sha256,"
      + " uploaded_by, uploaded_at, signature_status, signature_signer, signature_problem";

  private final JdbcClient jdbc;

  public DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a document, its content streamed to the database from {@code content} (JDBC setBinaryStream with the
   * length): not buffered whole in the heap.
   */
  public void insert(StoredDocument doc, InputStreamSource content) {
    try (InputStream in = content.getInputStream()) {
      insert(doc, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void insert(StoredDocument doc, InputStream content) {
    jdbc.sql("INSERT INTO dossier_document (" + META + ", content) VALUES (:id, :dossier, :type, :name,"
            + " :contentType, :size, :sha, :by, :at, :signatureStatus, :signatureSigner, :signatureProblem, :content)")
        .param("id", doc.id())
        .param("dossier", doc.dossierCode())
        .param("type", doc.type().name())
        .param("name", doc.fileName())
        .param("contentType", doc.contentType())
        .param("size", doc.sizeBytes())
        .param("sha", doc.sha256())
        .param("by", doc.uploadedBy())
        .param("at", doc.uploadedAt())
        .param("signatureStatus", doc.signatureStatus())
        .param("signatureSigner", doc.signatureSigner())
        .param("signatureProblem", doc.signatureProblem())
        .param("content", new SqlBinaryValue(content, doc.sizeBytes()))
        .update();
  }

  public List<StoredDocument> list(String dossierCode) {
    return jdbc.sql("SELECT " + META + " FROM dossier_document WHERE dossier_code = :code"
            + " ORDER BY uploaded_at, file_name")
        .param("code", dossierCode)
        .query(DocumentRepository::map)
        .list();
  }

  public Optional<StoredDocument> find(String dossierCode, String id) {
    return jdbc.sql("SELECT " + META + " FROM dossier_document WHERE dossier_code = :code AND id = :id")
        .param("code", dossierCode)
        .param("id", id)
        .query(DocumentRepository::map)
        .optional();
  }

  public byte[] content(String id) {
    return jdbc.sql("SELECT content FROM dossier_document WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> rs.getBytes(1))
        .single();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM dossier_document").query(Long.class).single();
  }

  private static StoredDocument map(ResultSet rs, int row) throws SQLException {
    return new StoredDocument(
        rs.getString("id"),
        rs.getString("dossier_code"),
        DocumentType.valueOf(rs.getString("doc_type")),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class),
        rs.getString("signature_status"),
        rs.getString("signature_signer"),
        rs.getString("signature_problem"));
  }
}
