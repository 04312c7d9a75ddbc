package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.DeadlineProperties;
import vn.gov.sonla.tdkt.calendar.ProcedureDeadlines;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;

/**
 * The whole procedure's time limit (issue 16 item 7): 25 working days from a complete dossier to the decision,
 * counted over weekends and public holidays; the states a dossier's deadline can be in.
 */
class ProcedureDeadlineTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  // 30/4 and 1/5/2026 are holidays
  private static final CalendarProperties CALENDAR = new CalendarProperties(VN, LocalTime.of(17, 0),
      List.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1)), List.of());
  private final ProcedureDeadlines deadlines = new ProcedureDeadlines(new WorkingDayCalendar(CALENDAR),
      new DeadlineProperties(10, 2, 5), CALENDAR);

  private static OffsetDateTime at(String date, int hour) {
    return LocalDate.parse(date).atTime(hour, 0).atZone(VN).toOffsetDateTime();
  }

  @Test
  void theDefaultIsTwentyFiveWorkingDaysOverWeekendsAndHolidays() {
    // complete on Monday 20/4/2026: 25 working days, skipping 5 weekends and 30/4, 1/5 → Wednesday 27/5/2026
    var view = deadlines.compute(ProcedureDeadline.phase(DossierStatus.IN_APPRAISAL), at("2026-04-20", 9), null, at("2026-04-21", 9));
    assertThat(view.workingDays()).isEqualTo(25);
    assertThat(view.dueText()).isEqualTo("17:00 ngày 27/05/2026");
    assertThat(view.state()).isEqualTo("RUNNING");
    assertThat(view.stateLabel()).isEqualTo("Trong hạn");
    assertThat(view.late()).isFalse();
  }

  @Test
  void anOpenDossierPastTheLimitIsOverdueByTheWorkingDaysSince() {
    // due Wednesday 27/5; on Monday 1/6 it is 3 working days late (28, 29/5 and 1/6)
    var view = deadlines.compute(ProcedureDeadline.phase(DossierStatus.AWAITING_DECISION), at("2026-04-20", 9), null, at("2026-06-01", 10));
    assertThat(view.state()).isEqualTo("OVERDUE");
    assertThat(view.workingDaysLate()).isEqualTo(3);
    assertThat(view.stateLabel()).isEqualTo("Quá hạn 3 ngày làm việc");
    assertThat(view.late()).isTrue();
  }

  @Test
  void anEndedProcedureIsMetOrLateByItsEnd() {
    var met = deadlines.compute(ProcedureDeadline.phase(DossierStatus.AWARDED), at("2026-04-20", 9), at("2026-05-27", 16), at("2026-07-01", 9));
    assertThat(met.state()).isEqualTo("MET");
    assertThat(met.late()).isFalse();
    var late = deadlines.compute(ProcedureDeadline.phase(DossierStatus.AWARDED), at("2026-04-20", 9), at("2026-05-28", 9), at("2026-07-01", 9));
    assertThat(late.state()).isEqualTo("LATE");
    assertThat(late.workingDaysLate()).isEqualTo(1);
    assertThat(late.late()).isTrue();
  }

  @Test
  void noDeadlineRunsWhileASupplementIsAwaitedNorForAWithdrawnOrUnsubmittedDossier() {
    assertThat(deadlines.compute(ProcedureDeadline.phase(DossierStatus.AWAITING_SUPPLEMENT), at("2026-01-05", 9), null, at("2026-06-01", 9))
        .state()).isEqualTo("PAUSED");
    var withdrawn = deadlines.compute(ProcedureDeadline.phase(DossierStatus.WITHDRAWN), at("2026-01-05", 9), at("2026-06-01", 9),
        at("2026-06-01", 9));
    assertThat(withdrawn.state()).isEqualTo("CLOSED");
    assertThat(withdrawn.late()).isFalse();
    assertThat(deadlines.compute(ProcedureDeadline.phase(DossierStatus.DRAFT), null, null, at("2026-06-01", 9)).state())
        .isEqualTo("NOT_STARTED");
  }
}
