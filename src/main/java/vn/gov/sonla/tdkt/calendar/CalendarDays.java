package vn.gov.sonla.tdkt.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table calendar_day (Flyway V14): holidays and make-up working days, edited by administrators. */
@Repository
public class CalendarDays {

  private static final String COLUMNS = "on_date, kind, name, source, confirmed, updated_by, updated_at";

  private final JdbcClient jdbc;

  public CalendarDays(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CalendarDay> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_day ORDER BY on_date").query(CalendarDays::map).list();
  }

  public List<CalendarDay> year(int year) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_day WHERE on_date BETWEEN :from AND :to ORDER BY on_date")
        .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
        .query(CalendarDays::map).list();
  }

  public Optional<CalendarDay> find(LocalDate day) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_day WHERE on_date = :day").param("day", day)
        .query(CalendarDays::map).optional();
  }

  /** Inserts or replaces the day's row. */
  public void save(CalendarDay d) {
    int n = jdbc.sql("UPDATE calendar_day SET kind = :kind, name = :name, source = :source, confirmed = :confirmed,"
            + " updated_by = :by, updated_at = :at WHERE on_date = :day")
        .param("kind", d.kind().name()).param("name", d.name()).param("source", d.source())
        .param("confirmed", d.confirmed()).param("by", d.updatedBy()).param("at", d.updatedAt())
        .param("day", d.day()).update();
    if (n == 0) {
      jdbc.sql("INSERT INTO calendar_day (" + COLUMNS + ") VALUES (:day, :kind, :name, :source, :confirmed, :by, :at)")
          .param("kind", d.kind().name()).param("name", d.name()).param("source", d.source())
          .param("confirmed", d.confirmed()).param("by", d.updatedBy()).param("at", d.updatedAt())
          .param("day", d.day()).update();
    }
  }

  public boolean delete(LocalDate day) {
    return jdbc.sql("DELETE FROM calendar_day WHERE on_date = :day").param("day", day).update() > 0;
  }

  private static CalendarDay map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new CalendarDay(rs.getObject("on_date", LocalDate.class), CalendarDay.Kind.valueOf(rs.getString("kind")),
        rs.getString("name"), rs.getString("source"), rs.getBoolean("confirmed"), rs.getString("updated_by"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
