package vn.gov.sonla.tdkt.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import vn.gov.sonla.tdkt.notice.ObjectionRepository;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.TestDossiers;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 17, public side: the notice page is styled for anonymous visitors, its end date is written as people
 * write it, and an objection gets a reference number that the citizen sees and the trail keeps.
 */
@AppTest
class PublicNoticePageTest {

  @Autowired TestRestTemplate rest;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ObjectionRepository objections;

  private Dossier inPublicNotice() {
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(d.code()).singleResult().getId(),
        Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hợp lệ.", "eligibilityOverrideReason",
            "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
    runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey(d.code())
        .setVariable("councilPassed", true).correlate();
    return d;
  }

  @Test
  void theStylesheetOfThePublicPageLoadsWithoutLogin() {
    ResponseEntity<String> css = rest.getForEntity("/dossiers/app.css", String.class);
    assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(css.getHeaders().getContentType().toString()).startsWith("text/css");
    String page = rest.getForEntity("/public/notices.html", String.class).getBody();
    assertThat(page).contains("href=\"/dossiers/app.css\"");
    // the rest of the officers' pages still needs a login
    assertThat(rest.getForEntity("/dossiers/app.js", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theEndOfTheNoticeReadsInVietnameseAndAnObjectionGetsAReferenceKeptInTheTrail() {
    Dossier d = inPublicNotice();
    JsonNode list = rest.getForEntity("/api/public/notices", JsonNode.class).getBody();
    JsonNode notice = null;
    for (JsonNode n : list) {
      if (n.get("code").asText().equals(d.code())) {
        notice = n;
      }
    }
    assertThat(notice).isNotNull();
    assertThat(notice.get("noticeEndsAtText").asText()).matches("\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}");

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> filed = rest.postForEntity("/api/objections", new HttpEntity<>(new Api(rest).write(
        Map.of("dossierCode", d.code(), "name", "Lò Văn Dân", "contact", "0912 345 678",
            "content", "Thành tích kê khai chưa đúng thực tế.")), headers), JsonNode.class);
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String reference = filed.getBody().get("reference").asText();
    assertThat(reference).matches("PA-\\d{4}-\\d{4}");
    assertThat(filed.getBody().get("message").asText()).contains(reference);
    assertThat(objections.findByReference(reference)).get()
        .satisfies(o -> assertThat(o.dossierCode()).isEqualTo(d.code()));

    // the verifying task shows it, and the auditor's trail keeps it
    var task = tasks.createTaskQuery().processInstanceBusinessKey(d.code()).taskDefinitionKey("Task_VerifyObjection")
        .singleResult();
    assertThat(tasks.getVariable(task.getId(), "objectionReference")).isEqualTo(reference);
    JsonNode trail = new Api(rest).get("auditor", "/api/dossiers/" + d.code() + "/history").getBody();
    assertThat(trail.toString()).contains("Nhận phản ánh số " + reference);
  }

  /** Issue 16, item 6: an order's dossier appraised valid, now in its consultation before the council. */
  private Dossier inConsultation() {
    var base = TestDossiers.individual("ANNUAL");
    var order = new vn.gov.sonla.tdkt.dossier.DossierRequest(null, "HCLD_3", "ANNUAL", base.year(), "INDIVIDUAL",
        base.subjectName(), base.birthDate(), base.position(), base.workUnit(), base.achievements())
        .withRole("DIRECT_WORKER");
    Dossier d = dossiers.create(order, TestDossiers.requiredUploads("ANNUAL"), false, TestDossiers.OFFICER_SGDDT);
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(d.code()).singleResult().getId(),
        Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hợp lệ.", "eligibilityOverrideReason",
            "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
    return d;
  }

  @Test
  void anOrdersDossierIsPublishedForOpinionsUnderItsOwnHeadingAndTakesObjections() {
    Dossier d = inConsultation();
    Dossier provincial = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"),
        false, TestDossiers.OFFICER_SGDDT);
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(provincial.code()).singleResult().getId(),
        Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hợp lệ.", "eligibilityOverrideReason",
            "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));

    // the page has the consultation's own heading and loads its list
    String page = rest.getForEntity("/public/notices.html", String.class).getBody();
    assertThat(page).contains("<h1 id=\"consultation-heading\">Lấy ý kiến về hồ sơ đề nghị tặng huân chương, danh hiệu"
        + " vinh dự Nhà nước</h1>");
    assertThat(rest.getForEntity("/public/notices.js", String.class).getBody()).contains("/api/public/consultations");

    // the consultation list, without login: the order's dossier with the end of its consultation; not a notice
    ResponseEntity<JsonNode> list = rest.getForEntity("/api/public/consultations", JsonNode.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody().findValuesAsText("code")).contains(d.code()).doesNotContain(provincial.code());
    JsonNode consultation = null;
    for (JsonNode n : list.getBody()) {
      if (n.get("code").asText().equals(d.code())) {
        consultation = n;
      }
    }
    assertThat(consultation.get("awardTypeName").asText()).isEqualTo("Huân chương Lao động hạng Ba");
    assertThat(consultation.get("noticeEndsAtText").asText()).matches("\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}");
    assertThat(consultation.has("birthDate")).isFalse();
    assertThat(rest.getForEntity("/api/public/notices", JsonNode.class).getBody().findValuesAsText("code"))
        .doesNotContain(d.code());

    // an objection reaches the consultation's verification; a dossier merely awaiting the council takes none
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> refused = rest.postForEntity("/api/objections", new HttpEntity<>(new Api(rest).write(
        Map.of("dossierCode", provincial.code(), "name", "Lò Văn Dân", "contact", "0912 345 678",
            "content", "Thành tích kê khai chưa đúng thực tế.")), headers), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> filed = rest.postForEntity("/api/objections", new HttpEntity<>(new Api(rest).write(
        Map.of("dossierCode", d.code(), "name", "Lò Văn Dân", "contact", "0912 345 678",
            "content", "Số năm hoàn thành xuất sắc nhiệm vụ kê khai chưa đúng.")), headers), JsonNode.class);
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    var verification = tasks.createTaskQuery().processInstanceBusinessKey(d.code())
        .taskDefinitionKey("Task_VerifyConsultationObjection").singleResult();
    assertThat(verification).isNotNull();
    assertThat(tasks.getVariable(verification.getId(), "objectionReference"))
        .isEqualTo(filed.getBody().get("reference").asText());
  }
}
