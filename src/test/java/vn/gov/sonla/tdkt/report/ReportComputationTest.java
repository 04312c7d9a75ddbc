package vn.gov.sonla.tdkt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;

/** The report's plain computations: nearest-rank percentiles, hours, and late dossiers (late steps: ReportStepsTest). */
class ReportComputationTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final long HOUR = 3_600_000L;

  @Test
  void nearestRankPercentilesAreObservedValues() {
    List<Long> ten = List.of(10L, 1L, 9L, 2L, 8L, 3L, 7L, 4L, 6L, 5L);
    assertThat(DurationStats.percentile(ten, 50)).isEqualTo(5L); // rank ceil(5) = 5: the lower middle
    assertThat(DurationStats.percentile(ten, 90)).isEqualTo(9L); // rank 9
    assertThat(DurationStats.percentile(ten, 100)).isEqualTo(10L);
    assertThat(DurationStats.percentile(ten, 1)).isEqualTo(1L); // rank ceil(0.1) = 1
    assertThat(DurationStats.percentile(List.of(4L, 1L, 3L), 50)).isEqualTo(3L); // rank ceil(1.5) = 2
    assertThat(DurationStats.percentile(List.of(4L, 1L, 3L), 90)).isEqualTo(4L);
    assertThat(DurationStats.percentile(List.of(7L), 90)).isEqualTo(7L);
    assertThat(DurationStats.percentile(List.of(), 50)).isNull();
    assertThatThrownBy(() -> DurationStats.percentile(ten, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DurationStats.percentile(ten, 101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statsCountMedianNinetiethAndLateInHours() {
    DurationStats stats = DurationStats.of(List.of(
        new DurationStats.Sample(2 * HOUR, false), new DurationStats.Sample(30 * HOUR, true),
        new DurationStats.Sample(HOUR / 2, false), new DurationStats.Sample(10 * HOUR, false)));
    assertThat(stats).isEqualTo(new DurationStats(4, 2.0, 30.0, 1));
    assertThat(DurationStats.of(List.of())).isEqualTo(new DurationStats(0, null, null, 0));
    assertThat(DurationStats.hours(HOUR + HOUR / 3)).isEqualTo(1.33);
    assertThat(DurationStats.hours(0L)).isEqualTo(0.0);
  }

  @Test
  void statsAreTheNearestRankPercentilesOfTheSamplesForAnySizeAndOrder() {
    java.util.Random random = new java.util.Random(20);
    List<Integer> sizes = new java.util.ArrayList<>();
    for (int n = 1; n <= 300; n++) {
      sizes.add(n);
    }
    sizes.addAll(List.of(10_000, 38_501, 100_000));
    for (int n : sizes) {
      List<DurationStats.Sample> samples = new java.util.ArrayList<>();
      List<Long> durations = new java.util.ArrayList<>();
      long late = 0;
      int order = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        // repeated values and whole hours as well as any millisecond; some sets ascending, descending or all equal
        long d = order == 0 ? i * 1_000L : order == 1 ? (n - i) * 1_000L
            : random.nextBoolean() ? random.nextInt(5) * HOUR : (long) (random.nextDouble() * 900 * HOUR);
        d = n % 50 == 7 ? HOUR : d;
        boolean isLate = random.nextInt(3) == 0;
        samples.add(new DurationStats.Sample(d, isLate));
        durations.add(d);
        late += isLate ? 1 : 0;
      }
      assertThat(DurationStats.of(samples)).as("n = %d", n).isEqualTo(new DurationStats(n,
          DurationStats.hours(DurationStats.percentile(durations, 50)),
          DurationStats.hours(DurationStats.percentile(durations, 90)), late));
    }
  }

  @Test
  void aDossierIsLateAfterTheCloseOfOfficeOfTheNthWorkingDayAfterSubmission() {
    WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarProperties(VN, LocalTime.of(17, 0),
        List.of(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2)), List.of()));
    // submitted Monday 28/04/2025; 3 working days: Tue 29/04, then (30/04-02/05 holidays, weekend) Mon 05/05, Tue 06/05
    Date start = at(LocalDate.of(2025, 4, 28), 9, 0);
    assertThat(ReportService.longerThanWorkingDays(calendar, start, at(LocalDate.of(2025, 5, 6), 17, 0), 3)).isFalse();
    assertThat(ReportService.longerThanWorkingDays(calendar, start, at(LocalDate.of(2025, 5, 6), 17, 1), 3)).isTrue();
    assertThat(ReportService.longerThanWorkingDays(calendar, start, at(LocalDate.of(2025, 5, 2), 23, 0), 3)).isFalse();
  }

  @Test
  void aStepGroupsByAppraiserAndUnit() {
    List<ReportService.Timed> timed = List.of(
        new ReportService.Timed("appraiser", "sgddt", new DurationStats.Sample(HOUR, false)),
        new ReportService.Timed("appraiser", "syt", new DurationStats.Sample(3 * HOUR, true)),
        new ReportService.Timed("appraiser.lead", "sgddt", new DurationStats.Sample(5 * HOUR, false)));
    Report.Step step = ReportService.step("Task_Appraise", "Thẩm định hồ sơ", "10 ngày làm việc", timed, true);
    assertThat(step.all()).isEqualTo(new DurationStats(3, 3.0, 5.0, 1));
    assertThat(step.byAppraiser()).containsOnlyKeys("appraiser", "appraiser.lead");
    assertThat(step.byAppraiser().get("appraiser")).isEqualTo(new DurationStats(2, 1.0, 3.0, 1));
    assertThat(step.byUnit().get("sgddt")).isEqualTo(new DurationStats(2, 1.0, 5.0, 0));
    assertThat(ReportService.step("Process_Total", "x", "y", timed, false).byAppraiser()).isEmpty();
  }

  @Test
  void theYearParameterIsOptionalAndBounded() {
    assertThat(ReportController.year(null)).isNull();
    assertThat(ReportController.year(" ")).isNull();
    assertThat(ReportController.year("2025")).isEqualTo(2025);
    for (String bad : List.of("abc", "1999", "2101", "20x5", "-2025")) {
      assertThatThrownBy(() -> ReportController.year(bad)).isInstanceOf(ReportController.BadInputException.class);
    }
  }

  private static Date at(LocalDate day, int hour, int minute) {
    return Date.from(day.atTime(hour, minute).atZone(VN).toInstant());
  }

  /** The database's arrays of durations as text: PostgreSQL's and H2's forms, negative durations as 0. */
  @Test
  void durationArraysAreReadFromTheirTextInEitherDatabasesForm() {
    assertThat(ReportService.durations("{1,-2,3,12345678901}")).containsExactly(1, 0, 3, 12_345_678_901L);
    assertThat(ReportService.durations("[5, -3, 0, 12345678901]")).containsExactly(5, 0, 0, 12_345_678_901L);
    assertThat(ReportService.durations("{}")).isEmpty();
    assertThat(ReportService.durations("[]")).isEmpty();
    long[] many = new long[1_000];
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < many.length; i++) {
      many[i] = i * 1_234_567L;
      text.append(i == 0 ? "" : ",").append(many[i]);
    }
    assertThat(ReportService.durations(text.append('}').toString())).containsExactly(many);
  }
}
