package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.appraisal.EligibilityFacts;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Every row of the eligibility tables (award-criteria-nd98-2023.dmn, award-criteria-nd152-2025.dmn), under both
 * regimes: a subject history in the register that meets the row exactly, and one that misses it by one year or
 * one item. Facts come from {@link EligibilityFacts} over the register, the verdict from the deployed decisions
 * chosen by receipt date (award-eligibility-regime), as in the process.
 */
@AppTest
@Transactional
class EligibilityRulesTest {

  static final int YEAR = 2025;
  static final LocalDate OLD_REGIME_DAY = LocalDate.of(2025, 6, 30);
  static final LocalDate NEW_REGIME_DAY = LocalDate.of(2025, 7, 1);

  @Autowired EligibilityFacts facts;
  @Autowired Subjects subjects;
  @Autowired AwardRegister register;
  @Autowired DecisionService decisions;
  @Autowired RepositoryService repository;

  /** A subject's history, written to the register. */
  final class History {
    final String subjectId;
    final String subjectKind;
    DeclaredFacts declared = DeclaredFacts.NONE;

    History(SubjectKind kind) {
      subjectKind = kind.name();
      subjectId = subjects.resolve(new SubjectDraft(kind, "Người thử " + UUID.randomUUID(), LocalDate.of(1980, 1, 1),
          "sgddt", null, null, null, null)).id();
    }

    History award(String type, String kind, int... years) {
      for (int y : years) {
        register.record(new AwardRecord(UUID.randomUUID().toString(), subjectKind, "x", null, null, "k", type, kind, y,
            y + "/QĐ-" + type, LocalDate.of(y, 12, 20), "Thủ trưởng đơn vị", "IMPORT", null, subjectId, null));
      }
      return this;
    }

    History cstdcs(int... years) {
      return award("CSTD_CS", "ANNUAL", years);
    }

    History rated(Rating rating, int from, int to) {
      for (int y = from; y <= to; y++) {
        register.rate(subjectId, y, rating, "UNIT", null, "test");
      }
      return this;
    }

    History initiative(int year, InitiativeScope scope) {
      register.addInitiative(subjectId, year, "Sáng kiến " + UUID.randomUUID(), scope, "Hội đồng sáng kiến", null, "test");
      return this;
    }

    History declared(DeclaredFacts d) {
      declared = d;
      return this;
    }
  }

  record Verdict(String regime, String versionTag, List<String> unmet, List<String> articles) {}

  Verdict judge(History h, String awardType, String awardKind, LocalDate receivedOn) {
    Map<String, Object> input = facts.compute(h.subjectId, awardType, awardKind, h.subjectKind, YEAR, h.declared);
    var regime = decisions.evaluateDecisionByKey("award-eligibility-regime")
        .variables(Variables.createVariables().putValue("receivedOn", receivedOn.toString())).evaluate()
        .getSingleResult();
    String key = regime.getEntry("criteriaDecision");
    DmnDecisionResult result = decisions.evaluateDecisionByKey(key).variables(input).evaluate();
    List<String> unmet = new ArrayList<>();
    List<String> articles = new ArrayList<>();
    result.forEach(e -> {
      unmet.add(e.getEntry("criterion"));
      articles.add(e.getEntry("article"));
    });
    String tag = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
        .getVersionTag();
    return new Verdict(regime.getEntry("regime"), tag, unmet, articles);
  }

  static DeclaredFacts members(int count, int completing, int advanced, int fighters, int disciplined) {
    return new DeclaredFacts(false, null, count, completing, advanced, fighters, disciplined, null);
  }

  static DeclaredFacts bloc(boolean leader) {
    return new DeclaredFacts(false, null, null, null, null, null, null, leader);
  }

  /** Row → award, kind, subject, a history meeting it exactly, a history missing it by one. */
  record Row(String criterion, String awardType, String awardKind, SubjectKind kind, Consumer<History> meets,
      Consumer<History> misses) {
    @Override
    public String toString() {
      return criterion;
    }
  }

