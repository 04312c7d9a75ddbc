package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.Api.FilePart;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 15, finding 8: uploads are bounded before anything is buffered. Tomcat streams parts to disk and stops a
 * part larger than {@code tdkt.documents.max-file-size} (1 MB in the test profile), a request with too many parts
 * or too long a part header while reading it; every refusal is a Vietnamese problem detail (413 or 400), never a
 * 500 or an English message, and stores nothing.
 */
@AppTest
class UploadLimitsTest {

  @Autowired TestRestTemplate rest;
  @Autowired DossierRepository dossiers;
  @Autowired DocumentRepository documents;

  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  private static Map<String, Object> valid(String name) {
    return DossierApiScenarios.dossierJson("ANNUAL", name);
  }

  private static List<FilePart> withFiles(List<FilePart> extra) {
    List<FilePart> files = new ArrayList<>(Api.requiredFiles("ANNUAL"));
    files.addAll(extra);
    return files;
  }

  private static byte[] pdfOf(int size) {
    byte[] bytes = new byte[size];
    System.arraycopy("%PDF-".getBytes(), 0, bytes, 0, 5);
    return bytes;
  }

  /** Sends the dossier; checks the status, a Vietnamese problem detail, and that nothing was stored. */
  private JsonNode refused(HttpStatus status, String name, List<FilePart> files) {
    long dossiersBefore = dossiers.count();
    long documentsBefore = documents.count();
    ResponseEntity<JsonNode> response = api.createDossier("officer.sgddt", valid(name), files, true);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode body = response.getBody();
    assertThat(body.get("status").asInt()).isEqualTo(status.value());
    assertThat(body.get("title").asText() + body.get("detail").asText())
        .as("Vietnamese message").matches(".*[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ].*")
        .doesNotContainIgnoringCase("maximum").doesNotContainIgnoringCase("exceeded");
    assertThat(dossiers.count()).isEqualTo(dossiersBefore);
    assertThat(documents.count()).isEqualTo(documentsBefore);
    return body;
  }

  @Test
  void aPartOverTheDocumentLimitIsRefusedWhileStreamingWith413() {
    JsonNode body = refused(HttpStatus.PAYLOAD_TOO_LARGE, "Hoàng Văn Quá Lớn",
        withFiles(List.of(new FilePart("OTHER", "rat-lon.pdf", "application/pdf", pdfOf(3 * 1024 * 1024)))));
    assertThat(body.get("detail").asText()).contains("1 MB");
    assertThat(body.get("errors").findValuesAsText("field")).contains("documents.OTHER");
    assertThat(body.get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("rat-lon.pdf"));
  }

  @Test
  void tooManyPartsAreRefusedWith413NotA500() {
    List<FilePart> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(new FilePart("OTHER", "phu-luc-" + i + ".pdf", "application/pdf", pdfOf(100)));
    }
    JsonNode body = refused(HttpStatus.PAYLOAD_TOO_LARGE, "Lò Văn Nhiều Tệp", withFiles(many));
    assertThat(body.get("detail").asText()).contains("tệp");
  }

  @Test
  void aFileNameOfFiveThousandCharactersIsRefusedWith400() {
    String name = "a".repeat(5000) + ".pdf";
    JsonNode body = refused(HttpStatus.BAD_REQUEST, "Quàng Văn Tên Dài",
        withFiles(List.of(new FilePart("OTHER", name, "application/pdf", pdfOf(100)))));
    assertThat(body.get("detail").asText()).contains("Tên tệp");
  }

  @Test
  void aFileNameLongerThan255CharactersIsRefusedOnItsField() {
    String name = "bien-ban-hop-".repeat(25) + ".pdf"; // 329 characters, a header the server still reads
    JsonNode body = refused(HttpStatus.BAD_REQUEST, "Cầm Văn Tên Dài",
        withFiles(List.of(new FilePart("OTHER", name, "application/pdf", pdfOf(100)))));
    assertThat(body.get("errors").findValuesAsText("field")).contains("documents.OTHER");
    assertThat(body.get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("255"));
  }

  @Test
  void aVietnameseFileNameOf200CharactersIsAccepted() {
    String name = "Biên bản họp Hội đồng thi đua khen thưởng ".repeat(5).substring(0, 196) + ".pdf";
    ResponseEntity<JsonNode> response = api.createDossier("officer.sgddt", valid("Điêu Thị Tên Việt"),
        withFiles(List.of(new FilePart("OTHER", name, "application/pdf", pdfOf(100)))), true);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
  }
}
