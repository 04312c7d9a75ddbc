package vn.gov.sonla.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * council-written-opinion.dmn (the regime's rule for absent members' written opinions, by the session's date,
 * each row with its source) and the count of a ballot round under each of the three rules, in both modes.
 */
class CouncilWrittenOpinionTest {

  private static final String DMN = "processes/council-written-opinion.dmn";

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = resource()) {
      decision = engine.parseDecision("council-written-opinion", in);
    }
  }

  private static InputStream resource() {
    InputStream in = CouncilWrittenOpinionTest.class.getClassLoader().getResourceAsStream(DMN);
    assertThat(in).isNotNull();
    return in;
  }

  @ParameterizedTest
  @CsvSource({"2025-07-01,ND152-2025", "2026-12-14,ND152-2025", "2025-06-30,ND98-2023", "2024-03-15,ND98-2023"})
  void theRegimeIsChosenByTheSessionDateAndEachRowSaysHowToCountAndWhy(String date, String regime) {
    DmnDecisionRuleResult row = engine.evaluateDecisionTable(decision, Map.of("sessionDate", date)).getSingleResult();
    assertThat((String) row.getEntry("regime")).isEqualTo(regime);
    assertThat((String) row.getEntry("counting")).isIn("VOTE", "QUORUM_ONLY", "NOT_COUNTED");
    assertThat((String) row.getEntry("source")).isNotBlank();
  }

  @Test
  void everyRowCitesItsSourceAndSaysWhatIsToConfirm() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = resource()) {
      NodeList rules = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "rule");
      assertThat(rules.getLength()).isGreaterThanOrEqualTo(2);
      for (int i = 0; i < rules.getLength(); i++) {
        Element rule = (Element) rules.item(i);
        String description = rule.getElementsByTagNameNS("*", "description").item(0).getTextContent();
        assertThat(description).as(rule.getAttribute("id")).containsPattern("Nghị định \\d+/\\d{4}/NĐ-CP")
            .contains("Cần xác nhận");
      }
    }
  }

  private static CouncilRepository.Attendance ballot(String member) {
    return new CouncilRepository.Attendance(member, OffsetDateTime.now(), "BALLOT", null);
  }

  private static CouncilRepository.Attendance written(String member, WrittenOpinionRule.Counting counting) {
    return new CouncilRepository.Attendance(member, OffsetDateTime.now(), "WRITTEN", counting.name());
  }

  @Test
  void onlineAWrittenOpinionCountsAsAVoteForTheQuorumOnlyOrNotAtAll() {
    // 9 members: 5 online ballots, one written opinion of each kind; the ballot box holds 4 in favour
    var count = new CouncilCount(false, 9, List.of(ballot("a"), ballot("b"), ballot("c"), ballot("d"), ballot("e"),
        written("f", WrittenOpinionRule.Counting.VOTE), written("g", WrittenOpinionRule.Counting.QUORUM_ONLY),
        written("h", WrittenOpinionRule.Counting.NOT_COUNTED)), Map.of());
    assertThat(count.participants()).isEqualTo(7);
    assertThat(count.votes("X", 4)).isEqualTo(new CouncilCount.Votes(4, 2, 3));
  }

  @Test
  void aMeetingCountsThePresentTheCommitteeRecordedAndAbstentionsAreNeitherForNorAgainst() {
    var totals = Map.of("X", new CouncilRepository.MeetingTotal("X", 4, 2, 6),
        "Y", new CouncilRepository.MeetingTotal("Y", 6, 0, 7));
    var count = new CouncilCount(true, 9, List.of(written("f", WrittenOpinionRule.Counting.VOTE),
        written("g", WrittenOpinionRule.Counting.QUORUM_ONLY)), totals);
    // the smallest number present, plus the written opinions counted for the quorum
    assertThat(count.participants()).isEqualTo(8);
    // X: 4 + the written vote in favour (box 1); 2 against; 6 present + 1 written vote; one abstained
    assertThat(count.votes("X", 1)).isEqualTo(new CouncilCount.Votes(5, 2, 2));
    // Y: the written vote against
    assertThat(count.votes("Y", 0)).isEqualTo(new CouncilCount.Votes(6, 1, 1));
  }
}
