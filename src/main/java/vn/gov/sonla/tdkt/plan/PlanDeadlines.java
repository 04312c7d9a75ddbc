package vn.gov.sonla.tdkt.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;

/** Times of the plan-task model's timers and due dates ({@code ${planDeadlines.…}}), from the engine clock. */
@Component("planDeadlines")
public class PlanDeadlines {

  private final WorkingDayCalendar calendar;
  private final CalendarProperties properties;
  private final int reminderWorkingDays;

  private final Clock clock;

  public PlanDeadlines(WorkingDayCalendar calendar, CalendarProperties properties,
      @Value("${tdkt.plan.reminder-working-days:5}") int reminderWorkingDays, Clock clock) {
    this.clock = clock;
    this.calendar = calendar;
    this.properties = properties;
    this.reminderWorkingDays = reminderWorkingDays;
  }

  /** Close of office on an item's due date. */
  public Date due(LocalDate dueDate) {
    return calendar.closeOfOffice(dueDate);
  }

  public Date reminder(Date due) {
    return calendar.workingDaysBefore(due, reminderWorkingDays);
  }

  /** The reminder, never before the plan year begins (a plan is issued in the December before its year). */
  public Date reminder(Date due, int planYear) {
    Date reminder = reminder(due);
    Date start = startOfPlanYear(planYear);
    return reminder.before(start) ? start : reminder;
  }

  /** 08:00 on the first working day of the plan year: when its monthly check-ins begin. */
  public Date startOfPlanYear(int planYear) {
    LocalDate first = calendar.addWorkingDays(LocalDate.of(planYear - 1, 12, 31), 1);
    return Date.from(first.atTime(8, 0).atZone(properties.zone()).toInstant());
  }

  /** Whether the plan year has not begun yet (the engine clock is in an earlier year). */
  public boolean beforePlanYear(int planYear) {
    return today().getYear() < planYear;
  }

  /** Close of office at the end of this month, or of January of the plan year if that has not begun. */
  public Date endOfThisMonth(int planYear) {
    YearMonth month = YearMonth.from(today());
    YearMonth first = YearMonth.of(planYear, 1);
    return calendar.closeOfOffice((month.isBefore(first) ? first : month).atEndOfMonth());
  }

  public Date overdue(Date due) {
    return due;
  }

  /** The first day of the due date's month, at the start of office (08:00): when a round item begins. */
  public Date startOfItemMonth(Date due) {
    return startOf(YearMonth.from(calendar.localDate(due)));
  }

  public Date endOfThisMonth() {
    return calendar.closeOfOffice(YearMonth.from(today()).atEndOfMonth());
  }

  public Date startOfNextMonth() {
    return startOf(YearMonth.from(today()).plusMonths(1));
  }

  /** Whether this month is the plan year's last (or the year is past): no monthly check-in follows. */
  public boolean lastMonthOfYear(int planYear) {
    return !YearMonth.from(today()).isBefore(YearMonth.of(planYear, 12));
  }

  private Date startOf(YearMonth month) {
    return Date.from(month.atDay(1).atTime(8, 0).atZone(properties.zone()).toInstant());
  }

  LocalDate today() {
    return calendar.localDate(Date.from(clock.instant()));
  }
}
