package vn.gov.sonla.tdkt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vietnamese working calendar: weekends and public holidays are off, make-up Saturdays count,
 * and a deadline of N working days falls at the close of office (17:00 Hanoi time) of the N-th
 * working day after the day of receipt.
 */
class WorkingDayCalendarTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Tết Ất Tỵ 2025: Saturday 25 January to Sunday 2 February. */
  private static final LocalDate TET_FIRST = LocalDate.of(2025, 1, 25);
  private static final LocalDate TET_LAST = LocalDate.of(2025, 2, 2);

  /** Saturday 26 April 2025, worked in exchange for Friday 2 May. */
  private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2025, 4, 26);

  private final WorkingDayCalendar calendar = new WorkingDayCalendar(properties());

  private static CalendarProperties properties() {
    List<LocalDate> holidays = new ArrayList<>();
    holidays.add(LocalDate.of(2025, 1, 1));
    TET_FIRST.datesUntil(TET_LAST.plusDays(1)).forEach(holidays::add);
    holidays.add(LocalDate.of(2025, 4, 30));
    holidays.add(LocalDate.of(2025, 5, 1));
    holidays.add(LocalDate.of(2025, 5, 2));
    return new CalendarProperties(VN, LocalTime.of(17, 0), holidays, List.of(MAKE_UP_SATURDAY));
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  /** A moment given in Hanoi local time. */
  private static Date hanoi(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VN).toInstant());
  }

  /** 17:00 in Hanoi (UTC+7) is 10:00 UTC. */
  private static Date fivePmHanoi(String isoDay) {
    return Date.from(Instant.parse(isoDay + "T10:00:00Z"));
  }

  // --- which days are working days ---

  @Test
  void ordinaryWeekdayIsAWorkingDay() {
    assertThat(calendar.isWorkingDay(day("2025-03-05"))).isTrue(); // Wednesday
  }

  @Test
  void saturdayAndSundayAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(day("2025-03-08"))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(day("2025-03-09"))).isFalse(); // Sunday
  }

  @Test
  void publicHolidayOnAWeekdayIsNotAWorkingDay() {
    assertThat(calendar.isWorkingDay(day("2025-04-30"))).isFalse(); // Wednesday, Reunification Day
  }

  @Test
  void declaredMakeUpSaturdayIsAWorkingDayButOtherSaturdaysAreNot() {
    assertThat(calendar.isWorkingDay(MAKE_UP_SATURDAY)).isTrue();
    assertThat(calendar.isWorkingDay(day("2025-04-19"))).isFalse();
  }

  @Test
  void everyDayOfTheTetBreakIsOff() {
    assertThat(TET_FIRST.datesUntil(TET_LAST.plusDays(1)))
        .hasSize(9)
        .allSatisfy(d -> assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse());
  }

  // --- counting working days ---

  @Test
  void weekendIsSkipped() {
    // Friday + 1 working day = Monday
    assertThat(calendar.addWorkingDays(day("2025-03-07"), 1)).isEqualTo(day("2025-03-10"));
    // Thursday + 3 = Tuesday
    assertThat(calendar.addWorkingDays(day("2025-03-06"), 3)).isEqualTo(day("2025-03-11"));
  }

  @Test
  void holidayIsSkipped() {
    // Tuesday 31 December + 1 skips New Year's Day
    assertThat(calendar.addWorkingDays(day("2024-12-31"), 1)).isEqualTo(day("2025-01-02"));
  }

  @Test
  void makeUpSaturdayCounts() {
    // Friday 25 April + 1 = the make-up Saturday, not Monday 28
    assertThat(calendar.addWorkingDays(day("2025-04-25"), 1)).isEqualTo(MAKE_UP_SATURDAY);
    assertThat(calendar.addWorkingDays(day("2025-04-25"), 2)).isEqualTo(day("2025-04-28"));
  }

  @Test
  void the30April1MayBridgeIsSkipped() {
    // Tuesday 29 April + 1: 30/4, 1/5, 2/5 off, then the weekend -> Monday 5 May
    assertThat(calendar.addWorkingDays(day("2025-04-29"), 1)).isEqualTo(day("2025-05-05"));
  }

  @Test
  void tetWeekIsCrossed() {
    // Friday 24 January + 1 = Monday 3 February, the first day after Tết
    assertThat(calendar.addWorkingDays(day("2025-01-24"), 1)).isEqualTo(day("2025-02-03"));
    // Thursday 23 January + 3 = 24 Jan, 3 Feb, 4 Feb
    assertThat(calendar.addWorkingDays(day("2025-01-23"), 3)).isEqualTo(day("2025-02-04"));
    // 10 working days from Wednesday 22 January: 23, 24 Jan, 3..7 Feb, 10, 11, 12 Feb
    assertThat(calendar.addWorkingDays(day("2025-01-22"), 10)).isEqualTo(day("2025-02-12"));
  }

  @Test
  void negativeCountGoesBackwardsSkippingDaysOff() {
    // Monday - 2 = Thursday of the week before
    assertThat(calendar.addWorkingDays(day("2025-03-10"), -2)).isEqualTo(day("2025-03-06"));
    // Tuesday 4 February - 2 = 3 Feb, then back over Tết to Friday 24 January
    assertThat(calendar.addWorkingDays(day("2025-02-04"), -2)).isEqualTo(day("2025-01-24"));
    // Monday 28 April - 1 = the make-up Saturday
    assertThat(calendar.addWorkingDays(day("2025-04-28"), -1)).isEqualTo(MAKE_UP_SATURDAY);
  }

  @Test
  void zeroWorkingDaysIsTheSameDay() {
    assertThat(calendar.addWorkingDays(day("2025-03-05"), 0)).isEqualTo(day("2025-03-05"));
  }

  // --- deadlines ---

  @ParameterizedTest(name = "received {0} (Hanoi) + {1} working days -> 17:00 Hanoi on {2}")
  @CsvSource({
      // Friday during office hours
      "2025-03-07T09:00, 1, 2025-03-10",
      // Friday late evening (still Friday in Hanoi, already past close of office)
      "2025-03-07T23:30, 1, 2025-03-10",
      // Saturday 06:30 in Hanoi is still Friday in UTC: the Hanoi day must be used
      "2025-03-08T06:30, 1, 2025-03-10",
      // received on a Sunday: the first working day after it
      "2025-03-09T10:00, 1, 2025-03-10",
      "2025-03-09T10:00, 2, 2025-03-11",
      // ten working days across a weekend
      "2025-03-07T23:30, 10, 2025-03-21",
      // received on the last evening before Tết
      "2025-01-24T22:00, 2, 2025-02-04",
      // received on the make-up Saturday, which counts as the day of receipt
      "2025-04-26T08:00, 1, 2025-04-28",
  })
  void deadlineFallsAtCloseOfOfficeOfTheNthWorkingDay(String received, int workingDays, String dueDay) {
    assertThat(calendar.deadline(hanoi(received), workingDays)).isEqualTo(fivePmHanoi(dueDay));
  }

  @Test
  void deadlineUsesTheConfiguredOfficeClose() {
    WorkingDayCalendar closesAtHalfPastFour = new WorkingDayCalendar(
        new CalendarProperties(VN, LocalTime.of(16, 30), List.of(), List.of()));
    assertThat(closesAtHalfPastFour.deadline(hanoi("2025-03-07T09:00"), 1))
        .isEqualTo(Date.from(Instant.parse("2025-03-10T09:30:00Z")));
  }

  @Test
  void workingDaysBeforeADeadlineIsAtCloseOfOfficeEarlier() {
    // two working days before Tuesday 11 March 17:00 = Friday 7 March 17:00
    assertThat(calendar.workingDaysBefore(fivePmHanoi("2025-03-11"), 2)).isEqualTo(fivePmHanoi("2025-03-07"));
    // two working days before Tuesday 4 February, across Tết = Friday 24 January
    assertThat(calendar.workingDaysBefore(fivePmHanoi("2025-02-04"), 2)).isEqualTo(fivePmHanoi("2025-01-24"));
  }

  @Test
  void reminderOfATenDayAppraisalFallsTwoWorkingDaysBeforeItsDeadline() {
    Date due = calendar.deadline(hanoi("2025-01-22T10:00"), 10);
    assertThat(due).isEqualTo(fivePmHanoi("2025-02-12"));
    assertThat(calendar.workingDaysBefore(due, 2)).isEqualTo(fivePmHanoi("2025-02-10"));
  }

  @Test
  void localDateIsTakenInHanoiTime() {
    // 2025-03-07T18:30Z is already Saturday 01:30 in Hanoi
    assertThat(calendar.localDate(Date.from(Instant.parse("2025-03-07T18:30:00Z")))).isEqualTo(day("2025-03-08"));
  }

  @Test
  void calendarPropertiesDefaultToHanoiAndFivePm() {
    CalendarProperties defaults = new CalendarProperties(null, null, null, null);
    assertThat(defaults.zone()).isEqualTo(VN);
    assertThat(defaults.officeClose()).isEqualTo(LocalTime.of(17, 0));
    assertThat(defaults.holidays()).isEmpty();
    assertThat(defaults.workingWeekendDays()).isEmpty();
  }

  // --- deadline settings ---

  @Test
  void deadlineSettingsAcceptAReminderBeforeTheAppraisalDeadline() {
    assertThatCode(() -> new DeadlineProperties(10, 2, 5)).doesNotThrowAnyException();
    assertThatCode(() -> new DeadlineProperties(10, 9, 5)).doesNotThrowAnyException();
    assertThatCode(() -> new DeadlineProperties(10, 0, 5)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "appraisal {0}, reminder {1}: rejected")
  @CsvSource({"10, 10", "10, 11", "2, 5"})
  void deadlineSettingsRejectAReminderNotBeforeTheAppraisalDeadline(int appraisal, int reminder) {
    assertThatThrownBy(() -> new DeadlineProperties(appraisal, reminder, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reminder");
  }

  @ParameterizedTest(name = "appraisal {0}, reminder {1}, supplement {2}: rejected")
  @CsvSource({"0, 0, 5", "-1, 0, 5", "10, 2, 0", "10, 2, -3", "10, -1, 5"})
  void deadlineSettingsRejectNonPositiveDays(int appraisal, int reminder, int supplement) {
    assertThatThrownBy(() -> new DeadlineProperties(appraisal, reminder, supplement))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tdkt.deadlines");
  }
}
