package vn.gov.sonla.tdkt.legal;

import java.time.LocalDate;

/**
 * One row of the register of legal values ({@code GET /api/legal-basis}): what the value is, from when to when it
 * holds (null: open), its source (document, date, article) and how far the source was checked.
 */
public record LegalValue(String category, String key, String label, String value, LocalDate validFrom,
    LocalDate validTo, String source, Reading reading) {

  /** How the source was read, from the marks the source text carries. */
  public enum Reading {
    ORIGINAL("Đã đối chiếu nguyên văn"),
    SECONDARY("Theo nguồn thứ cấp (tóm tắt, báo chí)"),
    TO_CONFIRM("Cần xác nhận"),
    UNSTATED("Chưa ghi mức độ đối chiếu");

    private final String label;

    Reading(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** "cần xác nhận" wins over "nguồn thứ cấp", which wins over "nguyên văn". */
    public static Reading of(String source) {
      String s = source == null ? "" : source.toLowerCase(java.util.Locale.ROOT);
      if (s.contains("cần xác nhận") || s.contains("cần đối chiếu") || s.contains("cần bổ sung")) {
        return TO_CONFIRM;
      }
      if (s.contains("nguồn thứ cấp")) {
        return SECONDARY;
      }
      if (s.contains("nguyên văn")) {
        return ORIGINAL;
      }
      return UNSTATED;
    }
  }

  /** How far the source was checked, in words (the page's column "Mức độ đối chiếu", the CSV). */
  @com.fasterxml.jackson.annotation.JsonProperty("readingLabel")
  public String readingLabel() {
    return reading.label();
  }
}
