package vn.gov.sonla.tdkt.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.reward.rounding}: how reward money (coefficient × base salary) is rounded, by date of effect, each
 * rule with its source. {@code step} is the unit the amount is rounded up to (10000: the next ten thousand đồng;
 * 1: to the đồng). Before the first rule, amounts are rounded up to the đồng.
 */
@ConfigurationProperties("tdkt.reward")
public record RewardRoundingProperties(List<Rule> rounding) {

  public record Rule(LocalDate from, long step, String basis) {
    public Rule {
      if (from == null || step < 1 || basis == null || basis.isBlank()) {
        throw new IllegalArgumentException("tdkt.reward.rounding: each rule needs from, a step of at least 1 and"
            + " its basis (the legal text it comes from)");
      }
    }
  }

  public RewardRoundingProperties {
    rounding = rounding == null ? List.of() : rounding.stream().sorted(Comparator.comparing(Rule::from)).toList();
  }

  /** The rule in force on the date, if any. */
  public Optional<Rule> on(LocalDate date) {
    Rule found = null;
    for (Rule r : rounding) {
      if (!r.from().isAfter(date)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The amount rounded up to the step in force on the date. */
  public long round(BigDecimal amount, LocalDate date) {
    long step = on(date).map(Rule::step).orElse(1L);
    BigDecimal steps = amount.divide(BigDecimal.valueOf(step), 0, RoundingMode.CEILING);
    return steps.multiply(BigDecimal.valueOf(step)).longValueExact();
  }
}
