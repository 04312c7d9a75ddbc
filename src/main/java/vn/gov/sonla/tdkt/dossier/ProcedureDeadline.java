package vn.gov.sonla.tdkt.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.DeadlineProperties;
import vn.gov.sonla.tdkt.calendar.VietnameseDates;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;
import vn.gov.sonla.tdkt.identity.EngineAuthentication;

/**
 * The whole provincial procedure's time limit ({@code tdkt.deadlines.procedure-working-days}, default 25 working
 * days) from a complete dossier to the decision. The dossier is complete when received (submitted), or, when the
 * appraiser asked for a supplement, when its last supplement was received (the engine's history of the task
 * "Bổ sung hồ sơ"). The procedure ends with the Chairman's decision (its signing time), the State submission or a
 * refusal (the time of that status). While a supplement is awaited the dossier is not complete: no deadline runs.
 */
@Component
public class ProcedureDeadline {

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

  static final String SUPPLEMENT_TASK = "Task_Supplement";

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties deadlines;
  private final HistoryService history;
  private final EngineAuthentication engine;
  private final DecisionLookup decisions;
  private final ZoneId zone;

  public ProcedureDeadline(WorkingDayCalendar calendar, DeadlineProperties deadlines, HistoryService history,
      EngineAuthentication engine, DecisionLookup decisions, CalendarProperties calendarProperties) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.history = history;
    this.engine = engine;
    this.decisions = decisions;
    this.zone = calendarProperties.zone();
  }

  public View of(Dossier d) {
    return of(d, OffsetDateTime.now(zone));
  }

  /** The deadline of the dossier as at {@code now}. */
  public View of(Dossier d, OffsetDateTime now) {
    OffsetDateTime completeAt = d.submittedAt();
    if (completeAt != null && d.processInstanceId() != null) {
      HistoricTaskInstance last = engine.asSystem(() -> history.createHistoricTaskInstanceQuery()
          .processInstanceId(d.processInstanceId()).taskDefinitionKey(SUPPLEMENT_TASK).finished()
          .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1)).stream().findFirst().orElse(null);
      if (last != null && last.getEndTime() != null) {
        completeAt = OffsetDateTime.ofInstant(last.getEndTime().toInstant(), zone);
      }
    }
    OffsetDateTime endedAt = switch (d.status()) {
      case AWARDED -> decisions.forDossier(d.code()).map(DossierView.DecisionView::signedAt).orElse(d.updatedAt());
      case NOT_AWARDED, SUBMITTED_TO_STATE, RETURNED, WITHDRAWN -> d.updatedAt();
      default -> null;
    };
    return compute(d.status(), completeAt, endedAt, now);
  }

  /**
   * A cheap first check before {@link #of}: whether the dossier could be past the limit as at {@code now}; the
   * limit counted from its submission is the earliest it can be (a supplement only moves it later).
   */
  public boolean mayBeLate(Dossier d, OffsetDateTime now) {
    OffsetDateTime end = switch (d.status()) {
      case DRAFT, AWAITING_SUPPLEMENT, WITHDRAWN, RETURNED -> null;
      // ended: the status was set when the procedure ended (the decision is signed no later than that)
      case AWARDED, NOT_AWARDED, SUBMITTED_TO_STATE -> d.updatedAt() == null ? now : d.updatedAt();
      default -> now;
    };
    if (d.submittedAt() == null || end == null) {
      return false;
    }
    Date earliest = calendar.deadline(Date.from(d.submittedAt().toInstant()), deadlines.procedureWorkingDays());
    return end.toInstant().isAfter(earliest.toInstant());
  }

  /** The deadline from the moments alone (no engine). */
  View compute(DossierStatus status, OffsetDateTime completeAt, OffsetDateTime endedAt, OffsetDateTime now) {
    int days = deadlines.procedureWorkingDays();
    if (completeAt == null || status == DossierStatus.DRAFT) {
      return new View(days, null, null, null, null, "NOT_STARTED", "Chưa nộp hồ sơ", 0);
    }
    if (status == DossierStatus.AWAITING_SUPPLEMENT) {
      return new View(days, null, null, null, null, "PAUSED",
          "Chờ bổ sung: thời hạn tính từ khi nhận đủ hồ sơ", 0);
    }
    Date dueDate = calendar.deadline(Date.from(completeAt.toInstant()), days);
    OffsetDateTime due = OffsetDateTime.ofInstant(dueDate.toInstant(), zone);
    String dueText = VietnameseDates.dateTime(dueDate, zone);
    if (status == DossierStatus.WITHDRAWN || status == DossierStatus.RETURNED) {
      return new View(days, completeAt, due, dueText, endedAt, "CLOSED", "Không còn xử lý (đã rút hoặc trả lại)", 0);
    }
    OffsetDateTime end = endedAt == null ? now : endedAt;
    int late = end.isAfter(due) ? workingDaysBetween(calendar.localDate(dueDate),
        end.atZoneSameInstant(zone).toLocalDate()) : 0;
    boolean overdue = end.isAfter(due);
    String state = endedAt == null ? (overdue ? "OVERDUE" : "RUNNING") : (overdue ? "LATE" : "MET");
    String label = switch (state) {
      case "OVERDUE" -> "Quá hạn " + late + " ngày làm việc";
      case "RUNNING" -> "Trong hạn";
      case "LATE" -> "Giải quyết trễ hạn " + late + " ngày làm việc";
      default -> "Giải quyết đúng hạn";
    };
    return new View(days, completeAt, due, dueText, endedAt, state, label, late);
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
