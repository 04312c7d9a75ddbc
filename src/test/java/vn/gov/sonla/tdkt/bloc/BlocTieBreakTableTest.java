package vn.gov.sonla.tdkt.bloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bloc-tie-break.dmn with the standalone DMN engine: each key of the rule, in order, and the last resort. */
class BlocTieBreakTableTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = BlocTieBreakTableTest.class.getClassLoader().getResourceAsStream("processes/bloc-tie-break.dmn")) {
      assertThat(in).isNotNull();
      decision = engine.parseDecision("bloc-tie-break", in);
    }
  }

  private static DmnDecisionRuleResult compare(double total, double first, int discipline, long submitted) {
    return engine.evaluateDecisionTable(decision, Map.of("totalDiff", total, "firstCriterionDiff", first,
        "disciplineDiff", discipline, "submittedDiff", submitted)).getSingleResult();
  }

  @ParameterizedTest(name = "total {0}, first criterion {1}, discipline {2}, submitted {3} → {4} by {5}")
  @CsvSource({
      // a higher total wins whatever follows
      "2.5, -10, 3, 1000, A, TOTAL",
      "-0.5, 10, -3, -1000, B, TOTAL",
      // equal totals: the first-weighted criterion
      "0, 1, 2, 1000, A, FIRST_CRITERION",
      "0, -2, -2, -1000, B, FIRST_CRITERION",
      // then fewer discipline cases
      "0, 0, -1, 1000, A, FEWER_DISCIPLINE",
      "0, 0, 2, -1000, B, FEWER_DISCIPLINE",
      // then the earlier self-assessment
      "0, 0, 0, -60000, A, EARLIER_SUBMISSION",
      "0, 0, 0, 1, B, EARLIER_SUBMISSION",
      // nothing separates them: the unit code decides, the head brings it to the council
      "0, 0, 0, 0, EQUAL, UNIT_CODE"})
  void theKeysApplyInOrder(double total, double first, int discipline, long submitted, String winner, String rule) {
    DmnDecisionRuleResult r = compare(total, first, discipline, submitted);
    assertThat((String) r.getEntry("winner")).isEqualTo(winner);
    assertThat((String) r.getEntry("rule")).isEqualTo(rule);
  }

  @Test
  void everyRuleIsDocumented() {
    assertThat(decision.getDecisionLogic()).isNotNull();
    assertThat(new String(readAll()).split("<description>").length - 1).isEqualTo(10);
  }

  private static byte[] readAll() {
    try (InputStream in = BlocTieBreakTableTest.class.getClassLoader().getResourceAsStream("processes/bloc-tie-break.dmn")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theRankingUsesTheTable() {
    // BlocRanking's order with the table evaluated by the standalone engine
    OffsetDateTime t = OffsetDateTime.parse("2025-12-02T09:00:00Z");
    List<BlocRanking.Entry> entries = List.of(
        new BlocRanking.Entry("a", new BigDecimal("140"), new BigDecimal("37"), 0, t),
        new BlocRanking.Entry("b", new BigDecimal("140"), new BigDecimal("38"), 0, t.plusMinutes(5)),
        new BlocRanking.Entry("c", new BigDecimal("150"), new BigDecimal("30"), 1, t),
        new BlocRanking.Entry("d", new BigDecimal("130"), new BigDecimal("30"), 0, t),
        new BlocRanking.Entry("e", new BigDecimal("130"), new BigDecimal("30"), 1, t));
    BlocRanking ranking = new BlocRanking(null) {
      @Override
      public Verdict compare(Entry a, Entry b) {
        DmnDecisionRuleResult r = BlocTieBreakTableTest.compare(a.total().subtract(b.total()).doubleValue(),
            a.firstCriterion().subtract(b.firstCriterion()).doubleValue(), a.disciplineCases() - b.disciplineCases(),
            a.submittedAt().toInstant().toEpochMilli() - b.submittedAt().toInstant().toEpochMilli());
        return new Verdict(r.getEntry("winner"), r.getEntry("rule"));
      }
    };
    List<Bloc.Ranked> ranked = ranking.rank(entries);
    assertThat(ranked).extracting(Bloc.Ranked::unitCode).containsExactly("c", "b", "a", "d", "e");
    assertThat(ranked).extracting(Bloc.Ranked::tieBreak)
        .containsExactly(null, "FIRST_CRITERION", null, "FEWER_DISCIPLINE", null);
  }
}
