package vn.gov.sonla.tdkt.award;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The reward money of an award from a date on, as coefficients of the base salary per kind of subject
 * (null: the award is not given to that kind).
 */
public record AwardReward(String awardType, LocalDate validFrom, BigDecimal individual, BigDecimal collective,
    BigDecimal household, String legalBasis) {

  public BigDecimal coefficient(String subjectKind) {
    return switch (subjectKind) {
      case "INDIVIDUAL" -> individual;
      case "COLLECTIVE" -> collective;
      case "HOUSEHOLD" -> household;
      default -> null;
    };
  }
}
