package vn.gov.sonla.tdkt.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Vietnamese working calendar: Saturdays and Sundays are off, and so are the configured public
 * holidays; weekend days declared as make-up working days (ngày làm bù) count as working days.
 */
@ConfigurationProperties("tdkt.calendar")
public record CalendarProperties(
    ZoneId zone, LocalTime officeClose, List<LocalDate> holidays, List<LocalDate> workingWeekendDays) {

  public CalendarProperties {
    zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
    officeClose = officeClose == null ? LocalTime.of(17, 0) : officeClose;
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    workingWeekendDays = workingWeekendDays == null ? List.of() : List.copyOf(workingWeekendDays);
  }

  Set<LocalDate> holidaySet() {
    return Set.copyOf(holidays);
  }

  Set<LocalDate> workingWeekendSet() {
    return Set.copyOf(workingWeekendDays);
  }
}
