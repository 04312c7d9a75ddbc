package vn.gov.sonla.tdkt.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the working calendar covers the time deadlines are computed for: the current year must have its
 * holidays, and from {@code tdkt.calendar.warn-from} (1 October) on, the next year too. Otherwise every deadline
 * that crosses the missing year's Tết would silently count holidays as working days.
 */
@Component
public class CalendarCoverage {

  private final WorkingDayCalendar calendar;
  private final CalendarDays table;
  private final MonthDay warnFrom;

  public CalendarCoverage(WorkingDayCalendar calendar, CalendarDays table,
      @Value("${tdkt.calendar.warn-from:10-01}") String warnFrom) {
    this.calendar = calendar;
    this.table = table;
    this.warnFrom = MonthDay.parse("--" + warnFrom);
  }

  /** The warning in Vietnamese for the given day, if the calendar falls short. */
  public Optional<String> warning(LocalDate today) {
    int year = today.getYear();
    if (!calendar.hasHolidaysIn(year)) {
      return Optional.of("Chưa cấu hình ngày nghỉ lễ, tết của năm " + year + ": thời hạn tính theo ngày làm việc"
          + " đang coi các ngày lễ, tết năm " + year + " là ngày làm việc. Quản trị viên cần nhập lịch nghỉ qua"
          + " /api/calendar/days (danh sách hiện có: trang Căn cứ pháp lý /legal/).");
    }
    if (!MonthDay.from(today).isBefore(warnFrom) && !calendar.hasHolidaysIn(year + 1)) {
      return Optional.of("Chưa cấu hình ngày nghỉ lễ, tết của năm " + (year + 1) + ": thời hạn kéo sang năm "
          + (year + 1) + " (kể cả Tết Nguyên đán) sẽ bị tính sai. Quản trị viên cần nhập lịch nghỉ năm "
          + (year + 1) + " qua /api/calendar/days (danh sách hiện có: trang Căn cứ pháp lý /legal/).");
    }
    return Optional.empty();
  }

  /** Health details: the warning if any, the holidays known this year and next, and those still to confirm. */
  public Map<String, Object> details(LocalDate today) {
    int year = today.getYear();
    Map<String, Object> d = new LinkedHashMap<>();
    warning(today).ifPresent(w -> d.put("warning", w));
    d.put("holidays" + year, calendar.holidaysIn(year).size());
    d.put("holidays" + (year + 1), calendar.holidaysIn(year + 1).size());
    long unconfirmed = table.year(year).stream().filter(c -> !c.confirmed()).count()
        + table.year(year + 1).stream().filter(c -> !c.confirmed()).count();
    d.put("toConfirm", unconfirmed);
    return d;
  }
}
