package vn.gov.sonla.tdkt.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A day of the working calendar that differs from the weekly rule (table calendar_day): a public holiday
 * ({@code HOLIDAY}) or a weekend day worked in exchange for a bridge (ngày làm bù, {@code WORKING_DAY}), with its
 * source and whether the source is the published notice ({@code confirmed}) or still "to confirm".
 */
public record CalendarDay(LocalDate day, Kind kind, String name, String source, boolean confirmed, String updatedBy,
    OffsetDateTime updatedAt) {

  public enum Kind {
    HOLIDAY("Ngày nghỉ lễ, tết"), WORKING_DAY("Ngày làm bù");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