  static List<Row> rows() {
    SubjectKind i = SubjectKind.INDIVIDUAL;
    SubjectKind c = SubjectKind.COLLECTIVE;
    return List.of(
        new Row("PROCEEDINGS_PENDING", "BK_TINH", "SUDDEN", i,
            h -> h.declared(new DeclaredFacts(false, null, null, null, null, null, null, null)),
            h -> h.declared(new DeclaredFacts(true, null, null, null, null, null, null, null))),
        new Row("CSTD_TINH_CSTDCS_3", "CSTD_TINH", "ANNUAL", i,
            h -> h.cstdcs(2023, 2024, 2025), h -> h.cstdcs(2024, 2025)),
        new Row("CSTD_TINH_INITIATIVE", "CSTD_TINH", "ANNUAL", i,
            h -> h.initiative(2023, InitiativeScope.PROVINCIAL), h -> h.initiative(2022, InitiativeScope.PROVINCIAL)),
        new Row("CSTD_TQ_CSTD_TINH_2", "CSTD_TQ", "ANNUAL", i,
            h -> h.award("CSTD_TINH", "ANNUAL", 2022, 2025), h -> h.award("CSTD_TINH", "ANNUAL", 2021, 2025)),
        new Row("CSTD_TQ_INITIATIVE", "CSTD_TQ", "ANNUAL", i,
            h -> h.initiative(2020, InitiativeScope.NATIONAL), h -> h.initiative(2020, InitiativeScope.PROVINCIAL)),
        new Row("BK_TINH_BASIS", "BK_TINH", "ANNUAL", i,
            h -> h.cstdcs(2024, 2025), h -> h.cstdcs(2025).rated(Rating.EXCELLENT, 2025, 2025)),
        new Row("BK_TINH_INITIATIVES_2", "BK_TINH", "ANNUAL", i,
            h -> h.rated(Rating.EXCELLENT, 2024, 2025).initiative(2024, InitiativeScope.UNIT)
                .initiative(2025, InitiativeScope.UNIT),
            h -> h.rated(Rating.EXCELLENT, 2024, 2025).initiative(2023, InitiativeScope.UNIT)
                .initiative(2025, InitiativeScope.UNIT)),
        new Row("BK_TINH_COLLECTIVE_EXCELLENT_2", "BK_TINH", "ANNUAL", c,
            h -> h.rated(Rating.EXCELLENT, 2024, 2025), h -> h.rated(Rating.GOOD, 2024, 2024).rated(Rating.EXCELLENT, 2025, 2025)),
        new Row("TTLDXS_EXCELLENT", "TTLDXS", "ANNUAL", c,
            h -> h.rated(Rating.EXCELLENT, 2025, 2025), h -> h.rated(Rating.GOOD, 2025, 2025)),
        new Row("TTLDXS_ALL_COMPLETED", "TTLDXS", "ANNUAL", c,
            h -> h.declared(members(10, 10, 7, 1, 0)), h -> h.declared(members(10, 9, 7, 1, 0))),
        new Row("TTLDXS_LDTT_70", "TTLDXS", "ANNUAL", c,
            h -> h.declared(members(10, 10, 7, 1, 0)), h -> h.declared(members(10, 10, 6, 1, 0))),
        new Row("TTLDXS_CSTDCS", "TTLDXS", "ANNUAL", c,
            h -> h.declared(members(10, 10, 7, 1, 0)), h -> h.declared(members(10, 10, 7, 0, 0))),
        new Row("TTLDXS_NO_DISCIPLINE", "TTLDXS", "ANNUAL", c,
            h -> h.declared(members(10, 10, 7, 1, 0)), h -> h.declared(members(10, 10, 7, 1, 1))),
        new Row("CO_TINH_BLOC_LEADER", "CO_TINH", "ANNUAL", c,
            h -> h.declared(bloc(true)), h -> h.declared(bloc(false))),
        new Row("CO_TINH_EXCELLENT", "CO_TINH", "ANNUAL", c,
            h -> h.rated(Rating.EXCELLENT, 2025, 2025), h -> h.rated(Rating.EXCELLENT, 2024, 2024)),
        new Row("CO_CP_CO_TINH", "CO_CP", "ANNUAL", c,
            h -> h.award("CO_TINH", "ANNUAL", 2025), h -> h.award("CO_TINH", "ANNUAL", 2024)),
        // sudden and thematic awards do not count toward higher awards
        new Row("BK_TTG_HAS_BK_TINH", "BK_TTG", "ANNUAL", i,
            h -> h.award("BK_TINH", "ANNUAL", 2019), h -> h.award("BK_TINH", "SUDDEN", 2019)),
        new Row("BK_TTG_GOOD_5", "BK_TTG", "ANNUAL", i,
            h -> h.award("BK_TINH", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2025),
            h -> h.award("BK_TINH", "ANNUAL", 2021).rated(Rating.GOOD, 2021, 2025)),
        new Row("BK_TTG_CSTDCS_3", "BK_TTG", "ANNUAL", i,
            h -> h.award("BK_TINH", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2025).cstdcs(2021, 2023, 2025),
            h -> h.award("BK_TINH", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2025).cstdcs(2020, 2023, 2025)),
        new Row("HCLD_3_HAS_BK_TTG", "HCLD_3", "ANNUAL", i,
            h -> h.award("BK_TTG", "ANNUAL", 2020), h -> h.award("BK_TTG", "THEMATIC", 2020)),
        new Row("HCLD_3_GOOD_5", "HCLD_3", "ANNUAL", i,
            h -> h.award("BK_TTG", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2025),
            h -> h.award("BK_TTG", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2025).rated(Rating.COMPLETED, 2021, 2021)),
        new Row("HCLD_3_EXCELLENT_1", "HCLD_3", "ANNUAL", i,
            h -> h.award("BK_TTG", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2024).rated(Rating.EXCELLENT, 2025, 2025),
            h -> h.award("BK_TTG", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2025).rated(Rating.EXCELLENT, 2020, 2020)),
        new Row("HCLD_3_CSTDCS_3", "HCLD_3", "ANNUAL", i,
            h -> h.award("BK_TTG", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2025).cstdcs(2021, 2022, 2025),
            h -> h.award("BK_TTG", "ANNUAL", 2020).rated(Rating.GOOD, 2021, 2025).cstdcs(2022, 2025)));
  }

