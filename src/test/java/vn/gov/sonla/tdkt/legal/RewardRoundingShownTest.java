package vn.gov.sonla.tdkt.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardTypeController;
import vn.gov.sonla.tdkt.award.RequiredDocuments;
import vn.gov.sonla.tdkt.award.RewardMoney;
import vn.gov.sonla.tdkt.report.StatisticsService;

/**
 * Reward money shows the same rounded amount wherever the product states it: the catalogue view
 * ({@code GET /api/award-types?on=}), the statistics form 0605.N and award.RewardMoney (which the decision's
 * Article 2 is to use): 1.5 × 2,530,000 = 3,795,000 đ, rounded up to the next 10,000 đ = 3,800,000 đ from
 * 1 July 2026; 1.5 × 2,340,000 = 3,510,000 đ the day before.
 */
class RewardRoundingShownTest {

  private static final LocalDate BEFORE = LocalDate.of(2026, 6, 30);
  private static final LocalDate FROM = LocalDate.of(2026, 7, 1);

  private final JdbcClient jdbc = LegalFixtures.migratedDatabase("reward-rounding-shown");
  private final AwardCatalog catalog = new AwardCatalog(jdbc);
  private final RewardMoney money = new RewardMoney(catalog, LegalFixtures.baseSalaries(), LegalFixtures.rounding());

  private long rewardMoney(String award, String kind, LocalDate on) {
    return money.amount(award, kind, on).orElseThrow().amount();
  }

  @SuppressWarnings("unchecked")
  private long catalogueAmount(String award, String kind, LocalDate on) {
    AwardTypeController controller = new AwardTypeController(catalog, LegalFixtures.baseSalaries(),
        Mockito.mock(RequiredDocuments.class), money,
        java.time.Clock.systemUTC());
    Map<String, Object> view = controller.list(on).stream().filter(v -> award.equals(v.get("code"))).findFirst()
        .orElseThrow();
    Map<String, Object> reward = (Map<String, Object>) view.get("reward");
    Map<String, Object> byKind = (Map<String, Object>) ((Map<String, Object>) reward.get("bySubjectKind")).get(kind);
    assertThat((String) byKind.get("roundingBasis")).isNotBlank();
    return ((Number) byKind.get("amount")).longValue();
  }

  private void award(String kind, LocalDate decided) {
    jdbc.sql("INSERT INTO award_record (id, subject_kind, subject_name, subject_key, award_type, award_kind,"
            + " award_year, decision_number, decision_date, decided_by, source)"
            + " VALUES (:id, :kind, :name, :key, 'BK_TINH', 'ANNUAL', 2026, :number, :decided, 'Chủ tịch UBND tỉnh',"
            + " 'IMPORT')")
        .param("id", UUID.randomUUID().toString()).param("kind", kind).param("name", "Lò Văn " + decided)
        .param("key", "k-" + kind + decided).param("number", decided.getDayOfMonth() + "/QĐ-UBND")
        .param("decided", decided).update();
  }

  @Test
  void theCatalogueTheStatisticsFormAndRewardMoneyShowTheSameRoundedAmount() {
    assertThat(rewardMoney("BK_TINH", "INDIVIDUAL", BEFORE)).isEqualTo(3_510_000L);
    assertThat(rewardMoney("BK_TINH", "INDIVIDUAL", FROM)).isEqualTo(3_800_000L);
    assertThat(rewardMoney("BK_TINH", "COLLECTIVE", FROM)).isEqualTo(7_590_000L);

    // catalogue view on each day
    assertThat(catalogueAmount("BK_TINH", "INDIVIDUAL", BEFORE)).isEqualTo(3_510_000L);
    assertThat(catalogueAmount("BK_TINH", "INDIVIDUAL", FROM)).isEqualTo(3_800_000L);
    assertThat(catalogueAmount("BK_TINH", "COLLECTIVE", FROM)).isEqualTo(7_590_000L);

    // form 0605.N: one individual decided on each day, one collective on 1 July
    award("INDIVIDUAL", BEFORE);
    award("INDIVIDUAL", FROM);
    award("COLLECTIVE", FROM);
    StatisticsService statistics = new StatisticsService(jdbc, catalog, money, null,
        java.time.Clock.systemUTC());
    StatisticsService.Form form = statistics.of(2026).forms().stream()
        .filter(f -> f.code().startsWith("0605")).findFirst().orElseThrow();
    List<List<Object>> rows = form.rows();
    assertThat(rows.get(0).get(0).toString()).endsWith("(BK_TINH)");
    assertThat(rows.get(0).subList(1, 5)).containsExactly("Cá nhân", 2L, 3_510_000L + 3_800_000L, 0L);
    assertThat(rows.get(1).subList(1, 5)).containsExactly("Tập thể", 1L, 7_590_000L, 0L);
    assertThat(rows.get(rows.size() - 1)).containsExactly("Tổng cộng", "", 3L, 3_510_000L + 3_800_000L + 7_590_000L,
        0L);
  }
}
