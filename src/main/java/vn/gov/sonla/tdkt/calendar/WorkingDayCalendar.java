package vn.gov.sonla.tdkt.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Counts Vietnamese working days. A deadline of N working days from a moment falls at the close of
 * office on the N-th working day after the moment's day (the day of receipt itself does not count).
 */
@Component
public class WorkingDayCalendar {

  private final CalendarProperties properties;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingWeekendDays;

  public WorkingDayCalendar(CalendarProperties properties) {
    this.properties = properties;
    this.holidays = properties.holidaySet();
    this.workingWeekendDays = properties.workingWeekendSet();
  }

  public boolean isWorkingDay(LocalDate day) {
    if (holidays.contains(day)) {
      return false;
    }
    DayOfWeek dow = day.getDayOfWeek();
    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    return !weekend || workingWeekendDays.contains(day);
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

  public LocalDate localDate(Date moment) {
    return Instant.ofEpochMilli(moment.getTime()).atZone(properties.zone()).toLocalDate();
  }
}
