package vn.gov.sonla.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.AppTest;

/** Uploading a year's plan: a file with errors is refused whole, naming each error, and starts nothing. */
@AppTest
class PlanApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired PlanStore store;

  private ResponseEntity<JsonNode> upload(String user, String yaml) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    return rest.withBasicAuth(user, "demo").postForEntity("/api/plans",
        new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
  }

  private static String plan2026() throws IOException {
    String yaml = new String(new ClassPathResource("plans/plan-2025.yaml").getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    return yaml.replace("year: 2025", "year: 2026").replace("/2025\n", "/2026\n").replace("issuedOn: 2025-", "issuedOn: 2026-");
  }

  @Test
  void aPlanWithErrorsIsRefusedWholeAndAGoodOneStartsEveryItem() throws IOException {
    String bad = """
        year: 2026
        number: 01/KH-UBND
        issuedOn: 2026-01-02
        title: Kế hoạch thử
        items:
          - section: I
            number: 1
            content: "Ban hành kế hoạch"
            timing: 01/2026
            lead: "Sở Ngoại giao Sao Hỏa"
            coordinating: []
          - section: I
            number: 1
            content: ""
            timing: 13/2026
            lead: "Sở Nội vụ"
            coordinating: []
        """;
    assertThat(upload("officer.sgddt", bad).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> refused = upload("appraiser", bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("title").asText()).isEqualTo("Kế hoạch không hợp lệ");
    JsonNode errors = refused.getBody().get("errors");
    assertThat(errors.findValuesAsText("field")).contains("lead", "content", "timing", "number");
    assertThat(errors.findValues("line")).allSatisfy(line -> assertThat(line.asInt()).isPositive());
    assertThat(store.exists(2026)).isFalse();
    // the context is shared: count this year's instances only
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annual-plan")
        .processInstanceBusinessKey("2026").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("plan-task")
        .processInstanceBusinessKeyLike("2026-%").count()).isZero();

    ResponseEntity<JsonNode> accepted = upload("appraiser", plan2026());
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(accepted.getBody().get("total").asInt()).isEqualTo(24);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annual-plan")
        .processInstanceBusinessKey("2026").count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("plan-task")
        .processInstanceBusinessKeyLike("2026-%").count()).isEqualTo(24);
    JsonNode dashboard = rest.withBasicAuth("auditor", "demo").getForEntity("/api/plans/2026", JsonNode.class).getBody();
    assertThat(dashboard.get("items")).hasSize(24);
    assertThat(dashboard.get("items").findValuesAsText("status")).containsOnly("IN_PROGRESS");
    assertThat(upload("appraiser", plan2026()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }
}
