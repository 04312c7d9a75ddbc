package vn.gov.sonla.tdkt.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reward money of an award on a date: the coefficient in force (award_reward) × the base salary in force
 * (tdkt.base-salary), rounded per the rounding rule in force (tdkt.reward.rounding), each with its source.
 */
@Component
public class RewardMoney {

  /** One computed amount and where each of its parts comes from. */
  public record Amount(String awardType, String subjectKind, LocalDate on, BigDecimal coefficient,
      String coefficientBasis, long baseSalary, String baseSalaryBasis, long step, String roundingBasis,
      long amount) {}

  private final AwardCatalog catalog;
  private final BaseSalaryProperties baseSalary;
  private final RewardRoundingProperties rounding;

  public RewardMoney(AwardCatalog catalog, BaseSalaryProperties baseSalary, RewardRoundingProperties rounding) {
    this.catalog = catalog;
    this.baseSalary = baseSalary;
    this.rounding = rounding;
  }

  public Optional<Amount> amount(String awardType, String subjectKind, LocalDate on) {
    return amount(catalog.rewards(awardType), subjectKind, on);
  }

  /** The same from already loaded reward rows of one award (oldest first or in any order). */
  public Optional<Amount> amount(List<AwardReward> rewards, String subjectKind, LocalDate on) {
    return compute(rewards, subjectKind, on, baseSalary, rounding);
  }

  static Optional<Amount> compute(List<AwardReward> rewards, String subjectKind, LocalDate on,
      BaseSalaryProperties baseSalary, RewardRoundingProperties rounding) {
    Optional<AwardReward> reward = AwardReward.inForce(rewards, on);
    BigDecimal coefficient = reward.map(r -> r.coefficient(subjectKind)).orElse(null);
    Optional<BaseSalaryProperties.Entry> salary = baseSalary.on(on);
    if (coefficient == null || salary.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal raw = coefficient.multiply(BigDecimal.valueOf(salary.get().amount()));
    Optional<RewardRoundingProperties.Rule> rule = rounding.on(on);
    return Optional.of(new Amount(reward.get().awardType(), subjectKind, on, coefficient, reward.get().legalBasis(),
        salary.get().amount(), salary.get().basis(), rule.map(RewardRoundingProperties.Rule::step).orElse(1L),
        rule.map(RewardRoundingProperties.Rule::basis).orElse("Làm tròn lên đến đồng (chưa cấu hình quy tắc)"),
        rounding.round(raw, on)));
  }
}