  static Stream<Arguments> rowsUnderBothRegimes() {
    return rows().stream().flatMap(r -> Stream.of(Arguments.of(r, OLD_REGIME_DAY), Arguments.of(r, NEW_REGIME_DAY)));
  }

  @ParameterizedTest(name = "{0}, received {1}")
  @MethodSource("rowsUnderBothRegimes")
  void eachRowIsMetExactlyAndMissedByOne(Row row, LocalDate receivedOn) {
    History meeting = new History(row.kind());
    row.meets().accept(meeting);
    assertThat(judge(meeting, row.awardType(), row.awardKind(), receivedOn).unmet())
        .as("a history meeting %s exactly", row.criterion()).doesNotContain(row.criterion());

    History missing = new History(row.kind());
    row.misses().accept(missing);
    Verdict verdict = judge(missing, row.awardType(), row.awardKind(), receivedOn);
    assertThat(verdict.unmet()).as("a history missing %s by one", row.criterion()).contains(row.criterion());
    String article = verdict.articles().get(verdict.unmet().indexOf(row.criterion()));
    assertThat(article).contains(receivedOn.isBefore(NEW_REGIME_DAY) ? "98/2023" : "152/2025");
  }

  @Test
  void everyRowOfBothTablesHasACase() throws Exception {
    for (String file : List.of("processes/award-criteria-nd98-2023.dmn", "processes/award-criteria-nd152-2025.dmn")) {
      String xml = new String(getClass().getClassLoader().getResourceAsStream(file).readAllBytes());
      List<String> criteria = new ArrayList<>();
      var m = java.util.regex.Pattern.compile("OutputEntry_\\w+_Criterion\"><text>\"(\\w+)\"").matcher(xml);
      while (m.find()) {
        criteria.add(m.group(1));
      }
      assertThat(criteria).as(file).containsExactlyInAnyOrderElementsOf(rows().stream().map(Row::criterion).toList());
    }
  }

  @Test
  void theRegimeIsChosenByTheReceiptDate() {
    History h = new History(SubjectKind.INDIVIDUAL).cstdcs(2023, 2024, 2025).initiative(2024, InitiativeScope.PROVINCIAL);
    Verdict before = judge(h, "CSTD_TINH", "ANNUAL", OLD_REGIME_DAY);
    Verdict after = judge(h, "CSTD_TINH", "ANNUAL", NEW_REGIME_DAY);
    assertThat(before.regime()).isEqualTo("ND98-2023");
    assertThat(before.versionTag()).isEqualTo("ND98-2023");
    assertThat(after.regime()).isEqualTo("ND152-2025");
    assertThat(after.versionTag()).isEqualTo("ND152-2025");
    assertThat(before.unmet()).isEmpty();
    assertThat(after.unmet()).isEmpty();
  }

  @Test
  void aFullHistoryIsEligibleAndAnEmptyOneIsNot() {
    History fighter = new History(SubjectKind.INDIVIDUAL).cstdcs(2023, 2024, 2025)
        .initiative(2024, InitiativeScope.PROVINCIAL);
    assertThat(judge(fighter, "CSTD_TINH", "ANNUAL", NEW_REGIME_DAY).unmet()).isEmpty();
    History nobody = new History(SubjectKind.INDIVIDUAL);
    assertThat(judge(nobody, "CSTD_TINH", "ANNUAL", NEW_REGIME_DAY).unmet())
        .containsExactlyInAnyOrder("CSTD_TINH_CSTDCS_3", "CSTD_TINH_INITIATIVE");
  }

  @Test
  void achievementsCountOnlyAfterADisciplineEnded() {
    History h = new History(SubjectKind.INDIVIDUAL).cstdcs(2023, 2024, 2025)
        .initiative(2024, InitiativeScope.PROVINCIAL)
        .declared(new DeclaredFacts(false, LocalDate.of(2023, 5, 2), null, null, null, null, null, null));
    assertThat(judge(h, "CSTD_TINH", "ANNUAL", NEW_REGIME_DAY).unmet()).containsExactly("CSTD_TINH_CSTDCS_3");
    assertThat(facts.compute(h.subjectId, "CSTD_TINH", "ANNUAL", "INDIVIDUAL", YEAR, h.declared))
        .containsEntry("cstdcsYears", 2);
  }

  @Test
  void suddenAndThematicAwardsAreNotCountedButOtherBasesAreLeftToTheAppraiser() {
    History h = new History(SubjectKind.INDIVIDUAL);
    // a sudden certificate of merit has no register criterion: only pending proceedings could stop it
    assertThat(judge(h, "BK_TINH", "SUDDEN", NEW_REGIME_DAY).unmet()).isEmpty();
    assertThat(judge(h, "BK_TINH", "THEMATIC", NEW_REGIME_DAY).unmet()).isEmpty();
    assertThat(judge(h, "BK_TINH", "ANNUAL", NEW_REGIME_DAY).unmet()).containsExactly("BK_TINH_BASIS");
  }
}
