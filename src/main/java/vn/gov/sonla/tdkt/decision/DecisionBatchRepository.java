package vn.gov.sonla.tdkt.decision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Decision batches ({@code decision_batch}) and their dossiers ({@code decision_batch_item}). */
@Repository
public class DecisionBatchRepository {

  /** States of a dossier in a batch. */
  public static final String PROPOSED = "PROPOSED";
  public static final String AWARDED = "AWARDED";
  public static final String EXCLUDED = "EXCLUDED";
  public static final String REFUSED = "REFUSED";
  public static final String DROPPED = "DROPPED";

  /** A batch as the API shows it. */
  public record Batch(String key, int year, int round, String awardType, String status, String openedBy,
      OffsetDateTime createdAt, String decidedBy, String decisionNumber, boolean hasProposal) {}

  /** One dossier of a batch: its state there and the Chairman's reason when excluded or refused. */
  public record Item(String dossierCode, String state, String reason) {}

  /** A batch that held a dossier, and the dossier's state and reason there. */
  public record Membership(String batchKey, String state, String reason) {}

  private final JdbcClient jdbc;

  public DecisionBatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void create(String key, int year, int round, String awardType, String openedBy, OffsetDateTime now) {
    jdbc.sql("INSERT INTO decision_batch (batch_key, batch_year, round_no, award_type, status, opened_by, created_at)"
            + " VALUES (:key, :year, :round, :award, 'PREPARING', :by, :now)")
        .param("key", key).param("year", year).param("round", round).param("award", awardType)
        .param("by", openedBy).param("now", now).update();
  }

  /**
   * Serialises the opening of batches of one award type until the caller's transaction ends: the award type's
   * catalogue row locked ({@code SELECT … FOR UPDATE}), so that two batches opened at the same moment never take the
   * same dossier (the second sees the first's dossiers as proposed once it may go on).
   */
  public void lockAwardType(String awardType) {
    jdbc.sql("SELECT code FROM award_type WHERE code = :code FOR UPDATE").param("code", awardType)
        .query(String.class).list();
  }

  public boolean exists(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM decision_batch WHERE batch_key = :key").param("key", key)
        .query(Long.class).single() > 0;
  }

  public Optional<Batch> find(String key) {
    return jdbc.sql("SELECT batch_key, batch_year, round_no, award_type, status, opened_by, created_at, decided_by,"
            + " decision_number, proposal_pdf IS NOT NULL FROM decision_batch WHERE batch_key = :key")
        .param("key", key)
        .query((rs, row) -> new Batch(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9),
            rs.getBoolean(10)))
        .optional();
  }

  public void addItem(String key, String dossierCode) {
    jdbc.sql("INSERT INTO decision_batch_item (batch_key, dossier_code, state) VALUES (:key, :code, 'PROPOSED')")
        .param("key", key).param("code", dossierCode).update();
  }

  public List<Item> items(String key) {
    return jdbc.sql("SELECT dossier_code, state, reason FROM decision_batch_item WHERE batch_key = :key"
            + " ORDER BY dossier_code")
        .param("key", key)
        .query((rs, row) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The batches that held the dossier (excluded from one, it may be in a later one), by key. */
  public List<Membership> batchesOf(String dossierCode) {
    return jdbc.sql("SELECT batch_key, state, reason FROM decision_batch_item WHERE dossier_code = :code"
            + " ORDER BY batch_key")
        .param("code", dossierCode)
        .query((rs, row) -> new Membership(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  public List<String> codes(String key, String state) {
    return jdbc.sql("SELECT dossier_code FROM decision_batch_item WHERE batch_key = :key AND state = :state"
            + " ORDER BY dossier_code")
        .param("key", key).param("state", state).query(String.class).list();
  }

  /** Whether the dossier is proposed in a batch that is not decided yet. */
  public boolean isProposed(String dossierCode) {
    return jdbc.sql("SELECT COUNT(*) FROM decision_batch_item WHERE dossier_code = :code AND state = 'PROPOSED'")
        .param("code", dossierCode).query(Long.class).single() > 0;
  }

  public void setState(String key, String dossierCode, String state, String reason) {
    jdbc.sql("UPDATE decision_batch_item SET state = :state, reason = :reason WHERE batch_key = :key"
            + " AND dossier_code = :code")
        .param("state", state).param("reason", reason).param("key", key).param("code", dossierCode).update();
  }

  public void status(String key, String status) {
    jdbc.sql("UPDATE decision_batch SET status = :status WHERE batch_key = :key")
        .param("status", status).param("key", key).update();
  }

  public void proposal(String key, byte[] pdf) {
    jdbc.sql("UPDATE decision_batch SET proposal_pdf = :pdf, status = 'AWAITING_DECISION' WHERE batch_key = :key")
        .param("pdf", pdf).param("key", key).update();
  }

  public Optional<byte[]> proposalPdf(String key) {
    return jdbc.sql("SELECT proposal_pdf FROM decision_batch WHERE batch_key = :key AND proposal_pdf IS NOT NULL")
        .param("key", key).query((rs, row) -> rs.getBytes(1)).optional();
  }

  public void decided(String key, String by) {
    jdbc.sql("UPDATE decision_batch SET decided_by = :by WHERE batch_key = :key")
        .param("by", by).param("key", key).update();
  }

  public void issued(String key, String number) {
    jdbc.sql("UPDATE decision_batch SET status = 'ISSUED', decision_number = :number WHERE batch_key = :key")
        .param("number", number).param("key", key).update();
  }
}
