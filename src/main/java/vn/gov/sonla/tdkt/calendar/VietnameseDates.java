package vn.gov.sonla.tdkt.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Dates and times as people in Viet Nam write them on pages and documents: "17:00 ngày 14/12/2026",
 * "ngày 14/12/2026" — never ISO, never a two-digit year.
 */
public final class VietnameseDates {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private VietnameseDates() {}

  /** "17:00 ngày 14/12/2026" in the given zone; null for null. */
  public static String dateTime(Instant instant, ZoneId zone) {
    return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
  }

  public static String dateTime(Date date, ZoneId zone) {
    return date == null ? null : dateTime(date.toInstant(), zone);
  }

  /** "14/12/2026"; null for null. */
  public static String date(LocalDate date) {
    return date == null ? null : DATE.format(date);
  }
}
