package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.legal.LegalFixtures;

/**
 * Reward money as shipped (base salaries and rounding of application.yaml, coefficients of the migrations): each
 * legal value row's effect on the day before and on the day it takes effect.
 */
class RewardMoneyTest {

  private static final List<String> KINDS = List.of("INDIVIDUAL", "COLLECTIVE", "HOUSEHOLD");
  private static BaseSalaryProperties salaries;
  private static RewardRoundingProperties rounding;
  private static AwardCatalog catalog;

  @BeforeAll
  static void load() {
    salaries = LegalFixtures.baseSalaries();
    rounding = LegalFixtures.rounding();
    JdbcClient jdbc = LegalFixtures.migratedDatabase("reward-money");
    catalog = new AwardCatalog(jdbc);
  }

  private static long amount(String award, String kind, LocalDate on) {
    return RewardMoney.compute(catalog.rewards(award), kind, on, salaries, rounding).orElseThrow().amount();
  }

  @Test
  void provincialCertificateBeforeAndFromTheBaseSalaryOfJuly2026() {
    // 1.5 × 2,340,000 = 3,510,000; 1.5 × 2,530,000 = 3,795,000, rounded up to the next 10,000 đ
    assertThat(amount("BK_TINH", "INDIVIDUAL", LocalDate.of(2026, 6, 30))).isEqualTo(3_510_000L);
    assertThat(amount("BK_TINH", "INDIVIDUAL", LocalDate.of(2026, 7, 1))).isEqualTo(3_800_000L);
    assertThat(amount("BK_TINH", "COLLECTIVE", LocalDate.of(2026, 6, 30))).isEqualTo(7_020_000L);
    assertThat(amount("BK_TINH", "COLLECTIVE", LocalDate.of(2026, 7, 1))).isEqualTo(7_590_000L);
  }

  @Test
  void primeMinistersCertificateUnderDecree152() {
    // Decree 98/2023: 1.5; Decree 152/2025 Art. 54(1)(a): 3.5 (secondary source, to confirm)
    assertThat(amount("BK_TTG", "INDIVIDUAL", LocalDate.of(2025, 6, 30))).isEqualTo(3_510_000L);
    assertThat(amount("BK_TTG", "INDIVIDUAL", LocalDate.of(2025, 7, 1))).isEqualTo(8_190_000L);
    assertThat(amount("BK_TTG", "INDIVIDUAL", LocalDate.of(2026, 7, 1))).isEqualTo(8_860_000L); // 8,855,000
  }

  @Test
  void roundingUpToTenThousandFromItsDate() {
    BigDecimal raw = new BigDecimal("3795000");
    assertThat(rounding.round(raw, LocalDate.of(2023, 12, 31))).isEqualTo(3_795_000L);
    assertThat(rounding.round(raw, LocalDate.of(2024, 1, 1))).isEqualTo(3_800_000L);
    assertThat(rounding.round(new BigDecimal("3800000"), LocalDate.of(2024, 1, 1))).isEqualTo(3_800_000L);
  }

  static Stream<AwardReward> rewardRows() {
    load();
    return catalog.all().stream().flatMap(t -> catalog.rewards(t.code()).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rewardRows")
  void everyCoefficientRowTakesEffectOnItsDate(AwardReward row) {
    List<AwardReward> rows = catalog.rewards(row.awardType());
    LocalDate from = row.validFrom();
    Optional<AwardReward> previous = AwardReward.inForce(rows, from.minusDays(1));
    for (String kind : KINDS) {
      BigDecimal c = row.coefficient(kind);
      if (c == null) {
        continue;
      }
      long salary = salaries.on(from).orElseThrow().amount();
      assertThat(RewardMoney.compute(rows, kind, from, salaries, rounding).orElseThrow().amount())
          .as("%s %s on %s", row.awardType(), kind, from)
          .isEqualTo(rounding.round(c.multiply(BigDecimal.valueOf(salary)), from));
      Optional<Long> before = RewardMoney.compute(rows, kind, from.minusDays(1), salaries, rounding)
          .map(RewardMoney.Amount::amount);
      Optional<BigDecimal> previousCoefficient = previous.map(p -> p.coefficient(kind));
      if (previousCoefficient.isEmpty() || salaries.on(from.minusDays(1)).isEmpty()) {
        assertThat(before).as("%s %s the day before %s", row.awardType(), kind, from).isEmpty();
      } else {
        long salaryBefore = salaries.on(from.minusDays(1)).get().amount();
        assertThat(before).as("%s %s the day before %s", row.awardType(), kind, from).contains(rounding.round(
            previousCoefficient.get().multiply(BigDecimal.valueOf(salaryBefore)), from.minusDays(1)));
      }
    }
  }

  static Stream<BaseSalaryProperties.Entry> salaryRows() {
    return LegalFixtures.baseSalaries().baseSalary().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("salaryRows")
  void everyBaseSalaryRowTakesEffectOnItsDate(BaseSalaryProperties.Entry row) {
    assertThat(salaries.on(row.from())).contains(row);
    assertThat(salaries.on(row.from().minusDays(1)).orElse(null)).isNotEqualTo(row);
    List<BaseSalaryProperties.Entry> all = salaries.baseSalary();
    int i = all.indexOf(row);
    if (i > 0) {
      assertThat(salaries.on(row.from().minusDays(1))).contains(all.get(i - 1));
    }
  }

  @Test
  void theBaseSalaryOfJuly2026IsConfigured() {
    assertThat(salaries.on(LocalDate.of(2026, 7, 1)).orElseThrow().amount()).isEqualTo(2_530_000L);
    assertThat(salaries.on(LocalDate.of(2026, 6, 30)).orElseThrow().amount()).isEqualTo(2_340_000L);
  }
}
