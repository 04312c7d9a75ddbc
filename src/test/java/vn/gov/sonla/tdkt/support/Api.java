package vn.gov.sonla.tdkt.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** HTTP calls of the tests, as the demo users (password {@code demo}). */
public class Api {

  public record FilePart(String partName, String fileName, String contentType, byte[] bytes) {}

  private final TestRestTemplate rest;
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  /** True for a client of an application in another JVM (its job executor runs the asynchronous steps). */
  private final boolean remote;

  public Api(TestRestTemplate rest) {
    this(rest, false);
  }

  private Api(TestRestTemplate rest, boolean remote) {
    this.rest = rest;
    this.remote = remote;
  }

  /**
   * A client of an application started in another JVM ({@link AppNode}): {@link #settle} waits for that application's
   * job executor, even when this JVM still holds an engine from an earlier test (camunda-bpm-assert's registry keeps
   * the last one it was given).
   */
  public static Api remote(TestRestTemplate rest) {
    return new Api(rest, true);
  }

  public TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }

  public static FilePart pdf(String partName, String fileName) {
    return new FilePart(partName, fileName, "application/pdf", TestDossiers.pdf(fileName));
  }

  public static List<FilePart> requiredFiles(String awardKind) {
    List<FilePart> files = new ArrayList<>();
    files.add(pdf("PROPOSAL_LETTER", "to-trinh.pdf"));
    if ("SUDDEN".equals(awardKind)) {
      files.add(pdf("ACHIEVEMENT_SUMMARY", "tom-tat-thanh-tich.pdf"));
    } else {
      files.add(pdf("ACHIEVEMENT_REPORT", "bao-cao-thanh-tich.pdf"));
      files.add(pdf("REVIEW_MINUTES", "bien-ban.pdf"));
    }
    return files;
  }

  public MultiValueMap<String, Object> multipart(Object dossierJson, List<FilePart> files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    if (dossierJson != null) {
      HttpHeaders jsonHeaders = new HttpHeaders();
      jsonHeaders.setContentType(MediaType.APPLICATION_JSON);
      body.add("dossier", new HttpEntity<>(dossierJson instanceof String s ? s : write(dossierJson), jsonHeaders));
    }
    for (FilePart file : files) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.parseMediaType(file.contentType()));
      body.add(file.partName(), new HttpEntity<>(new ByteArrayResource(file.bytes()) {
        @Override
        public String getFilename() {
          return file.fileName();
        }
      }, headers));
    }
    return body;
  }

  public ResponseEntity<JsonNode> createDossier(String user, Object dossierJson, List<FilePart> files, boolean draft) {
    return as(user).postForEntity("/api/dossiers" + (draft ? "?draft=true" : ""), multipartEntity(dossierJson, files),
        JsonNode.class);
  }

  /** POST /api/dossiers with the header {@code Idempotency-Key}. */
  public ResponseEntity<JsonNode> createDossier(String user, Object dossierJson, List<FilePart> files, boolean draft,
      String idempotencyKey) {
    HttpEntity<MultiValueMap<String, Object>> entity = multipartEntity(dossierJson, files);
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(entity.getHeaders());
    headers.set("Idempotency-Key", idempotencyKey);
    return as(user).postForEntity("/api/dossiers" + (draft ? "?draft=true" : ""),
        new HttpEntity<>(entity.getBody(), headers), JsonNode.class);
  }

  public HttpEntity<MultiValueMap<String, Object>> multipartEntity(Object dossierJson, List<FilePart> files) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(multipart(dossierJson, files), headers);
  }

  public ResponseEntity<JsonNode> get(String user, String url) {
    return as(user).getForEntity(url, JsonNode.class);
  }

  public ResponseEntity<JsonNode> postJson(String user, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange(url, HttpMethod.POST, new HttpEntity<>(body == null ? "{}" : write(body), headers),
        JsonNode.class);
  }

  /** Engine REST variables: {"name": {"value": v}}. */
  public static Map<String, Object> variables(Object... nameValues) {
    Map<String, Object> vars = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      vars.put((String) nameValues[i], Map.of("value", nameValues[i + 1]));
    }
    return Map.of("variables", vars);
  }

  /** The single open task of a dossier as seen by a user through the engine REST API (null if none visible). */
  public JsonNode task(String user, String dossierCode) {
    JsonNode list = get(user, "/engine-rest/task?processInstanceBusinessKey=" + dossierCode).getBody();
    return list == null || list.isEmpty() ? null : list.get(0);
  }

  /**
   * The user finds the dossier's open task through the engine REST API (of the expected definition key),
   * claims it and completes it with the variables; both calls must succeed.
   */
  public void claimAndComplete(String user, String code, String taskKey, Map<String, Object> variables) {
    JsonNode task = task(user, code);
    org.assertj.core.api.Assertions.assertThat(task).as("%s sees a task of %s", user, code).isNotNull();
    org.assertj.core.api.Assertions.assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(taskKey);
    String id = task.get("id").asText();
    org.assertj.core.api.Assertions.assertThat(postJson(user, "/engine-rest/task/" + id + "/claim",
        Map.of("userId", user)).getStatusCode().value()).isEqualTo(204);
    org.assertj.core.api.Assertions.assertThat(postJson(user, "/engine-rest/task/" + id + "/complete", variables)
        .getStatusCode().value()).isEqualTo(204);
    // what the step continues asynchronously (the decision after the Chairman's click) runs as the job executor would
    settle(code);
  }

  /**
   * Lets the asynchronous continuations of the process instances with this business key run: in this JVM's engine
   * (job executor off in tests) by running them ({@link Jobs#settle}); against an application in another JVM, whose
   * job executor runs them, by waiting (up to three minutes) until none is due any more.
   */
  public void settle(String businessKey) {
    if (!remote && Jobs.engine().isPresent()) {
      Jobs.settle(businessKey);
      return;
    }
    long end = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < end) {
      ResponseEntity<JsonNode> instances = get("admin", "/engine-rest/process-instance?businessKey=" + businessKey);
      if (!instances.getStatusCode().is2xxSuccessful() || instances.getBody() == null) {
        return;
      }
      long due = 0;
      for (JsonNode instance : instances.getBody()) {
        ResponseEntity<JsonNode> count = get("admin", "/engine-rest/job/count?messages=true&executable=true"
            + "&processInstanceId=" + instance.get("id").asText());
        due += count.getStatusCode().is2xxSuccessful() ? count.getBody().get("count").asLong() : 0;
      }
      if (due == 0) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The appraiser finds the dossier valid. */
  public void appraiseValid(String code) {
    claimAndComplete("appraiser", code, "Task_Appraise",
        variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ, đúng quy định.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
  }

  /**
   * The Chairman approves: the decision is issued and the dossier AWARDED. A dossier decided singly (simplified
   * procedure) through its own task; one on the normal procedure through a decision batch of its award type that
   * Home Affairs opens (the first round of the year still free), the Chairman approving the whole batch.
   */
  public void chairmanApproves(String code) {
    JsonNode task = task("chairman", code);
    if (task != null && "Task_Decide".equals(task.get("taskDefinitionKey").asText())) {
      claimAndComplete("chairman", code, "Task_Decide", variables("decisionOutcome", "APPROVE"));
      return;
    }
    JsonNode dossier = get("appraiser", "/api/dossiers/" + code).getBody();
    String key = openBatch(dossier.get("awardType").asText(), dossier.get("year").asInt());
    decideBatch(key, "", "");
  }

  /**
   * Home Affairs opens a decision batch of the award type: the first round still free, counted down from 999 (a
   * round's batch takes the year's dossiers of that round and the earlier ones), in the dossier's year first; its key.
   */
  public String openBatch(String awardType, int year) {
    int thisYear = java.time.Year.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
    List<String> refusals = new java.util.ArrayList<>();
    for (int y : java.util.stream.IntStream.of(year, thisYear, thisYear - 1, thisYear + 1).distinct().toArray()) {
      for (int round = 999; round >= 900; round--) {
        ResponseEntity<JsonNode> opened = postJson("appraiser", "/api/decision-batches",
            Map.of("year", y, "round", round, "awardType", awardType));
        if (opened.getStatusCode().value() == 201) {
          return opened.getBody().get("key").asText();
        }
        if (!String.valueOf(opened.getBody()).contains("đã được lập")) {
          refusals.add(y + "-R" + round + ": " + opened.getBody());
          break; // nothing of that year waits: an earlier round would take fewer
        }
      }
    }
    throw new AssertionError("No decision batch of " + awardType + " could be opened: " + refusals);
  }

  /** The same in the current year. */
  public String openBatch(String awardType) {
    return openBatch(awardType, java.time.Year.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getValue());
  }

  /** The Chairman decides the batch: excluded and refused dossiers as lines "code: reason", the rest awarded. */
  public void decideBatch(String key, String excludedList, String refusedList) {
    JsonNode list = get("chairman", "/engine-rest/task?processInstanceBusinessKey=" + key).getBody();
    org.assertj.core.api.Assertions.assertThat(list).as("the Chairman sees the batch task of %s", key).isNotEmpty();
    String id = list.get(0).get("id").asText();
    org.assertj.core.api.Assertions.assertThat(list.get(0).get("taskDefinitionKey").asText())
        .isEqualTo("Task_DecideBatch");
    org.assertj.core.api.Assertions.assertThat(postJson("chairman", "/engine-rest/task/" + id + "/claim",
        Map.of("userId", "chairman")).getStatusCode().value()).isEqualTo(204);
    org.assertj.core.api.Assertions.assertThat(postJson("chairman", "/engine-rest/task/" + id + "/complete",
        variables("draftReviewed", true, "excludedList", excludedList, "refusedList", refusedList))
        .getStatusCode().value()).isEqualTo(204);
    // the decision is issued, and each dossier awarded, by jobs (run here as the job executor would)
    settle(key);
  }

  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
