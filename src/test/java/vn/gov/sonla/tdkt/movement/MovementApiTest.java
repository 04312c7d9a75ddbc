package vn.gov.sonla.tdkt.movement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/** Thematic movements: launched by home-affairs; THEMATIC dossiers belong to one and arrive inside its intake window. */
@AppTest
class MovementApiTest {

  @Autowired TestRestTemplate rest;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  private static Map<String, Object> movement(LocalDate intakeStart, LocalDate intakeEnd) {
    LocalDate today = LocalDate.now();
    return Map.of("name", "Phong trào \"Sơn La chung sức xây dựng nông thôn mới\"",
        "launchingDocument", "Kế hoạch số 45/KH-UBND",
        "periodStart", today.minusMonths(6).toString(), "periodEnd", today.plusMonths(6).toString(),
        "criteria", "Đóng góp tiêu biểu cho xây dựng nông thôn mới.",
        "intakeStart", intakeStart.toString(), "intakeEnd", intakeEnd.toString(),
        "awards", List.of(Map.of("awardType", "BK_TINH", "plannedCount", 20)));
  }

  private String launch(LocalDate intakeStart, LocalDate intakeEnd) {
    ResponseEntity<JsonNode> launched = api.postJson("appraiser", "/api/movements", movement(intakeStart, intakeEnd));
    assertThat(launched.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return launched.getBody().get("movement").get("id").asText();
  }

  private static Map<String, Object> thematic(String name, String movementId, String awardType) {
    Map<String, Object> json = new java.util.LinkedHashMap<>(Map.of("awardType", awardType, "awardKind", "THEMATIC",
        "year", LocalDate.now().getYear(), "subjectKind", "INDIVIDUAL", "subjectName", name,
        "birthDate", "1979-04-30", "position", "Trưởng bản", "workUnit", "Bản Hụm, xã Chiềng Đen",
        "achievements", "Vận động nhân dân hiến đất làm đường.", "subjectRole", "DIRECT_WORKER"));
    if (movementId != null) {
      json.put("movementId", movementId);
    }
    return json;
  }

  @Test
  void homeAffairsLaunchesAMovementWithItsAwardsAndIntakeWindow() {
    LocalDate today = LocalDate.now();
    assertThat(api.postJson("officer.sgddt", "/api/movements", movement(today, today.plusDays(30))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bad = api.postJson("appraiser", "/api/movements", Map.of(
        "intakeStart", today.toString(), "intakeEnd", today.minusDays(1).toString(),
        "awards", List.of(Map.of("awardType", "HUY_HIEU", "plannedCount", 0))));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").findValuesAsText("field"))
        .contains("name", "launchingDocument", "criteria", "periodEnd", "intakeEnd", "awards");
    String id = launch(today.minusDays(5), today.plusDays(30));
    JsonNode listed = api.get("officer.sgddt", "/api/movements").getBody();
    assertThat(listed.findValuesAsText("id")).contains(id);
    JsonNode one = api.get("officer.sgddt", "/api/movements/" + id).getBody();
    assertThat(one.get("open").asBoolean()).isTrue();
    assertThat(one.get("movement").get("awards").get(0).get("plannedCount").asInt()).isEqualTo(20);
  }

  @Test
  void thematicDossiersBelongToAnOpenMovementAndOfferedAward() {
    LocalDate today = LocalDate.now();
    String open = launch(today.minusDays(5), today.plusDays(30));
    String closed = launch(today.minusDays(60), today.minusDays(1));

    ResponseEntity<JsonNode> none = api.createDossier("officer.sgddt", thematic("Lò Văn Nông", null, "BK_TINH"),
        Api.requiredFiles("THEMATIC"), false);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(none.getBody().get("errors").findValuesAsText("field")).contains("movementId");

    ResponseEntity<JsonNode> late = api.createDossier("officer.sgddt", thematic("Lò Văn Muộn", closed, "BK_TINH"),
        Api.requiredFiles("THEMATIC"), false);
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(late.getBody().get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("chỉ nhận hồ sơ từ"));

    ResponseEntity<JsonNode> wrongAward = api.createDossier("officer.sgddt", thematic("Lò Văn Sai", open, "TTLDXS"),
        Api.requiredFiles("THEMATIC"), false);
    assertThat(wrongAward.getBody().get("errors").findValuesAsText("field")).contains("awardType");

    Map<String, Object> annual = thematic("Lò Văn Thường", open, "BK_TINH");
    annual.put("awardKind", "ANNUAL");
    assertThat(api.createDossier("officer.sgddt", annual, Api.requiredFiles("ANNUAL"), false)
        .getBody().get("errors").findValuesAsText("field")).contains("movementId");

    ResponseEntity<JsonNode> accepted = api.createDossier("officer.sgddt", thematic("Lò Văn Đúng", open, "BK_TINH"),
        Api.requiredFiles("THEMATIC"), false);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(api.get("appraiser", "/api/movements/" + open).getBody().get("proposed").get("BK_TINH").asInt())
        .isEqualTo(1);

    // a draft may wait, but is submitted only inside the window
    ResponseEntity<JsonNode> draft = api.createDossier("officer.sgddt", thematic("Lò Văn Nháp", closed, "BK_TINH"),
        Api.requiredFiles("THEMATIC"), true);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> submit = api.postJson("officer.sgddt",
        "/api/dossiers/" + draft.getBody().get("code").asText() + "/submission", null);
    assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(submit.getBody().get("errors").findValuesAsText("field")).contains("movementId");
  }
}
