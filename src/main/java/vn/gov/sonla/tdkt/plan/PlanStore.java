package vn.gov.sonla.tdkt.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The project's records of yearly plans, their items' progress, and the council rounds' intake deadlines. */
@Repository
public class PlanStore {

  /** An item's progress as the dashboard shows it. */
  public record ItemStatus(String key, String section, int number, String content, String timing, String leadUnit,
      String coordinatingUnits, String kind, Integer round, LocalDate dueDate, String status, boolean overdue,
      int checkIns, OffsetDateTime completedAt, String completedBy, String result) {}

  private final JdbcClient jdbc;

  private final Clock clock;

  public PlanStore(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public boolean exists(int year) {
    return jdbc.sql("SELECT COUNT(*) FROM plan WHERE plan_year = :year").param("year", year)
        .query(Long.class).single() > 0;
  }

  public void open(Plan plan, String source, String yaml, List<LocalDate> dueDates) {
    jdbc.sql("INSERT INTO plan (plan_year, number, title, source, yaml, status, opened_at)"
            + " VALUES (:year, :number, :title, :source, :yaml, 'OPEN', :now)")
        .param("year", plan.year()).param("number", plan.number()).param("title", plan.title())
        .param("source", source).param("yaml", yaml).param("now", now()).update();
    for (int i = 0; i < plan.items().size(); i++) {
      PlanItem item = plan.items().get(i);
      jdbc.sql("INSERT INTO plan_item (plan_year, item_key, section, number, content, timing, lead_unit,"
              + " coordinating_units, kind, round_no, due_date, status, overdue, check_ins)"
              + " VALUES (:year, :key, :section, :number, :content, :timing, :lead, :coordinating, :kind, :round,"
              + " :due, 'NOT_STARTED', FALSE, 0)")
          .param("year", plan.year()).param("key", item.key()).param("section", item.section())
          .param("number", item.number()).param("content", item.content()).param("timing", item.timing())
          .param("lead", item.leadUnit()).param("coordinating", String.join("; ", item.coordinatingUnits()))
          .param("kind", item.kind() == null ? null : item.kind().name()).param("round", item.round())
          .param("due", dueDates.get(i)).update();
    }
  }

  public Optional<String> yaml(int year) {
    return jdbc.sql("SELECT yaml FROM plan WHERE plan_year = :year").param("year", year).query(String.class).optional();
  }

  public void setRoundIntakeDeadline(int year, int round, Date deadline) {
    jdbc.sql("DELETE FROM council_round WHERE round_year = :year AND round_no = :round")
        .param("year", year).param("round", round).update();
    jdbc.sql("INSERT INTO council_round (round_year, round_no, intake_deadline) VALUES (:year, :round, :deadline)")
        .param("year", year).param("round", round)
        .param("deadline", OffsetDateTime.ofInstant(deadline.toInstant(), ZoneOffset.UTC)).update();
  }

  public void started(int year, String key) {
    update(year, key, "UPDATE plan_item SET status = 'IN_PROGRESS' WHERE plan_year = :year AND item_key = :key");
  }

  public void overdue(int year, String key) {
    update(year, key, "UPDATE plan_item SET overdue = TRUE WHERE plan_year = :year AND item_key = :key");
  }

  public void checkedIn(int year, String key) {
    update(year, key, "UPDATE plan_item SET check_ins = check_ins + 1 WHERE plan_year = :year AND item_key = :key");
  }

  public void done(int year, String key, String by, String result) {
    jdbc.sql("UPDATE plan_item SET status = 'DONE', completed_at = :now, completed_by = :by, result = :result"
            + " WHERE plan_year = :year AND item_key = :key")
        .param("year", year).param("key", key).param("now", now()).param("by", by).param("result", result).update();
  }

  public void closePlan(int year) {
    jdbc.sql("UPDATE plan SET status = 'DONE', closed_at = :now WHERE plan_year = :year")
        .param("year", year).param("now", now()).update();
  }

  public List<ItemStatus> items(int year) {
    return jdbc.sql("SELECT item_key, section, number, content, timing, lead_unit, coordinating_units, kind, round_no,"
            + " due_date, status, overdue, check_ins, completed_at, completed_by, result FROM plan_item"
            + " WHERE plan_year = :year ORDER BY section, number")
        .param("year", year)
        .query((rs, row) -> new ItemStatus(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
            rs.getObject(10, LocalDate.class), rs.getString(11), rs.getBoolean(12), rs.getInt(13),
            rs.getObject(14, OffsetDateTime.class), rs.getString(15), rs.getString(16)))
        .list();
  }

  public ItemStatus item(int year, String key) {
    return items(year).stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
  }

  private void update(int year, String key, String sql) {
    jdbc.sql(sql).param("year", year).param("key", key).update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
