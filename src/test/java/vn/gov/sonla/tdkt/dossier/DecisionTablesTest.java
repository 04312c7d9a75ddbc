package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The two decision tables of the dossier procedure, evaluated with the standalone DMN engine (no
 * Spring, no process engine), exactly as they are deployed from {@code processes/} on the classpath.
 */
class DecisionTablesTest {

  private static final String PROCEDURE_DMN = "processes/dossier-procedure.dmn";
  private static final String DOCUMENTS_DMN = "processes/required-documents.dmn";
  private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  private static DmnEngine engine;
  private static DmnDecision procedure;
  private static DmnDecision requiredDocuments;

  @BeforeAll
  static void parseTables() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    procedure = parse("dossier-procedure", PROCEDURE_DMN);
    requiredDocuments = parse("required-documents", DOCUMENTS_DMN);
  }

  private static DmnDecision parse(String key, String resource) throws Exception {
    try (InputStream in = resource(resource)) {
      return engine.parseDecision(key, in);
    }
  }

  private static InputStream resource(String resource) {
    InputStream in = DecisionTablesTest.class.getClassLoader().getResourceAsStream(resource);
    assertThat(in).as("classpath resource %s", resource).isNotNull();
    return in;
  }

  private static String procedureFor(String awardKind) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(procedure, Map.of("awardKind", awardKind));
    return result.getSingleResult().getSingleEntry();
  }

  private static List<String> documentsFor(String awardKind, String awardType) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(requiredDocuments,
        Map.of("awardKind", awardKind, "awardType", awardType));
    return result.collectEntries("documentType");
  }

  // --- dossier-procedure (hit policy FIRST) ---

  @Test
  void suddenCommendationFollowsTheSimplifiedProcedure() {
    assertThat(procedureFor("SUDDEN")).isEqualTo("SIMPLIFIED");
  }

  @ParameterizedTest(name = "{0} -> NORMAL")
  @ValueSource(strings = {"ANNUAL", "THEMATIC", "CONTRIBUTION", "SENIORITY", "DIPLOMATIC"})
  void everyOtherKindFollowsTheNormalProcedure(String awardKind) {
    assertThat(procedureFor(awardKind)).isEqualTo("NORMAL");
  }

  // --- required-documents (hit policy COLLECT) ---

  @Test
  void annualMeritCertificateNeedsLetterReportAndMinutes() {
    assertThat(documentsFor("ANNUAL", "BK_TINH"))
        .containsExactlyInAnyOrder("PROPOSAL_LETTER", "ACHIEVEMENT_REPORT", "REVIEW_MINUTES");
  }

  @ParameterizedTest(name = "ANNUAL + {0} also needs INITIATIVE_PROOF")
  @ValueSource(strings = {"CSTD_TINH", "CSTD_TQ"})
  void annualEmulationFighterTitleAlsoNeedsInitiativeProof(String awardType) {
    assertThat(documentsFor("ANNUAL", awardType))
        .containsExactlyInAnyOrder("PROPOSAL_LETTER", "ACHIEVEMENT_REPORT", "REVIEW_MINUTES", "INITIATIVE_PROOF");
  }

  @Test
  void suddenMeritCertificateNeedsOnlyLetterAndAchievementSummary() {
    assertThat(documentsFor("SUDDEN", "BK_TINH"))
        .containsExactlyInAnyOrder("PROPOSAL_LETTER", "ACHIEVEMENT_SUMMARY");
  }

  @Test
  void suddenEmulationFighterTitleNeedsNoInitiativeProof() {
    assertThat(documentsFor("SUDDEN", "CSTD_TINH"))
        .doesNotContain("INITIATIVE_PROOF", "ACHIEVEMENT_REPORT", "REVIEW_MINUTES")
        .containsExactlyInAnyOrder("PROPOSAL_LETTER", "ACHIEVEMENT_SUMMARY");
  }

  // --- annotations ---

  @Test
  void everyRuleIsAnnotatedWithTheArticleItImplements() throws Exception {
    assertRulesCiteAnArticle(PROCEDURE_DMN, 2);
    assertRulesCiteAnArticle(DOCUMENTS_DMN, 5);
  }

  private static void assertRulesCiteAnArticle(String resource, int expectedRules) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document xml;
    try (InputStream in = resource(resource)) {
      xml = factory.newDocumentBuilder().parse(in);
    }
    NodeList rules = xml.getElementsByTagNameNS(DMN_NS, "rule");
    assertThat(rules.getLength()).as("rules in %s", resource).isEqualTo(expectedRules);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < rules.getLength(); i++) {
      Element rule = (Element) rules.item(i);
      String description = directDescription(rule);
      if (description == null || description.isBlank() || !description.contains("Điều")) {
        missing.add(rule.getAttribute("id") + ": " + description);
      }
    }
    assertThat(missing).as("rules of %s without a description citing an article (Điều)", resource).isEmpty();
  }

  @ParameterizedTest(name = "{0} is decided by the Chairman")
  @ValueSource(strings = {"CSTD_TINH", "BK_TINH", "CO_TINH", "TTLDXS"})
  void provincialAwardsAreDecidedInTheProvince(String awardType) throws Exception {
    assertThat(authorityFor(awardType)).isEqualTo("PROVINCIAL");
  }

  @ParameterizedTest(name = "{0} is submitted to the State")
  @ValueSource(strings = {"CSTD_TQ", "BK_TTG", "HCLD_3", "CO_CP"})
  void stateAwardsAreSubmitted(String awardType) throws Exception {
    assertThat(authorityFor(awardType)).isEqualTo("STATE");
  }

  @Test
  void approvalAuthorityRowsCiteTheirArticle() throws Exception {
    assertRulesCiteAnArticle("processes/approval-authority.dmn", 2);
  }

  private static String authorityFor(String awardType) throws Exception {
    DmnDecision authority = parse("approval-authority", "processes/approval-authority.dmn");
    return engine.evaluateDecisionTable(authority, Map.of("awardType", awardType)).getSingleResult().getSingleEntry();
  }

  private static String directDescription(Element rule) {
    for (var node = rule.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && DMN_NS.equals(e.getNamespaceURI()) && "description".equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return null;
  }
}
