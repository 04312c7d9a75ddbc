package vn.gov.sonla.tdkt.bloc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;

/** The dates of the emulation year, in working days of the Vietnamese calendar (timers of emulation-year). */
@Component("blocSchedule")
public class BlocSchedule {

  private final WorkingDayCalendar calendar;
  private final CalendarProperties calendarProperties;
  private final BlocProperties properties;

  private final Clock clock;

  public BlocSchedule(WorkingDayCalendar calendar, CalendarProperties calendarProperties, BlocProperties properties, Clock clock) {
    this.clock = clock;
    this.calendar = calendar;
    this.calendarProperties = calendarProperties;
    this.properties = properties;
  }

  /** Close of office on the N-th working day of the year (tdkt.blocs.registration-working-days). */
  public Date registrationDeadline(int year) {
    return calendar.closeOfOffice(calendar.addWorkingDays(LocalDate.of(year - 1, 12, 31),
        properties.registrationWorkingDays()));
  }

  /** Close of office N working days from now (due dates of the bloc tasks). */
  public Date due(int workingDays) {
    return calendar.deadline(Date.from(clock.instant()), workingDays);
  }

  /** 08:00 on the day the self-assessments open (tdkt.blocs.self-assessment-opens), or the next working day. */
  public Date yearEnd(int year) {
    LocalDate day = properties.selfAssessmentDay().atYear(year);
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return Date.from(day.atTime(LocalTime.of(8, 0)).atZone(calendarProperties.zone()).toInstant());
  }
}
