package vn.gov.sonla.tdkt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reports' batch computer of the whole procedure's deadline (issue 20: 100,000 dossiers per report) answers
 * exactly what {@link ProcedureDeadlines#compute} answers, for every phase, over holidays and working weekends, for
 * dossiers years apart in any order (its table of working days grows both ways).
 */
class ProcedureDeadlinesBatchTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void theEpochDayOfAMomentIsTheDayOfItsLocalDate() {
    for (ZoneId zone : List.of(VN, ZoneId.of("Europe/Paris"), ZoneId.of("America/Sao_Paulo"))) {
      var calendar = new WorkingDayCalendar(new CalendarProperties(zone, LocalTime.of(17, 0), List.of(), List.of()));
      Random random = new Random(7);
      for (int i = 0; i < 20_000; i++) {
        // around local midnights too, before 1970 as well
        long millis = i % 2 == 0 ? (random.nextLong() % 4_000_000_000_000L)
            : LocalDate.of(2015, 1, 1).plusDays(i % 4_000).atStartOfDay(zone).toInstant().toEpochMilli()
                + (i % 3 - 1);
        assertThat(calendar.epochDay(millis)).as("%s %d", zone, millis)
            .isEqualTo(calendar.localDate(new java.util.Date(millis)).toEpochDay());
      }
    }
  }

  @Test
  void theBatchComputesWhatComputeComputes() {
    List<LocalDate> holidays = new ArrayList<>();
    List<LocalDate> worked = new ArrayList<>();
    for (int y = 2014; y <= 2028; y++) {
      holidays.add(LocalDate.of(y, 1, 1));
      holidays.add(LocalDate.of(y, 4, 30));
      holidays.add(LocalDate.of(y, 5, 1));
      holidays.add(LocalDate.of(y, 9, 2));
      for (int d = 0; d < 5; d++) {
        holidays.add(LocalDate.of(y, 2, 10).plusDays(d));
      }
      worked.add(LocalDate.of(y, 2, 10).plusDays(6).with(java.time.DayOfWeek.SATURDAY));
    }
    var properties = new CalendarProperties(VN, LocalTime.of(17, 0), holidays, worked);
    var deadlines = new ProcedureDeadlines(new WorkingDayCalendar(properties), new DeadlineProperties(10, 2, 5),
        properties);
    var batch = deadlines.batch();
    Random random = new Random(20);
    OffsetDateTime base = LocalDate.of(2016, 1, 1).atTime(0, 0).atZone(VN).toOffsetDateTime();
    int late = 0;
    for (int i = 0; i < 20_000; i++) {
      // the first ones late in the range, then earlier ones: the table grows on both sides
      long span = i < 100 ? 60 : 3_650;
      OffsetDateTime complete = base.plusDays(i < 100 ? 3_000 + random.nextInt((int) span) : random.nextInt((int) span))
          .plusMinutes(random.nextInt(24 * 60));
      OffsetDateTime ended = random.nextInt(10) == 0 ? null : complete.plusMinutes(random.nextInt(90 * 24 * 60));
      OffsetDateTime now = complete.plusDays(random.nextInt(random.nextBoolean() ? 60 : 4_000));
      ProcedureDeadlines.Phase phase = random.nextInt(20) == 0 ? ProcedureDeadlines.Phase.values()[random.nextInt(5)]
          : random.nextBoolean() ? ProcedureDeadlines.Phase.ENDED : ProcedureDeadlines.Phase.OPEN;
      OffsetDateTime completeAt = random.nextInt(50) == 0 ? null : complete;
      var expected = deadlines.compute(phase, completeAt, ended, now);
      assertThat(batch.compute(phase, completeAt, ended, now)).as("dossier %d", i).isEqualTo(expected);
      late += expected.late() ? 1 : 0;
    }
    assertThat(late).isBetween(1_000, 19_000);
  }
}
