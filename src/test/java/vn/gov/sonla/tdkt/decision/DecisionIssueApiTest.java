package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;
import vn.gov.sonla.tdkt.signing.PdfSigning;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * A decision issued through the HTTP APIs: in the state format, signed (PAdES) with the demo certificate, its
 * signature shown on the dossier and failing once the stored PDF changes; the signatures of uploaded PDFs verified
 * at intake; and the numbering by the clerk, a number unique per year and register.
 */
@AppTest
class DecisionIssueApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired PdfSigning signing;
  @Autowired DecisionNumbering numbering;
  @Autowired DecisionRepository decisions;
  @Autowired vn.gov.sonla.tdkt.award.RewardMoney rewardMoney;

  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  @Test
  void theIssuedDecisionIsSignedAndItsSignatureIsShownUntilTheStoredPdfChanges() throws IOException {
    String code = submit("Quàng Thị Mai", Api.requiredFiles("SUDDEN"));
    api.appraiseValid(code);
    api.chairmanApproves(code);

    JsonNode decision = api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("decision");
    assertThat(decision.get("number").asText()).matches("\\d+/QĐ-UBND");
    assertThat(decision.get("signatureValid").asBoolean()).isTrue();
    assertThat(decision.get("signatureStatus").asText()).isEqualTo("VALID");
    assertThat(decision.get("signatureLabel").asText()).isEqualTo("Chữ ký số hợp lệ");
    assertThat(decision.get("signatureSigner").asText()).contains("Ủy ban nhân dân tỉnh Sơn La");

    byte[] pdf = api.as("officer.sgddt").getForEntity("/api/dossiers/" + code + "/decision", byte[].class).getBody();
    DecisionDocumentTest.screenshot(pdf, "decision-issued");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getSignatureDictionaries()).hasSize(1);
      String text = DecisionDocumentTest.flatten(new PDFTextStripper().getText(document));
      assertThat(text).contains("Số: " + decision.get("number").asText())
          .contains("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025")
          .contains("Quàng Thị Mai")
          // BK_TINH for an individual: the catalogue's coefficient × the base salary in force on the signing date
          .contains(expectedReward("BK_TINH", "INDIVIDUAL"))
          // the Chairman's full name, family name first
          .contains("CHỦ TỊCH Lê Văn Hùng");
    }

    // a byte of the stored decision changed after signing: the page shows the signature as invalid
    byte[] changed = pdf.clone();
    changed[changed.length / 3] ^= 0x20;
    jdbc.sql("UPDATE decision SET pdf = :pdf WHERE dossier_code = :code").param("pdf", changed).param("code", code)
        .update();
    JsonNode tampered = api.get("appraiser", "/api/dossiers/" + code).getBody().get("decision");
    assertThat(tampered.get("signatureValid").asBoolean()).isFalse();
    assertThat(tampered.get("signatureStatus").asText()).isEqualTo("INVALID");
  }

  @Test
  void signaturesOfUploadedPdfsAreVerifiedAtIntakeAndShownPerDocument() {
    byte[] signed = signing.sign(onePagePdf(), "Trình khen thưởng", "Sơn La", Calendar.getInstance());
    byte[] broken = signed.clone();
    broken[12] ^= 0x01; // in the first signed byte range (the binary comment after the header)
    List<Api.FilePart> files = new ArrayList<>();
    files.add(new Api.FilePart("PROPOSAL_LETTER", "to-trinh-ky-so.pdf", "application/pdf", signed));
    files.add(new Api.FilePart("ACHIEVEMENT_SUMMARY", "tom-tat-bi-sua.pdf", "application/pdf", broken));
    files.add(Api.pdf("OTHER", "anh-minh-chung.pdf"));
    String code = submit("Cầm Văn Hùng", files);

    JsonNode documents = api.get("appraiser", "/api/dossiers/" + code).getBody().get("documents");
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    documents.forEach(d -> byName.put(d.get("fileName").asText(), d));
    assertThat(byName.get("to-trinh-ky-so.pdf").get("signature").asText()).isEqualTo("VALID");
    assertThat(byName.get("to-trinh-ky-so.pdf").get("signatureLabel").asText()).isEqualTo("Chữ ký số hợp lệ");
    assertThat(byName.get("tom-tat-bi-sua.pdf").get("signature").asText()).isEqualTo("INVALID");
    assertThat(byName.get("tom-tat-bi-sua.pdf").get("signatureProblem").asText()).isNotBlank();
    assertThat(byName.get("anh-minh-chung.pdf").get("signature").asText()).isEqualTo("UNSIGNED");
    assertThat(byName.get("anh-minh-chung.pdf").get("signatureLabel").asText()).isEqualTo("Không có chữ ký số");
  }

  @Test
  void withClerkNumberingTheClerksNumberIsUsedAndADuplicateIsRefusedChangingNothing() {
    numbering.use(DecisionProperties.Numbering.CLERK);
    try {
      int seq = 5000 + ThreadLocalRandom.current().nextInt(4000);
      String first = submit("Tòng Thị Xuân", Api.requiredFiles("SUDDEN"));
      String second = submit("Lường Văn Pấng", Api.requiredFiles("SUDDEN"));
      for (String code : List.of(first, second)) {
        api.appraiseValid(code);
        api.chairmanApproves(code);
        JsonNode dossier = api.get("appraiser", "/api/dossiers/" + code).getBody();
        assertThat(dossier.get("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(dossier.get("decision").isNull()).isTrue();
      }
      // the Chairman's Tasklist no longer holds it; the clerk's does
      assertThat(api.task("chairman", first)).isNull();
      JsonNode task = api.task("clerk", first);
      assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_NumberDecision");

      api.claimAndComplete("clerk", first, "Task_NumberDecision",
          Api.variables("decisionSeq", seq, "decisionRegister", "QĐ-UBND"));
      JsonNode awarded = api.get("officer.sgddt", "/api/dossiers/" + first).getBody();
      assertThat(awarded.get("status").asText()).isEqualTo("AWARDED");
      assertThat(awarded.get("decision").get("number").asText()).isEqualTo(seq + "/QĐ-UBND");
      assertThat(awarded.get("decision").get("signatureValid").asBoolean()).isTrue();
      Decision stored = decisions.forDossier(first).orElseThrow();
      assertThat(stored.numberedBy()).isEqualTo("clerk");
      assertThat(stored.register()).isEqualTo("QĐ-UBND");

      // the same number again in the same year and register: refused in Vietnamese, nothing changes
      JsonNode secondTask = api.task("clerk", second);
      String id = secondTask.get("id").asText();
      assertThat(api.postJson("clerk", "/engine-rest/task/" + id + "/claim", Map.of("userId", "clerk"))
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      ResponseEntity<JsonNode> refused = api.postJson("clerk", "/engine-rest/task/" + id + "/complete",
          Api.variables("decisionSeq", seq, "decisionRegister", "qđ-ubnd"));
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().toString()).contains("Số " + seq + "/QĐ-UBND đã được cấp cho một quyết định khác"
          + " trong năm " + LocalDate.now().getYear());
      JsonNode unchanged = api.get("appraiser", "/api/dossiers/" + second).getBody();
      assertThat(unchanged.get("status").asText()).isEqualTo("AWAITING_DECISION");
      assertThat(unchanged.get("decision").isNull()).isTrue();
      assertThat(api.task("clerk", second).get("id").asText()).isEqualTo(id);

      // a number that is not a whole positive number, and a malformed register, are refused too
      ResponseEntity<JsonNode> zero = api.postJson("clerk", "/engine-rest/task/" + id + "/complete",
          Api.variables("decisionSeq", 0, "decisionRegister", "QĐ-UBND"));
      assertThat(zero.getBody().toString()).contains("Số quyết định phải từ 1 đến");
      ResponseEntity<JsonNode> register = api.postJson("clerk", "/engine-rest/task/" + id + "/complete",
          Api.variables("decisionSeq", seq + 1, "decisionRegister", "QĐ/UBND <b>"));
      assertThat(register.getBody().toString()).contains("Ký hiệu sổ văn bản không hợp lệ");

      // another register's number 'seq' is a different number
      assertThat(api.postJson("clerk", "/engine-rest/task/" + id + "/complete",
          Api.variables("decisionSeq", seq, "decisionRegister", "QĐ-CT")).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      api.settle(second); // the decision is issued by a job after the clerk's click
      assertThat(api.get("appraiser", "/api/dossiers/" + second).getBody().get("decision").get("number").asText())
          .isEqualTo(seq + "/QĐ-CT");

      // the database holds the rule too (decision_number_unique), whatever the caller
      assertThatThrownBy(() -> decisions.insert(new Decision(UUID.randomUUID().toString(), stored.decisionYear(),
          seq, "QĐ-UBND", seq + "/QĐ-UBND", second, "chairman", OffsetDateTime.now(), stored.pdfSha256(), "clerk"),
          new byte[] {1})).isInstanceOf(DuplicateKeyException.class);
    } finally {
      numbering.use(DecisionProperties.Numbering.INTERNAL);
    }
  }

  /**
   * "1,5 × 2.530.000 đồng = 3.795.000 đồng, làm tròn thành 3.800.000 đồng": from the catalogue, the base salary and the
   * rounding rule in force today, the same amount as the catalogue view (RewardMoney).
   */
  private String expectedReward(String award, String subjectKind) {
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    var money = rewardMoney.amount(award, subjectKind, today).orElseThrow();
    return DecisionDocument.rewardLine(new DecisionContent.Reward(money.coefficient(), money.baseSalary(),
        money.baseSalaryBasis(), money.amount()));
  }

  private static byte[] onePagePdf() {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String submit(String name, List<Api.FilePart> files) {
    Map<String, Object> dossier = new LinkedHashMap<>();
    dossier.put("awardType", "BK_TINH");
    dossier.put("awardKind", "SUDDEN");
    dossier.put("year", LocalDate.now().getYear());
    dossier.put("subjectKind", "INDIVIDUAL");
    dossier.put("subjectRole", "DIRECT_WORKER");
    dossier.put("subjectName", name);
    dossier.put("birthDate", "1984-03-12");
    dossier.put("position", "Giáo viên");
    dossier.put("workUnit", "Trường THCS Chiềng Cơi");
    dossier.put("achievements", "Dũng cảm cứu học sinh bị nước cuốn trong lũ quét.");
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", dossier, files, false);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }
}
