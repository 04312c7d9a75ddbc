package vn.gov.sonla.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.gov.sonla.tdkt.council.CouncilThreshold.Comparison;

/**
 * council-threshold.dmn with the standalone DMN engine: every rule row of both decisions, the article
 * each row cites, and the votes required that follow from a row.
 */
class CouncilThresholdTableTest {

  private static final String DMN = "processes/council-threshold.dmn";
  private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  private static DmnEngine engine;
  private static List<DmnDecision> decisions;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = resource()) {
      decisions = engine.parseDecisions(in);
    }
  }

  private static InputStream resource() {
    InputStream in = CouncilThresholdTableTest.class.getClassLoader().getResourceAsStream(DMN);
    assertThat(in).isNotNull();
    return in;
  }

  private static DmnDecision decision(String key) {
    return decisions.stream().filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
  }

  private static DmnDecisionRuleResult threshold(String awardType) {
    return engine.evaluateDecisionTable(decision("council-threshold"), Map.of("awardType", awardType))
        .getSingleResult();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CSTD_TINH", "CSTD_TQ"})
  void emulationFighterTitlesNeedNinetyPercentOfAllMembers(String awardType) {
    DmnDecisionRuleResult row = threshold(awardType);
    assertThat(((Number) row.getEntry("share")).doubleValue()).isEqualTo(0.9);
    assertThat((String) row.getEntry("comparison")).isEqualTo("AT_LEAST");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BK_TINH", "CO_TINH", "TTLDXS", "BK_TTG", "HCLD_3", "CO_CP"})
  void otherAwardsNeedMoreThanHalfOfAllMembers(String awardType) {
    DmnDecisionRuleResult row = threshold(awardType);
    assertThat(((Number) row.getEntry("share")).doubleValue()).isEqualTo(0.5);
    assertThat((String) row.getEntry("comparison")).isEqualTo("MORE_THAN");
  }

  @Test
  void quorumIsTwoThirdsOfAllMembers() {
    DmnDecisionRuleResult row = engine.evaluateDecisionTable(decision("council-quorum"),
        Map.of("awardType", "")).getSingleResult();
    assertThat(((Number) row.getEntry("numerator")).intValue()).isEqualTo(2);
    assertThat(((Number) row.getEntry("denominator")).intValue()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource({
      "0.9, AT_LEAST, 9, 9", "0.9, AT_LEAST, 10, 9", "0.9, AT_LEAST, 11, 10", "0.9, AT_LEAST, 20, 18",
      "0.5, MORE_THAN, 9, 5", "0.5, MORE_THAN, 10, 6", "0.5, MORE_THAN, 11, 6", "0.5, MORE_THAN, 1, 1"})
  void votesRequiredFromShareAndComparison(String share, Comparison comparison, int members, int required) {
    assertThat(CouncilThreshold.votesRequired(new BigDecimal(share), comparison, members)).isEqualTo(required);
  }

  @Test
  void everyRuleCitesTheProvincesRegulationAndTheEarlierRegime() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    NodeList rules;
    try (InputStream in = resource()) {
      rules = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(DMN_NS, "rule");
    }
    assertThat(rules.getLength()).isEqualTo(3);
    for (int i = 0; i < rules.getLength(); i++) {
      Element rule = (Element) rules.item(i);
      String annotation = rule.getElementsByTagNameNS(DMN_NS, "description").item(0).getTextContent();
      assertThat(annotation).as("rule %s", rule.getAttribute("id"))
          .contains("Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng tỉnh Sơn La").contains("cần xác nhận")
          .contains("Nghị định 91/2017/NĐ-CP (chế độ trước đây");
    }
  }

  @Test
  void bothDecisionsHaveAHistoryTimeToLive() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = resource()) {
      NodeList list = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(DMN_NS, "decision");
      assertThat(list.getLength()).isEqualTo(2);
      for (int i = 0; i < list.getLength(); i++) {
        assertThat(((Element) list.item(i)).getAttributeNS("http://camunda.org/schema/1.0/dmn", "historyTimeToLive"))
            .isNotBlank();
      }
    }
  }
}
