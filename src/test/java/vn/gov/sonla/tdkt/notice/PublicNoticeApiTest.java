package vn.gov.sonla.tdkt.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.TestDossiers;
import vn.gov.sonla.tdkt.support.IsolatedAppTest;

/**
 * The public side (no login): the notice list and objections, with validation and the rate limit;
 * and the officers' and home-affairs' endpoints after the council (withdrawal, State submission,
 * central decision), with who may call them.
 */
@IsolatedAppTest
class PublicNoticeApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ObjectionRepository objections;

  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  private Dossier inPublicNotice() {
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(d.code()).singleResult().getId(),
        Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hợp lệ.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
    runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey(d.code())
        .setVariable("councilPassed", true).correlate();
    return d;
  }

  private ResponseEntity<JsonNode> object(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.postForEntity("/api/objections", new HttpEntity<>(api.write(body), headers), JsonNode.class);
  }

  @Test
  void thePublicSeesTheNoticeAndObjectsWithoutLoggingInWithinTheRateLimit() {
    Dossier d = inPublicNotice();
    ResponseEntity<JsonNode> list = rest.getForEntity("/api/public/notices", JsonNode.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody().findValuesAsText("code")).contains(d.code());
    assertThat(list.getBody().get(0).has("birthDate")).isFalse();
    assertThat(list.getBody().get(0).has("position")).isFalse();
    assertThat(rest.getForEntity("/public/notices.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    // bad input: each field named, nothing filed
    ResponseEntity<JsonNode> bad = object(Map.of("dossierCode", d.code()));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").findValuesAsText("field")).contains("name", "contact", "content");
    // a dossier not under notice is not found (its existence is not disclosed)
    Dossier inAppraisal = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"),
        false, TestDossiers.OFFICER_SGDDT);
    assertThat(object(Map.of("dossierCode", inAppraisal.code(), "name", "A", "contact", "a@b.vn", "content", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(objections.forDossier(inAppraisal.code())).isEmpty();

    ResponseEntity<JsonNode> filed = object(Map.of("dossierCode", d.code(), "name", "Lò Văn Dân",
        "contact", "0912 345 678", "content", "Thành tích kê khai chưa đúng thực tế."));
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(objections.forDossier(d.code())).singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo("PENDING"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(d.code()).taskDefinitionKey("Task_VerifyObjection")
        .count()).isEqualTo(1);

    // the rate limit (3 an hour here) counts every attempt from the address, accepted or not
    ResponseEntity<JsonNode> limited = object(Map.of("dossierCode", d.code(), "name", "Lò Văn Dân",
        "contact", "0912 345 678", "content", "Lần nữa."));
    assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limited.getHeaders().getFirst("Retry-After")).isEqualTo("3600");
    assertThat(objections.forDossier(d.code())).hasSize(1);
  }

  @Test
  void onlyTheProposingUnitWithdrawsAndOnlyHomeAffairsSubmitsAndEntersCentralDecisions() {
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    assertThat(api.postJson("officer.syt", "/api/dossiers/" + d.code() + "/withdrawal", Map.of("reason", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> noReason = api.postJson("officer.sgddt", "/api/dossiers/" + d.code() + "/withdrawal",
        Map.of("reason", " "));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("errors").findValuesAsText("field")).containsExactly("reason");
    ResponseEntity<JsonNode> withdrawn = api.postJson("officer.sgddt", "/api/dossiers/" + d.code() + "/withdrawal",
        Map.of("reason", "Đề nghị lại ở đợt sau."));
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(api.postJson("officer.sgddt", "/api/dossiers/" + d.code() + "/withdrawal",
        Map.of("reason", "Lần nữa.")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    int year = LocalDate.now().getYear();
    assertThat(api.postJson("officer.sgddt", "/api/state-submissions", Map.of("year", year, "round", 7))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.postJson("appraiser", "/api/state-submissions", Map.of("year", 1999, "round", 0))
        .getBody().get("errors").findValuesAsText("field")).contains("year", "round");
    ResponseEntity<JsonNode> opened = api.postJson("appraiser", "/api/state-submissions",
        Map.of("year", year, "round", 7));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(opened.getBody().get("submission").get("key").asText()).isEqualTo(year + "-R7");
    assertThat(api.postJson("appraiser", "/api/state-submissions", Map.of("year", year, "round", 7))
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    Map<String, Object> decision = Map.of("decidedBy", "Thủ tướng Chính phủ", "decisionNumber", "1/QĐ-TTg",
        "decisionDate", "2025-12-01", "awarded", true);
    assertThat(api.postJson("officer.sgddt", "/api/dossiers/" + d.code() + "/central-decision", decision)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.postJson("appraiser", "/api/dossiers/" + d.code() + "/central-decision", Map.of())
        .getBody().get("errors").findValuesAsText("field"))
        .contains("decidedBy", "decisionNumber", "decisionDate", "awarded");
    assertThat(api.postJson("appraiser", "/api/dossiers/" + d.code() + "/central-decision", decision)
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }
}
