package vn.gov.sonla.tdkt.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts Vietnamese working days. A deadline of N working days from a moment falls at the close of
 * office on the N-th working day after the moment's day (the day of receipt itself does not count).
 *
 * <p>Holidays and make-up working days come from the table calendar_day (administrators edit them without a
 * restart: {@link #reload()} after each change) and from {@code tdkt.calendar.holidays} /
 * {@code working-weekend-days} if any are configured (the union of both).
 */
@Component
public class WorkingDayCalendar {

  private final CalendarProperties properties;
  private final CalendarDays table;
  private volatile Set<LocalDate> holidays;
  private volatile Set<LocalDate> workingWeekendDays;

  /** A calendar of the configured days only (tests, tools). */
  public WorkingDayCalendar(CalendarProperties properties) {
    this(properties, null);
  }

  @Autowired
  public WorkingDayCalendar(CalendarProperties properties, CalendarDays table) {
    this.properties = properties;
    this.table = table;
    if (table == null) {
      reload();
    }
  }

  /** Reads the table again (after an administrator's change). */
  public final synchronized void reload() {
    Set<LocalDate> off = new HashSet<>(properties.holidaySet());
    Set<LocalDate> worked = new HashSet<>(properties.workingWeekendSet());
    if (table != null) {
      for (CalendarDay d : table.all()) {
        (d.kind() == CalendarDay.Kind.HOLIDAY ? off : worked).add(d.day());
      }
    }
    this.holidays = Set.copyOf(off);
    this.workingWeekendDays = Set.copyOf(worked);
  }

  /** The days off, read from the table on first use (after Flyway has run). */
  private Set<LocalDate> holidays() {
    if (holidays == null) {
      reload();
    }
    return holidays;
  }

  private Set<LocalDate> workingWeekendDays() {
    if (workingWeekendDays == null) {
      reload();
    }
    return workingWeekendDays;
  }

  /** Whether any holiday of the year is known (configured or in the table). */
  public boolean hasHolidaysIn(int year) {
    return holidays().stream().anyMatch(d -> d.getYear() == year);
  }

  /** The holidays of a year, in order. */
  public List<LocalDate> holidaysIn(int year) {
    return holidays().stream().filter(d -> d.getYear() == year).sorted().toList();
  }

  public boolean isWorkingDay(LocalDate day) {
    if (holidays().contains(day)) {
      return false;
    }
    DayOfWeek dow = day.getDayOfWeek();
    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    return !weekend || workingWeekendDays().contains(day);
  }

  /** The N-th working day after {@code day} (N >= 1), or before it for negative N. */
  public LocalDate addWorkingDays(LocalDate day, int workingDays) {
    int step = workingDays >= 0 ? 1 : -1;
    int remaining = Math.abs(workingDays);
    LocalDate current = day;
    while (remaining > 0) {
      current = current.plusDays(step);
      if (isWorkingDay(current)) {
        remaining--;
      }
    }
    return current;
  }

  /** Close of office on the N-th working day after the day of {@code from}. */
  public Date deadline(Date from, int workingDays) {
    LocalDate day = localDate(from);
    return closeOfOffice(addWorkingDays(day, workingDays));
  }

  /** Close of office on the N-th working day before the day of {@code deadline}. */
  public Date workingDaysBefore(Date deadline, int workingDays) {
    return closeOfOffice(addWorkingDays(localDate(deadline), -workingDays));
  }

  public Date closeOfOffice(LocalDate day) {
    ZonedDateTime close = day.atTime(properties.officeClose()).atZone(properties.zone());
    return Date.from(close.toInstant());
  }

  /** {@code localDate(new Date(millis)).toEpochDay()}, without making the date (the reports: per row). */
  public long epochDay(long millis) {
    int offsetSeconds = properties.zone().getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds();
    return Math.floorDiv(millis + offsetSeconds * 1000L, 86_400_000L);
  }

  public LocalDate localDate(Date moment) {
    return Instant.ofEpochMilli(moment.getTime()).atZone(properties.zone()).toLocalDate();
  }
}
