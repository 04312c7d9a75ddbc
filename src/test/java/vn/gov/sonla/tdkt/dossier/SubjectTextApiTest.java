package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 15, finding 11, through the API: a second dossier for the same subject written with invisible or
 * look-alike characters is the duplicate it is (409); a NUL or a lone surrogate in the name is refused (400) and
 * nothing is stored; the stored name is the cleaned one.
 */
@AppTest
class SubjectTextApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired DossierRepository dossiers;

  private ResponseEntity<JsonNode> submit(String name) {
    return new Api(rest).createDossier("officer.syt", DossierApiScenarios.dossierJson("ANNUAL", name),
        Api.requiredFiles("ANNUAL"), false);
  }

  @Test
  void variantsOfAnOpenDossiersSubjectAreDuplicates() {
    ResponseEntity<JsonNode> first = submit("Đinh\u00A0Thị\u200B Hoa\u00AD");
    assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody().get("subjectName").asText()).isEqualTo("Đinh Thị Hoa");
    for (String variant : new String[] {"Đinh Thị Hoa.", "Đinh\u3000Thị Hoa", "Đinh Thị H\u043Ea",
        "ĐINH THỊ HOA", "Đinh Thị Ho\u0430"}) {
      assertThat(submit(variant).getStatusCode()).as(variant).isEqualTo(HttpStatus.CONFLICT);
    }
  }

  @Test
  void aNulOrALoneSurrogateInTheNameIsRefused() {
    long before = dossiers.count();
    // as JSON escapes: a lone surrogate cannot be encoded in UTF-8, only written as \\uD83D in JSON
    for (String bad : new String[] {"Lò Văn\\u0000 Tâm", "Lò Văn Tâm\\uD83D", "Lò \\u001BVăn Tâm"}) {
      String json = new Api(rest).write(DossierApiScenarios.dossierJson("ANNUAL", "NAME")).replace("NAME", bad);
      ResponseEntity<JsonNode> refused = new Api(rest).createDossier("officer.syt", json, Api.requiredFiles("ANNUAL"),
          false);
      assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("errors").findValuesAsText("field")).contains("subjectName");
      assertThat(refused.getBody().get("errors").findValuesAsText("message"))
          .anyMatch(m -> m.contains("ký tự không hợp lệ"));
    }
    assertThat(dossiers.count()).isEqualTo(before);
    Map<String, Object> ok = DossierApiScenarios.dossierJson("ANNUAL", "Lò Văn Tâm");
    ok.put("achievements", "Dòng một.\nDòng hai.\tCó tab.");
    assertThat(new Api(rest).createDossier("officer.syt", ok, Api.requiredFiles("ANNUAL"), true).getStatusCode())
        .as("line breaks in free text").isEqualTo(HttpStatus.CREATED);
  }
}
