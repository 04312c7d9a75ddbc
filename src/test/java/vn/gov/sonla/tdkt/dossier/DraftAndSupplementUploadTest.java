package vn.gov.sonla.tdkt.dossier;

import vn.gov.sonla.tdkt.support.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;

/**
 * Issue 17: a draft is saved before its award, kind and subject kind are chosen (only submission needs them, and
 * its refusal names them); a future birth date says what is wrong; the unit adds supplementary files from its
 * Tasklist task's upload page while the task stays open (only its own dossier, only while the task is open), and the
 * appraiser's next form carries the unit's note and this round's files.
 */
// one process engine per JVM at a time: the engine REST API and the webapps find it in a static registry
@AppTest
class DraftAndSupplementUploadTest {

  @Autowired TestRestTemplate rest;
  @Autowired DocumentRepository documents;
  @Autowired DossierRepository dossiers;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  Api api;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  // --- drafts -------------------------------------------------------------------------------------

  @Test
  void aDraftIsSavedWithoutAwardKindAndSubjectKindAndItsSubmissionNamesThem() {
    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put("year", LocalDate.now().getYear());
    partial.put("subjectName", "Lò Thị Xuân");
    ResponseEntity<JsonNode> draft = api.createDossier("officer.sgddt", partial, List.of(), true);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = draft.getBody().get("code").asText();
    assertThat(draft.getBody().get("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.getBody().get("awardType").isNull()).isTrue();
    assertThat(draft.getBody().get("awardKind").isNull()).isTrue();
    assertThat(draft.getBody().get("subjectKind").isNull()).isTrue();

    // the draft reads back, is listed, and the reports still answer
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode list = api.get("officer.sgddt", "/api/dossiers?q=" + code).getBody();
    assertThat(list.get("items").findValuesAsText("code")).contains(code);
    assertThat(api.get("appraiser", "/api/reports").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // it can be saved again still incomplete
    partial.put("achievements", "Giáo viên dạy giỏi cấp tỉnh ba năm liền.");
    ResponseEntity<JsonNode> again = api.as("officer.sgddt").exchange("/api/dossiers/" + code,
        org.springframework.http.HttpMethod.PUT, api.multipartEntity(partial, List.of()), JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);

    // submission names what is still missing, in Vietnamese, and starts nothing
    ResponseEntity<JsonNode> early = api.postJson("officer.sgddt", "/api/dossiers/" + code + "/submission", null);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(early.getBody().get("errors").findValuesAsText("field"))
        .contains("awardType", "awardKind", "subjectKind");
    assertThat(early.getBody().get("detail").asText())
        .startsWith("Chưa nộp được hồ sơ: còn thiếu ")
        .contains("hình thức khen thưởng", "loại hình khen thưởng", "đối tượng là cá nhân hay tập thể");
    assertThat(dossiers.find(code).orElseThrow().status()).isEqualTo(DossierStatus.DRAFT);
  }

  @Test
  void aDraftStillNeedsItsYearAndSubjectName() {
    ResponseEntity<JsonNode> refused = api.createDossier("officer.sgddt", Map.of("awardType", "BK_TINH"), List.of(),
        true);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("year", "subjectName");
  }

  @Test
  void aFutureBirthDateSaysWhatIsWrong() {
    Map<String, Object> d = DossierApiScenarios.dossierJson("ANNUAL", "Cầm Văn Thanh");
    d.put("birthDate", LocalDate.now().plusDays(3).toString());
    for (boolean draft : new boolean[] {true, false}) {
      ResponseEntity<JsonNode> refused = api.createDossier("officer.sgddt", d, Api.requiredFiles("ANNUAL"), draft);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("errors")).anySatisfy(e -> {
        assertThat(e.get("field").asText()).isEqualTo("birthDate");
        assertThat(e.get("message").asText()).isEqualTo("Ngày sinh không được sau ngày hôm nay.");
      });
    }
  }

  // --- supplementary files from the Tasklist task -----------------------------------------------

  @Test
  void theUnitAddsFilesFromItsTaskAndTheAppraiserSeesItsNoteAndFiles() throws Exception {
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt",
        DossierApiScenarios.dossierJson("ANNUAL", "Điêu Chính Tươi"), Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();
    String url = "/api/dossiers/" + code + "/supplement-documents";

    // before Home Affairs asks for a supplement, nothing can be added
    assertThat(upload("officer.sgddt", url, "som-qua.pdf").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    api.claimAndComplete("appraiser", code, "Task_Appraise", Api.variables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu minh chứng.", "missingItems", "Bản sao Bằng khen năm 2024."));
    JsonNode unitTask = api.task("officer.sgddt", code);
    assertThat(unitTask.get("taskDefinitionKey").asText()).isEqualTo("Task_Supplement");
    String taskId = unitTask.get("id").asText();

    // the task's form links to the upload page of this dossier
    JsonNode formVariables = api.get("officer.sgddt", "/engine-rest/task/" + taskId + "/form-variables").getBody();
    assertThat(formVariables.get("supplementUrl").get("value").asText())
        .isEqualTo("/dossiers/supplement.html?code=" + code);

    // an officer of another unit neither sees nor adds (not found, nothing stored)
    long before = documents.list(code).size();
    assertThat(api.get("officer.syt", url).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> foreign = upload("officer.syt", url, "la.pdf");
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(documents.list(code)).hasSize((int) before);

    // the unit's page: the request, its way back to the task, and the upload
    JsonNode round = api.get("officer.sgddt", url).getBody();
    assertThat(round.get("taskId").asText()).isEqualTo(taskId);
    assertThat(round.get("tasklistUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);
    assertThat(round.get("missingItems").asText()).isEqualTo("Bản sao Bằng khen năm 2024.");
    assertThat(round.get("added")).isEmpty();
    ResponseEntity<JsonNode> added = upload("officer.sgddt", url, "bang-khen-2024.pdf");
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(added.getBody().get("added").findValuesAsText("fileName")).containsExactly("bang-khen-2024.pdf");
    assertThat(added.getBody().get("added").get(0).get("type").asText()).isEqualTo("SUPPLEMENT");
    assertThat(added.getBody().get("added").get(0).get("uploadedByName").asText()).isNotEqualTo("officer.sgddt");
    // the task is still open: the unit completes it in Tasklist with its note
    assertThat(api.task("officer.sgddt", code).get("id").asText()).isEqualTo(taskId);
    api.claimAndComplete("officer.sgddt", code, "Task_Supplement",
        Api.variables("supplementNote", "Đã bổ sung bản sao Bằng khen năm 2024."));

    // the appraiser's next form: the unit's note, this round's file and the whole list
    JsonNode next = api.task("appraiser", code);
    assertThat(next.get("taskDefinitionKey").asText()).isEqualTo("Task_Appraise");
    JsonNode variables = api.get("appraiser", "/engine-rest/task/" + next.get("id").asText() + "/form-variables")
        .getBody();
    assertThat(variables.get("supplementNote").get("value").asText()).isEqualTo("Đã bổ sung bản sao Bằng khen năm 2024.");
    JsonNode roundFiles = jsonValue(next, "supplementDocuments");
    assertThat(roundFiles.findValuesAsText("name")).containsExactly("bang-khen-2024.pdf");
    assertThat(roundFiles.get(0).get("typeLabel").asText()).isEqualTo("Tài liệu bổ sung");
    JsonNode all = jsonValue(next, "documents");
    assertThat(all.findValuesAsText("name")).contains("to-trinh.pdf", "bang-khen-2024.pdf");

    // once the task is completed, nothing more is added (conflict, nothing stored)
    long after = documents.list(code).size();
    ResponseEntity<JsonNode> late = upload("officer.sgddt", url, "muon.pdf");
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("detail").asText()).contains("không có yêu cầu bổ sung đang mở");
    assertThat(api.get("officer.sgddt", url).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(documents.list(code)).hasSize((int) after);
  }

  @Test
  void anUploadWithoutFilesIsRefusedOnItsField() {
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt",
        DossierApiScenarios.dossierJson("ANNUAL", "Hà Văn Khiêm"), Api.requiredFiles("ANNUAL"), false);
    String code = created.getBody().get("code").asText();
    api.claimAndComplete("appraiser", code, "Task_Appraise", Api.variables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu minh chứng.", "missingItems", "Biên bản họp."));
    var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    body.add("note", "không có tệp");
    ResponseEntity<JsonNode> empty = api.as("officer.sgddt").postForEntity(
        "/api/dossiers/" + code + "/supplement-documents", new HttpEntity<>(body, multipartHeaders()), JsonNode.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("errors").findValuesAsText("field")).containsExactly("files");
  }

  /** A Json variable of the task, as the form reads it (through the engine: its REST API does not serialise Spin). */
  private JsonNode jsonValue(JsonNode task, String name) throws Exception {
    Object value = tasks.getVariable(task.get("id").asText(), name);
    assertThat(value).as(name).isNotNull();
    return json.readTree(value.toString());
  }

  private ResponseEntity<JsonNode> upload(String user, String url, String fileName) {
    var body = api.multipart(null, List.of(Api.pdf("files", fileName)));
    return api.as(user).postForEntity(url, new HttpEntity<>(body, multipartHeaders()), JsonNode.class);
  }

  private static HttpHeaders multipartHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return headers;
  }
}
