package vn.gov.sonla.tdkt.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.base-salary}: the base salary (mức lương cơ sở) by date of effect, each with the decree that
 * set it. Reward money is a coefficient of the base salary in force on the decision date.
 */
@ConfigurationProperties("tdkt")
public record BaseSalaryProperties(List<Entry> baseSalary) {

  public record Entry(LocalDate from, long amount, String basis) {}

  public BaseSalaryProperties {
    baseSalary = baseSalary == null ? List.of()
        : baseSalary.stream().sorted(Comparator.comparing(Entry::from)).toList();
  }

  /** The base salary in force on the date, if any is configured from before it. */
  public Optional<Entry> on(LocalDate date) {
    Entry found = null;
    for (Entry e : baseSalary) {
      if (!e.from().isAfter(date)) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Coefficient × base salary, in đồng (rounded up to the đồng). */
  public static long amount(BigDecimal coefficient, long baseSalary) {
    return coefficient.multiply(BigDecimal.valueOf(baseSalary)).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
