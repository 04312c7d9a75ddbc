package vn.gov.sonla.tdkt.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The whole provincial procedure's time limit ({@code tdkt.deadlines.procedure-working-days}, default 25 working
 * days) from a complete dossier to the decision, on the working-day calendar: the arithmetic shared by the dossier
 * API (dossier.ProcedureDeadline) and the reports.
 */
@Component
public class ProcedureDeadlines {

  /** Where a dossier's procedure is: not submitted, awaiting a supplement, withdrawn or returned, open, ended. */
  public enum Phase { NOT_STARTED, PAUSED, CLOSED, OPEN, ENDED }

  /**
   * State: RUNNING (open, within the limit), OVERDUE (open, past it), MET, LATE (ended within / after it), PAUSED
   * (awaiting a supplement), CLOSED (withdrawn or returned: no decision due), NOT_STARTED (not submitted).
   * {@code workingDaysLate} counts the working days after the due day up to the end (or today).
   */
  public record View(int workingDays, OffsetDateTime completeAt, OffsetDateTime due, String dueText,
      OffsetDateTime endedAt, String state, String stateLabel, int workingDaysLate) {

    public boolean late() {
      return "LATE".equals(state) || "OVERDUE".equals(state);
    }
  }

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties deadlines;
  private final ZoneId zone;

  public ProcedureDeadlines(WorkingDayCalendar calendar, DeadlineProperties deadlines, CalendarProperties properties) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.zone = properties.zone();
  }

  public int workingDays() {
    return deadlines.procedureWorkingDays();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The earliest the limit can fall for a dossier submitted then (a supplement only moves it later). */
  public OffsetDateTime earliestDue(OffsetDateTime submittedAt) {
    return OffsetDateTime.ofInstant(calendar.deadline(Date.from(submittedAt.toInstant()), workingDays()).toInstant(),
        zone);
  }

  public View compute(Phase phase, OffsetDateTime completeAt, OffsetDateTime endedAt, OffsetDateTime now) {
    return compute(phase, completeAt, endedAt, now, this::due, this::workingDaysBetween);
  }

  /**
   * A computer for many dossiers at once (the reports: 100,000 dossiers in one call), with the same results as
   * {@link #compute}: the due date and its text are computed once per day of completion, and the working days late
   * are counted on a table of working days built once. Not thread-safe; holidays changed after it was made are not
   * seen by it (use one per request).
   */
  public Batch batch() {
    return new Batch();
  }

  /** See {@link #batch()}. */
  public final class Batch {
    private final java.util.Map<Long, Due> dueByDay = new java.util.HashMap<>();
    private LocalDate first;
    /** {@code ordinals[i]}: the working days from {@code first} (excluded) up to {@code first + i} (included). */
    private int[] ordinals = new int[0];

    private Batch() {}

    public View compute(Phase phase, OffsetDateTime completeAt, OffsetDateTime endedAt, OffsetDateTime now) {
      return ProcedureDeadlines.this.compute(phase, completeAt, endedAt, now,
          complete -> dueByDay.computeIfAbsent(calendar.epochDay(complete.getTime()), day -> due(complete)),
          this::workingDaysBetween);
    }

    private int workingDaysBetween(LocalDate from, LocalDate to) {
      if (!to.isAfter(from)) {
        return 0;
      }
      cover(from, to);
      return ordinals[(int) (to.toEpochDay() - first.toEpochDay())]
          - ordinals[(int) (from.toEpochDay() - first.toEpochDay())];
    }

    /** Extends the table to the days from {@code from} to {@code to} (a year more on each side when it grows). */
    private void cover(LocalDate from, LocalDate to) {
      if (first != null && !from.isBefore(first) && to.toEpochDay() - first.toEpochDay() < ordinals.length) {
        return;
      }
      LocalDate start = first == null || from.isBefore(first) ? from.minusDays(366) : first;
      LocalDate last = first == null ? to : first.plusDays(ordinals.length - 1L);
      LocalDate end = to.isAfter(last) ? to.plusDays(366) : last;
      int[] table = new int[(int) (end.toEpochDay() - start.toEpochDay()) + 1];
      int n = 0;
      LocalDate day = start;
      for (int i = 0; i < table.length; i++, day = day.plusDays(1)) {
        if (i > 0 && calendar.isWorkingDay(day)) {
          n++;
        }
        table[i] = n;
      }
      first = start;
      ordinals = table;
    }
  }

  /** The limit of a dossier complete then: close of office of the N-th working day after the day, and its text. */
  private record Due(Date date, OffsetDateTime at, LocalDate day, String text) {}

  private Due due(Date complete) {
    Date dueDate = calendar.deadline(complete, workingDays());
    return new Due(dueDate, OffsetDateTime.ofInstant(dueDate.toInstant(), zone), calendar.localDate(dueDate),
        VietnameseDates.dateTime(dueDate, zone));
  }

  private interface DaysBetween {
    int between(LocalDate from, LocalDate to);
  }

  private View compute(Phase phase, OffsetDateTime completeAt, OffsetDateTime endedAt, OffsetDateTime now,
      java.util.function.Function<Date, Due> dues, DaysBetween daysBetween) {
    int days = workingDays();
    if (completeAt == null || phase == Phase.NOT_STARTED) {
      return new View(days, null, null, null, null, "NOT_STARTED", "Chưa nộp hồ sơ", 0);
    }
    if (phase == Phase.PAUSED) {
      return new View(days, null, null, null, null, "PAUSED", "Chờ bổ sung: thời hạn tính từ khi nhận đủ hồ sơ", 0);
    }
    Due due = dues.apply(Date.from(completeAt.toInstant()));
    if (phase == Phase.CLOSED) {
      return new View(days, completeAt, due.at(), due.text(), endedAt, "CLOSED",
          "Không còn xử lý (đã rút hoặc trả lại)", 0);
    }
    OffsetDateTime ended = phase == Phase.ENDED ? (endedAt == null ? now : endedAt) : null;
    OffsetDateTime end = ended == null ? now : ended;
    boolean overdue = end.isAfter(due.at());
    int late = overdue ? daysBetween.between(due.day(), end.atZoneSameInstant(zone).toLocalDate()) : 0;
    String state = ended == null ? (overdue ? "OVERDUE" : "RUNNING") : (overdue ? "LATE" : "MET");
    String label = switch (state) {
      case "OVERDUE" -> "Quá hạn " + late + " ngày làm việc";
      case "RUNNING" -> "Trong hạn";
      case "LATE" -> "Giải quyết trễ hạn " + late + " ngày làm việc";
      default -> "Giải quyết đúng hạn";
    };
    return new View(days, completeAt, due.at(), due.text(), ended, state, label, late);
  }

  /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
  private int workingDaysBetween(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        n++;
      }
    }
    return n;
  }
}
