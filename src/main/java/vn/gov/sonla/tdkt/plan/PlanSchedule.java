package vn.gov.sonla.tdkt.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Due dates of plan items, from their timing. */
@Component
public class PlanSchedule {

  static final String RECURRING = "Thường xuyên";
  static final List<String> QUARTERS = List.of("I", "II", "III", "IV");
  static final Pattern MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
  static final Pattern QUARTER = Pattern.compile("Trong quý (I|II|III|IV)");

  /**
   * The last day an item may be done: "MM/YYYY" or "M/YYYY" → last day of that month (of the year written);
   * "Trong quý III" → last day of that quarter of {@code year}; "Thường xuyên" → 31 December of {@code year}.
   *
   * @throws IllegalArgumentException if the timing is none of these
   */
  public LocalDate dueDate(PlanItem item, int year) {
    String timing = item.timing() == null ? "" : item.timing().strip();
    Matcher month = MONTH.matcher(timing);
    if (month.matches()) {
      int m = Integer.parseInt(month.group(1));
      if (m < 1 || m > 12) {
        throw new IllegalArgumentException("Tháng không hợp lệ ở mục " + item.key() + ": " + timing);
      }
      return YearMonth.of(Integer.parseInt(month.group(2)), m).atEndOfMonth();
    }
    Matcher quarter = QUARTER.matcher(timing);
    if (quarter.matches()) {
      int q = QUARTERS.indexOf(quarter.group(1)) + 1;
      return YearMonth.of(year, q * 3).atEndOfMonth();
    }
    if (RECURRING.equals(timing)) {
      return LocalDate.of(year, 12, 31);
    }
    throw new IllegalArgumentException("Thời gian không hợp lệ ở mục " + item.key() + ": " + timing);
  }
}
