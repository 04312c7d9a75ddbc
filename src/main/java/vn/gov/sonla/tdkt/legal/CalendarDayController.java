package vn.gov.sonla.tdkt.legal;

import org.springframework.security.access.prepost.PreAuthorize;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.calendar.CalendarDay;
import vn.gov.sonla.tdkt.calendar.CalendarDays;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidInputException;

/**
 * Holidays and make-up working days ({@code /api/calendar/days}): everyone logged in reads them; administrators
 * add, change and remove days, effective at once for every deadline computed afterwards (no restart). Each change
 * is an audit record {@code CALENDAR_CHANGED} (before and after) in the same transaction.
 */
@RestController
@RequestMapping("/api/calendar/days")
public class CalendarDayController {

  public static final String AUDIT_KIND = "CALENDAR_CHANGED";

  public record DayRequest(String kind, String name, String source, Boolean confirmed) {}

  private final CalendarDays days;
  private final WorkingDayCalendar calendar;
  private final AuditLog audit;
  private final CurrentUserProvider currentUser;
  private final Clock clock;

  public CalendarDayController(CalendarDays days, WorkingDayCalendar calendar, AuditLog audit,
      CurrentUserProvider currentUser, Clock clock) {
    this.days = days;
    this.calendar = calendar;
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** The calendar's days off and make-up working days, of a year or all, each with its source. */
  @GetMapping
  public List<CalendarDay> list(@RequestParam(required = false) Integer year) {
    return year == null ? days.all() : days.year(year);
  }

  /**
   * Sets a day of the working-day calendar (a holiday or a make-up working day, with its source; administrators):
   * deadlines use it at once, and the change is an audit record.
   */
  @PutMapping("/{day}")
  @PreAuthorize("@legalAccess.canEditCalendar(authentication)")
  @Transactional
  public CalendarDay put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @RequestBody DayRequest request) {
    String user = currentUser.get().id();
    List<FieldProblem> problems = new ArrayList<>();
    CalendarDay.Kind kind = null;
    try {
      kind = CalendarDay.Kind.valueOf(request.kind() == null ? "" : request.kind().strip());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("kind", "Loại ngày phải là HOLIDAY (ngày nghỉ) hoặc WORKING_DAY (ngày làm bù)."));
    }
    text(problems, "name", request.name(), 200, "Chưa nhập tên ngày nghỉ (ví dụ: Tết Nguyên đán).");
    text(problems, "source", request.source(), 600,
        "Chưa nhập căn cứ (văn bản, số, ngày; hoặc ghi \"cần xác nhận\").");
    if (kind == CalendarDay.Kind.WORKING_DAY && day.getDayOfWeek().getValue() < 6) {
      problems.add(new FieldProblem("kind", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Ngày trong lịch chưa hợp lệ: kiểm tra các trường được nêu.", problems);
    }
    CalendarDay before = days.find(day).orElse(null);
    CalendarDay after = new CalendarDay(day, kind, request.name().strip(), request.source().strip(),
        Boolean.TRUE.equals(request.confirmed()), user,
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    days.save(after);
    audit.append(null, AUDIT_KIND, AuditLog.detail("day", day.toString(), "before", describe(before),
        "after", describe(after)));
    reloadAfterCommit();
    return after;
  }

  /** Removes a day from the working-day calendar (administrators); the change is an audit record. */
  @DeleteMapping("/{day}")
  @PreAuthorize("@legalAccess.canEditCalendar(authentication)")
  @Transactional
  public ResponseEntity<Void> delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    CalendarDay before = days.find(day)
        .orElseThrow(() -> new DossierNotFoundException("ngày " + day + " trong lịch ngày nghỉ"));
    days.delete(day);
    audit.append(null, AUDIT_KIND, AuditLog.detail("day", day.toString(), "before", describe(before), "after", ""));
    reloadAfterCommit();
    return ResponseEntity.noContent().build();
  }

  private void reloadAfterCommit() {
    org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
        new org.springframework.transaction.support.TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            calendar.reload();
          }
        });
  }

  private static String describe(CalendarDay d) {
    return d == null ? "" : d.kind().label() + ": " + d.name() + " (" + d.source()
        + (d.confirmed() ? "" : "; cần xác nhận") + ")";
  }

  private static void text(List<FieldProblem> problems, String field, String value, int max, String missing) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, missing));
    } else if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, "Không được dài quá " + max + " ký tự."));
    }
  }

}
