package vn.gov.sonla.tdkt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.legal.LegalFixtures;
import vn.gov.sonla.tdkt.observability.CalendarHealth;

/**
 * The calendar as shipped (table calendar_day after the migrations), with the engine clock moved to
 * 7 December 2026: without 2027's holidays the health detail warns; with them, a deadline crossing Tết 2027
 * skips it.
 */
class CalendarCoverageTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final CalendarProperties PROPERTIES = new CalendarProperties(VN, LocalTime.of(17, 0), null, null);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, VN).toInstant());
  }

  private static CalendarHealth health(CalendarDays days, WorkingDayCalendar calendar) {
    return new CalendarHealth(new CalendarCoverage(calendar, days, "10-01"), PROPERTIES, null, null,
        new EngineClock(PROPERTIES.zone()));
  }

  @Test
  void onSevenDecember2026WithoutNextYearsHolidaysTheHealthDetailWarns() {
    JdbcClient jdbc = LegalFixtures.migratedDatabase("calendar-without-2027");
    jdbc.sql("DELETE FROM calendar_day WHERE on_date >= DATE '2027-01-01'").update();
    CalendarDays days = new CalendarDays(jdbc);
    WorkingDayCalendar calendar = new WorkingDayCalendar(PROPERTIES, days);
    ClockUtil.setCurrentTime(at(2026, 12, 7, 9));

    Health health = health(days, calendar).health();
    assertThat(health.getDetails()).containsKey("warning");
    assertThat((String) health.getDetails().get("warning")).contains("năm 2027").contains("Tết");
    assertThat(health.getDetails()).containsEntry("holidays2027", 0);

    // before 1 October the next year is not yet asked for
    ClockUtil.setCurrentTime(at(2026, 9, 30, 9));
    assertThat(health(days, calendar).health().getDetails()).doesNotContainKey("warning");
  }

  @Test
  void withNextYearsHolidaysADeadlineCrossingTet2027SkipsIt() {
    JdbcClient jdbc = LegalFixtures.migratedDatabase("calendar-with-2027");
    CalendarDays days = new CalendarDays(jdbc);
    WorkingDayCalendar calendar = new WorkingDayCalendar(PROPERTIES, days);
    ClockUtil.setCurrentTime(at(2026, 12, 7, 9));

    Map<String, Object> details = health(days, calendar).health().getDetails();
    assertThat(details).doesNotContainKey("warning");
    assertThat((Long) details.get("toConfirm")).as("the lunar days of 2027 are marked to confirm").isPositive();

    // received Wednesday 3 February 2027; 5 working days: 4 Feb, then Tết (5–9 Feb, with the weekend), 10, 11,
    // 12 Feb (Fri), 15 Feb (Mon)
    Date due = calendar.deadline(at(2027, 2, 3, 10), 5);
    assertThat(calendar.localDate(due)).isEqualTo(LocalDate.of(2027, 2, 15));
    // the same without the table would have counted Tết as working days
    WorkingDayCalendar bare = new WorkingDayCalendar(PROPERTIES);
    assertThat(bare.localDate(bare.deadline(at(2027, 2, 3, 10), 5))).isEqualTo(LocalDate.of(2027, 2, 10));
  }

  @Test
  void anAdministratorsChangeTakesEffectWithoutARestart() {
    JdbcClient jdbc = LegalFixtures.migratedDatabase("calendar-edit");
    CalendarDays days = new CalendarDays(jdbc);
    WorkingDayCalendar calendar = new WorkingDayCalendar(PROPERTIES, days);
    LocalDate adjacent = LocalDate.of(2027, 9, 3);
    assertThat(calendar.isWorkingDay(adjacent)).isTrue();
    days.save(new CalendarDay(adjacent, CalendarDay.Kind.HOLIDAY, "Quốc khánh (ngày liền kề)",
        "Thông báo của Bộ Nội vụ (ví dụ)", true, "admin", java.time.OffsetDateTime.now()));
    calendar.reload();
    assertThat(calendar.isWorkingDay(adjacent)).isFalse();
    assertThat(List.of(calendar.holidaysIn(2027).toArray())).contains(adjacent);
  }
}
