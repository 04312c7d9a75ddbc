package vn.gov.sonla.tdkt.award;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The reward money of an award from a date on, as coefficients of the base salary per kind of subject
 * (null: the award is not given to that kind).
 */
public record AwardReward(String awardType, LocalDate validFrom, BigDecimal individual, BigDecimal collective,
    BigDecimal household, String legalBasis) {

  /** The row of {@code rewards} in force on the date: the one with the latest valid-from on or before it. */
  public static java.util.Optional<AwardReward> inForce(java.util.List<AwardReward> rewards, LocalDate date) {
    return rewards.stream().filter(r -> !r.validFrom().isAfter(date))
        .max(java.util.Comparator.comparing(AwardReward::validFrom));
  }

  public BigDecimal coefficient(String subjectKind) {
    return switch (subjectKind) {
      case "INDIVIDUAL" -> individual;
      case "COLLECTIVE" -> collective;
      case "HOUSEHOLD" -> household;
      default -> null;
    };
  }
}
