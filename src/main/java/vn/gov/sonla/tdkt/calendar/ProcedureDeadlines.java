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
    int days = workingDays();
    if (completeAt == null || phase == Phase.NOT_STARTED) {
      return new View(days, null, null, null, null, "NOT_STARTED", "Chưa nộp hồ sơ", 0);
    }
    if (phase == Phase.PAUSED) {
      return new View(days, null, null, null, null, "PAUSED", "Chờ bổ sung: thời hạn tính từ khi nhận đủ hồ sơ", 0);
    }
    Date dueDate = calendar.deadline(Date.from(completeAt.toInstant()), days);
    OffsetDateTime due = OffsetDateTime.ofInstant(dueDate.toInstant(), zone);
    String dueText = VietnameseDates.dateTime(dueDate, zone);
    if (phase == Phase.CLOSED) {
      return new View(days, completeAt, due, dueText, endedAt, "CLOSED", "Không còn xử lý (đã rút hoặc trả lại)", 0);
    }
    OffsetDateTime ended = phase == Phase.ENDED ? (endedAt == null ? now : endedAt) : null;
    OffsetDateTime end = ended == null ? now : ended;
    boolean overdue = end.isAfter(due);
    int late = overdue ? workingDaysBetween(calendar.localDate(dueDate), end.atZoneSameInstant(zone).toLocalDate()) : 0;
    String state = ended == null ? (overdue ? "OVERDUE" : "RUNNING") : (overdue ? "LATE" : "MET");
    String label = switch (state) {
      case "OVERDUE" -> "Quá hạn " + late + " ngày làm việc";
      case "RUNNING" -> "Trong hạn";
      case "LATE" -> "Giải quyết trễ hạn " + late + " ngày làm việc";
      default -> "Giải quyết đúng hạn";
    };
    return new View(days, completeAt, due, dueText, ended, state, label, late);
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
