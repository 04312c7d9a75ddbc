package vn.gov.sonla.tdkt.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 17, names as people write them and the unit officer's fixes: full names in Vietnamese order (also in
 * Camunda's own user record, which Tasklist and Cockpit print as "firstName lastName"), unit names instead of
 * codes, the awarded dossier's certificate and reward, explicit birth-date messages.
 */
@AppTest
class NamesOnPagesTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  static Map<String, Object> dossier(String kind, String name) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("awardType", "BK_TINH");
    d.put("awardKind", kind);
    d.put("year", LocalDate.now().getYear());
    d.put("subjectKind", "INDIVIDUAL");
    d.put("subjectRole", "DIRECT_WORKER");
    d.put("subjectName", name);
    d.put("birthDate", "1984-09-02");
    d.put("position", "Giáo viên");
    d.put("workUnit", "Trường THPT Chiềng Sinh");
    d.put("achievements", "Cứu hộ học sinh trong lũ quét.");
    return d;
  }

  @Test
  void everyoneIsShownByFullNameInVietnameseOrderAlsoInCamundasOwnRecord() {
    Api api = new Api(rest);
    Map<String, String> expected = Map.of("appraiser", "Nguyễn Thị Lan", "officer.sgddt", "Vũ Thị Hạnh",
        "auditor", "Phạm Thu Hà", "chairman", "Lê Văn Hùng");
    expected.forEach((user, name) ->
        assertThat(api.get(user, "/api/session").getBody().get("displayName").asText()).isEqualTo(name));
    // Camunda prints "firstName lastName": family and middle names first, the given name last
    User lan = identity.createUserQuery().userId("appraiser").singleResult();
    assertThat(lan.getFirstName() + " " + lan.getLastName()).isEqualTo("Nguyễn Thị Lan");
  }

  @Test
  void anAwardedDossierShowsNamesNotIdsItsCertificateAndItsReward() {
    Api api = new Api(rest);
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", dossier("SUDDEN", "Hoàng Văn Tên Riêng"),
        Api.requiredFiles("SUDDEN"), false);
    assertThat(created.getStatusCode()).as(created.toString()).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();

    JsonNode listed = null;
    for (JsonNode item : api.get("officer.sgddt", "/api/dossiers?size=200").getBody().get("items")) {
      if (item.get("code").asText().equals(code)) {
        listed = item;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("unitName").asText()).isEqualTo("Sở Giáo dục và Đào tạo");
    assertThat(listed.get("awardTypeName").asText()).isEqualTo("Bằng khen của Chủ tịch UBND tỉnh");

    api.appraiseValid(code);
    api.chairmanApproves(code);
    JsonNode d = api.get("officer.sgddt", "/api/dossiers/" + code).getBody();
    assertThat(d.get("status").asText()).isEqualTo("AWARDED");
    assertThat(d.get("createdByName").asText()).isEqualTo("Vũ Thị Hạnh");
    assertThat(d.get("unitName").asText()).isEqualTo("Sở Giáo dục và Đào tạo");
    assertThat(d.get("documents").get(0).get("uploadedByName").asText()).isEqualTo("Vũ Thị Hạnh");
    JsonNode decision = d.get("decision");
    assertThat(decision.get("signedByName").asText()).isEqualTo("Lê Văn Hùng");
    assertThat(decision.get("rewardAmount").asLong()).isPositive();
    // the amount of the decision's Article 2 is the catalogue view's, rounded per the same rule on the signing day
    String signedOn = decision.get("signedAt").asText().substring(0, 10);
    JsonNode catalogue = api.get("officer.sgddt", "/api/award-types/" + d.get("awardType").asText() + "?on=" + signedOn)
        .getBody();
    assertThat(decision.get("rewardAmount").asLong()).isEqualTo(catalogue.get("reward").get("bySubjectKind")
        .get(d.get("subjectKind").asText()).get("amount").asLong());
    assertThat(decision.get("rewardBasis").asText()).isNotBlank();
    String certificate = decision.get("certificateUrl").asText();
    assertThat(certificate).isEqualTo("/api/dossiers/" + code + "/certificate");
    ResponseEntity<byte[]> pdf = api.as("officer.sgddt").getForEntity(certificate, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
  }

  @Test
  void aFutureBirthDateIsRefusedWithAMessageThatSaysSoAndNothingIsSaved() {
    Api api = new Api(rest);
    long before = jdbc.sql("SELECT COUNT(*) FROM dossier").query(Long.class).single();
    Map<String, Object> d = dossier("ANNUAL", "Nguyễn Văn Sinh Sau");
    d.put("birthDate", LocalDate.now().plusDays(1).toString());
    ResponseEntity<JsonNode> refused = api.createDossier("officer.sgddt", d, Api.requiredFiles("ANNUAL"), true);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody().get("errors").toString()).contains("Ngày sinh không được sau ngày hôm nay.");

    d.put("birthDate", LocalDate.now().minusYears(10).toString());
    assertThat(api.createDossier("officer.sgddt", d, Api.requiredFiles("ANNUAL"), true).getBody().get("errors")
        .toString()).contains("chưa đủ 15 tuổi");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM dossier").query(Long.class).single()).isEqualTo(before);
  }
}
