package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;
import vn.gov.sonla.tdkt.support.SigningFaults;

/**
 * The decision after the Chairman's click is issued by a job (issue 19): the click commits at once, and the job's
 * transaction holds the numbering, so a signing device that fails once rolls the number back and the retry issues
 * the decision with that same number: no gap, no duplicate.
 */
@AppTest
class DecisionIssueRetryTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @AfterEach
  void disarm() {
    SigningFaults.reset();
  }

  private Integer counter(int year) {
    return jdbc.sql("SELECT last_value FROM counter WHERE name = :name").param("name", "decision/" + year)
        .query(Integer.class).optional().orElse(0);
  }

  private int decisionsOf(String code) {
    return jdbc.sql("SELECT COUNT(*) FROM decision WHERE dossier_code = :code").param("code", code)
        .query(Integer.class).single();
  }

  @Test
  void aSigningFailureRollsTheNumberBackAndTheRetryIssuesTheSameNumber() {
    Api api = new Api(rest);
    Map<String, Object> dossier = new LinkedHashMap<>();
    dossier.put("awardType", "BK_TINH");
    dossier.put("awardKind", "SUDDEN");
    dossier.put("year", LocalDate.now().getYear());
    dossier.put("subjectKind", "INDIVIDUAL");
    dossier.put("subjectRole", "DIRECT_WORKER");
    dossier.put("subjectName", "Lò Văn Thẳm");
    dossier.put("birthDate", "1979-08-21");
    dossier.put("position", "Trưởng bản");
    dossier.put("workUnit", "Bản Phiêng Lanh, xã Chiềng Mung");
    dossier.put("achievements", "Tổ chức sơ tán 40 hộ dân trước khi lũ quét tràn về bản.");
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", dossier, Api.requiredFiles("SUDDEN"), false);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();
    api.appraiseValid(code);

    // the Chairman's click commits at once: the decision waits for its job, the dossier for its decision
    JsonNode task = api.task("chairman", code);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_Decide");
    String id = task.get("id").asText();
    assertThat(api.postJson("chairman", "/engine-rest/task/" + id + "/claim", Map.of("userId", "chairman"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.postJson("chairman", "/engine-rest/task/" + id + "/complete",
        Api.variables("decisionOutcome", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("AWAITING_DECISION");
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    Job job = management.createJobQuery().processInstanceId(instance).activityId("Task_IssueDecision")
        .singleResult();
    assertThat(job).isNotNull();
    assertThat(decisionsOf(code)).isZero();
    // decided: the unit can no longer withdraw it while the decision is being issued (409, nothing changes)
    ResponseEntity<JsonNode> withdrawal = api.postJson("officer.sgddt", "/api/dossiers/" + code + "/withdrawal",
        Map.of("reason", "Đơn vị muốn rút hồ sơ."));
    assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(withdrawal.getBody().toString()).contains("quyết định đang được ban hành");
    assertThat(management.createJobQuery().jobId(job.getId()).count()).isEqualTo(1);

    // the signing device fails once: the job's transaction, numbering included, is rolled back
    int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
    int before = counter(year);
    SigningFaults.failNext(1);
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("signing device");
    assertThat(counter(year)).as("the number taken by the failed try is given back").isEqualTo(before);
    assertThat(decisionsOf(code)).isZero();
    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    // retried on the model's cycle (R5/PT5M): four tries left, the next in five minutes
    assertThat(failed.getRetries()).isEqualTo(4);
    assertThat(failed.getExceptionMessage()).contains("signing device");
    assertThat(failed.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 4 * 60_000));
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("AWAITING_DECISION");

    // the retry (due in five minutes; run now) issues the decision with the very number the failed try had taken
    management.executeJob(job.getId());
    JsonNode awarded = api.get("officer.sgddt", "/api/dossiers/" + code).getBody();
    assertThat(awarded.get("status").asText()).isEqualTo("AWARDED");
    int seq = counter(year);
    assertThat(seq).as("one number consumed, no gap").isEqualTo(before + 1);
    assertThat(awarded.get("decision").get("number").asText()).isEqualTo(seq + "/QĐ-UBND");
    assertThat(decisionsOf(code)).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM decision WHERE decision_year = :year AND register = 'QĐ-UBND'"
            + " AND seq = :seq")
        .param("year", year).param("seq", seq).query(Integer.class).single()).as("no duplicate").isEqualTo(1);
    assertThat(management.createJobQuery().processInstanceId(instance).count()).isZero();
  }
}
