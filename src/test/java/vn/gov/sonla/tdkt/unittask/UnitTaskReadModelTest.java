package vn.gov.sonla.tdkt.unittask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.dossier.DossierApiScenariosAccess;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 20: the task read model {@code unit_task} equals the engine's open tasks through a dossier's life (submit,
 * claim, supplement asked, a refused completion, withdrawal), and the unit view {@code GET /api/unit-tasks} shows
 * a unit its own tasks only, page by page.
 */
@AppTest
class UnitTaskReadModelTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired javax.sql.DataSource dataSource;

  /** "taskId|group|assignee" of the engine's open tasks of the instance, one per candidate group. */
  private Set<String> engine(String processInstanceId) {
    Set<String> rows = new TreeSet<>();
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          rows.add(task.getId() + "|" + link.getGroupId() + "|" + task.getAssignee());
        }
      }
    }
    return rows;
  }

  private Set<String> readModel(String processInstanceId) {
    return new TreeSet<>(jdbc.sql("SELECT task_id, candidate_group, assignee FROM unit_task"
            + " WHERE process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list());
  }

  private void assertSame(String processInstanceId, String step) {
    assertThat(readModel(processInstanceId)).as("read model = engine after " + step)
        .isEqualTo(engine(processInstanceId)).isNotNull();
  }

  /** The whole group: the engine's task query of the unit (assigned tasks included) against the read model. */
  private void assertSameForGroup(String group) {
    Set<String> engineIds = new TreeSet<>();
    taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().list()
        .forEach(t -> engineIds.add(t.getId()));
    Set<String> modelIds = new TreeSet<>(jdbc.sql("SELECT task_id FROM unit_task WHERE candidate_group = :g")
        .param("g", group).query(String.class).list());
    assertThat(modelIds).as("open tasks of " + group).isEqualTo(engineIds);
  }

  private String submit(String subject) {
    ResponseEntity<JsonNode> created = new Api(rest).createDossier("officer.sgddt",
        DossierApiScenariosAccess.json(subject), Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("taskId").asText()));
    return ids;
  }

  @Test
  void theReadModelFollowsTheEngineThroughADossiersLife() {
    Api api = new Api(rest);
    String code = submit("Lò Văn Thành");
    String pi = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getProcessInstanceId();
    // submitted: Home Affairs' appraisal task
    assertThat(readModel(pi)).hasSize(1).allMatch(r -> r.contains("|home-affairs|"));
    assertSame(pi, "submit");

    // the appraiser claims it, then asks for a supplement: the unit's task
    String appraise = api.task("appraiser", code).get("id").asText();
    assertThat(api.postJson("appraiser", "/engine-rest/task/" + appraise + "/claim", Map.of("userId", "appraiser"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(readModel(pi)).containsExactly(appraise + "|home-affairs|appraiser");
    assertSame(pi, "claim");
    assertThat(api.postJson("appraiser", "/engine-rest/task/" + appraise + "/complete", Api.variables(
        "appraisalOutcome", "SUPPLEMENT", "appraisalSummary", "Thiếu minh chứng.", "missingItems",
        "Bản sao Bằng khen năm 2024.")).getStatusCode().value()).isEqualTo(204);
    String supplement = api.task("officer.sgddt", code).get("id").asText();
    assertThat(readModel(pi)).containsExactly(supplement + "|unit-sgddt|null");
    assertSame(pi, "supplement asked");
    UnitTask row = jdbc.sql("SELECT * FROM unit_task WHERE task_id = :id").param("id", supplement)
        .query((rs, n) -> new UnitTask(rs.getString("task_id"), rs.getString("candidate_group"),
            rs.getString("task_key"), rs.getString("task_name"), rs.getString("assignee"), null, null,
            rs.getString("process_instance_id"), rs.getString("process_key"), rs.getString("business_key"),
            rs.getString("dossier_code"), rs.getString("subject_name"), rs.getString("award_type"),
            rs.getString("award_type_name"), (Integer) rs.getObject("award_year"))).single();
    assertThat(row.taskKey()).isEqualTo("Task_Supplement");
    assertThat(row.taskName()).isEqualTo("Bổ sung hồ sơ");
    assertThat(row.processKey()).isEqualTo("commendation-dossier");
    assertThat(row.businessKey()).isEqualTo(code);
    assertThat(row.dossierCode()).isEqualTo(code);
    assertThat(row.subjectName()).isEqualTo("Lò Văn Thành");
    assertThat(row.awardType()).isEqualTo("BK_TINH");
    assertThat(row.awardTypeName()).isEqualTo("Bằng khen của Chủ tịch UBND tỉnh");
    assertThat(row.awardYear()).isNotNull();

    // the unit's view shows it, with the dossier and a link into Tasklist
    JsonNode mine = api.get("officer.sgddt", "/api/unit-tasks?size=100").getBody();
    JsonNode item = null;
    for (JsonNode i : mine.get("items")) {
      if (supplement.equals(i.get("taskId").asText())) {
        item = i;
      }
    }
    assertThat(item).as("the supplement task in the unit's list").isNotNull();
    assertThat(item.get("dossierCode").asText()).isEqualTo(code);
    assertThat(item.get("subjectName").asText()).isEqualTo("Lò Văn Thành");
    assertThat(item.get("unitCode").asText()).isEqualTo("sgddt");
    assertThat(item.get("tasklistUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + supplement);
    assertThat(item.get("dossierUrl").asText()).isEqualTo("/dossiers/view.html?code=" + code);
    // another unit sees nothing of it, and may not ask for this unit's list
    assertThat(ids(api.get("officer.syt", "/api/unit-tasks?size=100").getBody())).doesNotContain(supplement);
    assertThat(api.get("officer.syt", "/api/unit-tasks?unit=sgddt").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // the officer claims it; a completion the step refuses (no supplementary file) rolls back and leaves the row
    assertThat(api.postJson("officer.sgddt", "/engine-rest/task/" + supplement + "/claim",
        Map.of("userId", "officer.sgddt")).getStatusCode().value()).isEqualTo(204);
    assertThat(readModel(pi)).containsExactly(supplement + "|unit-sgddt|officer.sgddt");
    ResponseEntity<JsonNode> refused = api.postJson("officer.sgddt", "/engine-rest/task/" + supplement + "/complete",
        Api.variables("supplementNote", "Đã bổ sung."));
    assertThat(refused.getStatusCode().is4xxClientError()).as(refused.toString()).isTrue();
    assertThat(readModel(pi)).containsExactly(supplement + "|unit-sgddt|officer.sgddt");
    assertSame(pi, "a refused completion");

    // the unit withdraws the dossier: the instance ends, the task and its row go
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> withdrawn = api.as("officer.sgddt").exchange("/api/dossiers/" + code + "/withdrawal",
        HttpMethod.POST, new HttpEntity<>("{\"reason\":\"Đơn vị rút để hoàn thiện thành tích.\"}", headers),
        JsonNode.class);
    assertThat(withdrawn.getStatusCode()).as(withdrawn.toString()).isEqualTo(HttpStatus.OK);
    assertThat(readModel(pi)).isEmpty();
    assertSame(pi, "withdrawal");
    assertSameForGroup("unit-sgddt");
    assertSameForGroup("home-affairs");
  }

  /** H2's row id of each of the task's rows, by candidate group. */
  private Map<String, Long> rowIds(String taskId) {
    Map<String, Long> ids = new java.util.TreeMap<>();
    jdbc.sql("SELECT candidate_group, _ROWID_ FROM unit_task WHERE task_id = :id").param("id", taskId)
        .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
    return ids;
  }

  /**
   * CI, 2026-12-08 (CrashSafetyIT on H2, after a kill): a claim's update event deleted the task's row and inserted
   * it again in the same transaction, and the insert hit the primary key ("Unique index or primary key violation",
   * the claim answered 500). A change of the task now updates its rows where they are; only a new candidate group
   * inserts one and only a removed one deletes one.
   */
  @Test
  void aClaimOrACandidateGroupChangeUpdatesTheRowsInPlace() {
    Api api = new Api(rest);
    String code = submit("Cầm Thị Lả");
    String pi = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getProcessInstanceId();
    String appraise = api.task("appraiser", code).get("id").asText();
    Map<String, Long> created = rowIds(appraise);
    assertThat(created).containsOnlyKeys("home-affairs");

    assertThat(api.postJson("appraiser", "/engine-rest/task/" + appraise + "/claim", Map.of("userId", "appraiser"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(rowIds(appraise)).as("the same row, updated").isEqualTo(created);
    assertSame(pi, "claim");

    taskService.addCandidateGroup(appraise, "council");
    Map<String, Long> widened = rowIds(appraise);
    assertThat(widened).containsOnlyKeys("council", "home-affairs").containsEntry("home-affairs",
        created.get("home-affairs"));
    assertSame(pi, "a candidate group added");

    taskService.deleteCandidateGroup(appraise, "council");
    assertThat(rowIds(appraise)).isEqualTo(created);
    assertSame(pi, "a candidate group removed");

    taskService.setDueDate(appraise, new java.util.Date(System.currentTimeMillis() + 86_400_000L));
    assertThat(rowIds(appraise)).isEqualTo(created);
    assertThat(jdbc.sql("SELECT due FROM unit_task WHERE task_id = :id").param("id", appraise)
        .query(java.sql.Timestamp.class).single().getTime())
        .isEqualTo(taskService.createTaskQuery().taskId(appraise).singleResult().getDueDate().getTime());
  }

  @Test
  void completingTheUnitsTaskRemovesItsRow() {
    Api api = new Api(rest);
    String code = submit("Cầm Thị Duyên");
    api.claimAndComplete("appraiser", code, "Task_Appraise", Api.variables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu minh chứng.", "missingItems", "Biên bản họp xét."));
    String pi = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getProcessInstanceId();
    String supplement = api.task("officer.sgddt", code).get("id").asText();
    // the unit adds its file on the dossier's page, then completes the task in Tasklist
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = api.multipart(null, List.of(Api.pdf("files", "bien-ban.pdf")));
    assertThat(api.as("officer.sgddt").exchange("/api/dossiers/" + code + "/supplement-documents", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    api.claimAndComplete("officer.sgddt", code, "Task_Supplement", Api.variables("supplementNote", "Đã bổ sung."));
    assertThat(readModel(pi)).noneMatch(r -> r.startsWith(supplement + "|"))
        .allMatch(r -> r.contains("|home-affairs|"));
    assertSame(pi, "complete");
    assertSameForGroup("unit-sgddt");
  }

  /** Every column of the instance's rows, as text. */
  private List<String> fullRows(String processInstanceId) {
    return jdbc.sql("SELECT * FROM unit_task WHERE process_instance_id = :pi ORDER BY task_id, candidate_group")
        .param("pi", processInstanceId).query((rs, n) -> {
          StringBuilder row = new StringBuilder();
          for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            row.append(rs.getMetaData().getColumnName(c)).append('=').append(rs.getString(c)).append(';');
          }
          return row.toString();
        }).list();
  }

  @Test
  void theBackfillWritesWhatTheListenerWrites() throws Exception {
    Api api = new Api(rest);
    String code = submit("Lường Văn Hải");
    api.claimAndComplete("appraiser", code, "Task_Appraise", Api.variables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu.", "missingItems", "Biên bản."));
    String pi = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getProcessInstanceId();
    List<String> written = fullRows(pi);
    assertThat(written).hasSize(1).allMatch(r -> r.contains("DOSSIER_CODE=" + code + ";")
        && r.contains("SUBJECT_NAME=Lường Văn Hải;") && r.contains("PROCESS_KEY=commendation-dossier;"));
    // an existing database: the rows are missing until the migration's backfill copies them
    jdbc.sql("DELETE FROM unit_task WHERE process_instance_id = :pi").param("pi", pi).update();
    try (java.sql.Connection c = dataSource.getConnection()) {
      assertThat(UnitTaskBackfill.run(c)).isGreaterThanOrEqualTo(1);
      assertThat(fullRows(pi)).isEqualTo(written);
      // again: nothing more
      assertThat(UnitTaskBackfill.run(c)).isZero();
    }
    assertSame(pi, "backfill");
  }

  @Test
  void theUnitsListIsPagedInOrderAndRefusesBadInput() {
    Api api = new Api(rest);
    String first = submit("Quàng Văn Minh");
    String second = submit("Tòng Thị Phương");
    for (String code : List.of(first, second)) {
      api.claimAndComplete("appraiser", code, "Task_Appraise", Api.variables("appraisalOutcome", "SUPPLEMENT",
          "appraisalSummary", "Thiếu.", "missingItems", "Biên bản."));
    }
    JsonNode all = api.get("officer.sgddt", "/api/unit-tasks?size=100").getBody();
    long total = all.get("total").asLong();
    assertThat(total).isGreaterThanOrEqualTo(2)
        .isEqualTo(taskService.createTaskQuery().taskCandidateGroup("unit-sgddt").includeAssignedTasks().count());
    // newest first: the second dossier's task before the first's
    List<String> order = new ArrayList<>();
    all.get("items").forEach(i -> order.add(i.get("dossierCode").asText(null)));
    assertThat(order.indexOf(second)).isNotNegative().isLessThan(order.indexOf(first));
    // pages of one: the same tasks in the same order, none twice
    List<String> paged = new ArrayList<>();
    for (int p = 0; p < total; p++) {
      JsonNode page = api.get("officer.sgddt", "/api/unit-tasks?size=1&page=" + p).getBody();
      assertThat(page.get("total").asLong()).isEqualTo(total);
      assertThat(page.get("page").asInt()).isEqualTo(p);
      paged.addAll(ids(page));
    }
    assertThat(paged).isEqualTo(ids(all)).doesNotHaveDuplicates();
    assertThat(ids(api.get("officer.sgddt", "/api/unit-tasks?size=1&page=" + total).getBody())).isEmpty();
    // keyset paging: following "next" gives the same tasks in the same order
    List<String> walked = new ArrayList<>();
    String next = null;
    for (int p = 0; p <= total; p++) {
      JsonNode page = api.get("officer.sgddt", "/api/unit-tasks?size=1" + (next == null ? "" : "&after=" + next))
          .getBody();
      walked.addAll(ids(page));
      next = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.get("next").asText();
      if (next == null) {
        break;
      }
    }
    assertThat(walked).isEqualTo(paged);
    // by due date: the same tasks
    assertThat(new TreeSet<>(ids(api.get("officer.sgddt", "/api/unit-tasks?size=100&sort=due").getBody())))
        .isEqualTo(new TreeSet<>(ids(all)));
    // Home Affairs reads a named unit's list; the unit's own list equals it
    assertThat(ids(api.get("appraiser", "/api/unit-tasks?unit=sgddt&size=100").getBody())).isEqualTo(ids(all));

    // bad input: 400 problem details in Vietnamese
    for (String query : List.of("size=0", "size=101", "page=-1", "sort=name", "unit=S%C6%A0%20GD", "after=abc",
        "after=1~x&sort=due")) {
      ResponseEntity<JsonNode> bad = api.get("officer.sgddt", "/api/unit-tasks?" + query);
      assertThat(bad.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(bad.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(bad.getBody().get("detail").asText() + bad.getBody().path("errors"))
          .as(query).containsAnyOf("phải", "chỉ", "Thứ tự", "Mã đơn vị", "Con trỏ", "Phân trang");
    }
    // roles without a unit of their own: administrators and the Chairman are refused, with or without a unit
    for (String user : List.of("admin", "chairman")) {
      assertThat(api.get(user, "/api/unit-tasks").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(api.get(user, "/api/unit-tasks?unit=sgddt").getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/unit-tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
