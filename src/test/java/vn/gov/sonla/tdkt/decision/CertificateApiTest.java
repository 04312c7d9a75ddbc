package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/** The certificate of a dossier brought to AWARDED through the HTTP APIs, and who may download it. */
@AppTest
class CertificateApiTest {

  @Autowired TestRestTemplate rest;

  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  @Test
  void theCertificateOfAnAwardedDossierIsPrintedForWhoeverMaySeeIt() throws IOException {
    String code = submit("Lò Thị Thanh Hằng");
    String url = "/api/dossiers/" + code + "/certificate";
    api.appraiseValid(code);

    // awaiting the Chairman's decision: no certificate yet
    ResponseEntity<JsonNode> early = api.get("officer.sgddt", url);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(early.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(early.getBody().get("detail").asText())
        .isEqualTo("Hồ sơ " + code + " chưa được khen thưởng nên chưa có bằng khen.");

    api.chairmanApproves(code);
    JsonNode awarded = api.get("officer.sgddt", "/api/dossiers/" + code).getBody();
    assertThat(awarded.get("status").asText()).isEqualTo("AWARDED");
    String number = awarded.get("decision").get("number").asText();

    ResponseEntity<byte[]> pdf = api.as("officer.sgddt").getForEntity(url, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("BK-" + code + ".pdf");
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA\nTẶNG\nBẰNG KHEN\n")
          .contains("Lò Thị Thanh Hằng\nHiệu trưởng, Trường THCS Tô Hiệu\n")
          .contains("Đã có thành tích lãnh đạo nhà trường")
          .contains("Quyết định số " + number)
          // the Chairman who signed the decision, by full name (demo user "chairman", PersonName)
          .contains("CHỦ TỊCH\nLê Văn Hùng");
    }

    // provincial bodies see every dossier; another unit's officer does not see this one
    assertThat(api.as("appraiser").getForEntity(url, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> otherUnit = api.get("officer.syt", url);
    assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(otherUnit.getBody().get("detail").asText()).isEqualTo("Không tìm thấy hồ sơ " + code + ".");
    assertThat(rest.getForEntity(url, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String submit(String name) {
    Map<String, Object> dossier = new LinkedHashMap<>();
    dossier.put("awardType", "BK_TINH");
    dossier.put("awardKind", "SUDDEN");
    dossier.put("year", LocalDate.now().getYear());
    dossier.put("subjectKind", "INDIVIDUAL");
    dossier.put("subjectRole", "DIRECT_WORKER");
    dossier.put("subjectName", name);
    dossier.put("birthDate", "1986-05-19");
    dossier.put("position", "Hiệu trưởng");
    dossier.put("workUnit", "Trường THCS Tô Hiệu");
    dossier.put("achievements", "Lãnh đạo nhà trường tổ chức cứu hộ học sinh an toàn trong lũ quét.");
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", dossier, Api.requiredFiles("SUDDEN"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }


}
