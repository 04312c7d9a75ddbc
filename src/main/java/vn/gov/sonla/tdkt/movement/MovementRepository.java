package vn.gov.sonla.tdkt.movement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MovementRepository {

  private final JdbcClient jdbc;

  public MovementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Movement m) {
    jdbc.sql("INSERT INTO movement (id, name, launching_document, period_start, period_end, criteria, intake_start,"
            + " intake_end, created_by, created_at) VALUES (:id, :name, :doc, :ps, :pe, :criteria, :is, :ie, :by, :at)")
        .param("id", m.id()).param("name", m.name()).param("doc", m.launchingDocument())
        .param("ps", m.periodStart()).param("pe", m.periodEnd()).param("criteria", m.criteria())
        .param("is", m.intakeStart()).param("ie", m.intakeEnd()).param("by", m.createdBy()).param("at", m.createdAt())
        .update();
    for (Movement.PlannedAward award : m.awards()) {
      jdbc.sql("INSERT INTO movement_award (movement_id, award_type, planned_count) VALUES (:id, :type, :count)")
          .param("id", m.id()).param("type", award.awardType()).param("count", award.plannedCount()).update();
    }
  }

  public Optional<Movement> find(String id) {
    return jdbc.sql("SELECT id, name, launching_document, period_start, period_end, criteria, intake_start, intake_end,"
            + " created_by, created_at FROM movement WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> new Movement(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), awards(rs.getString(1)),
            rs.getString(9), rs.getObject(10, OffsetDateTime.class)))
        .optional();
  }

  public List<Movement> all() {
    return jdbc.sql("SELECT id FROM movement ORDER BY intake_start DESC, name").query(String.class).list().stream()
        .map(id -> find(id).orElseThrow()).toList();
  }

  /** Dossiers proposed under the movement, per award type (for the planned numbers). */
  public long dossierCount(String movementId, String awardType) {
    return jdbc.sql("SELECT COUNT(*) FROM dossier WHERE movement_id = :id AND award_type = :type")
        .param("id", movementId).param("type", awardType).query(Long.class).single();
  }

  private List<Movement.PlannedAward> awards(String id) {
    return jdbc.sql("SELECT award_type, planned_count FROM movement_award WHERE movement_id = :id ORDER BY award_type")
        .param("id", id)
        .query((rs, row) -> new Movement.PlannedAward(rs.getString(1), rs.getInt(2)))
        .list();
  }
}
