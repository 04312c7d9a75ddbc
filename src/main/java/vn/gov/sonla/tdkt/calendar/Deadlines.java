package vn.gov.sonla.tdkt.calendar;

import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Deadlines used by the process models' timers and task due dates ({@code ${deadlines.…}}).
 * Each is computed from the engine clock when the timer or task is created.
 */
@Component("deadlines")
public class Deadlines {

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;

  private final Clock clock;

  public Deadlines(WorkingDayCalendar calendar, DeadlineProperties properties, Clock clock) {
    this.clock = clock;
    this.calendar = calendar;
    this.properties = properties;
  }

  public Date appraisalDue() {
    return calendar.deadline(Date.from(clock.instant()), properties.appraisalWorkingDays());
  }

  public Date appraisalReminder() {
    return calendar.workingDaysBefore(appraisalDue(), properties.appraisalReminderWorkingDays());
  }

  /** End of the public notice of a dossier the council passed. */
  public Date publicNoticeEnd() {
    return calendar.deadline(Date.from(clock.instant()), properties.publicNoticeWorkingDays());
  }

  /** End of the consultation before the council of a dossier for an order or State honour. */
  public Date consultationEnd() {
    return calendar.deadline(Date.from(clock.instant()), properties.consultationWorkingDays());
  }

  /** Repeating follow-up while a State-level result is awaited (calendar days, as the central level counts). */
  public String centralFollowUpCycle() {
    return "R/P" + properties.centralFollowUpDays() + "D";
  }

  public Date supplementDue() {
    return calendar.deadline(Date.from(clock.instant()), properties.supplementWorkingDays());
  }
}
