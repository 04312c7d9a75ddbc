package vn.gov.sonla.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.BrowserSession;

/**
 * The README's run command on a fresh machine: the default profile starts on an H2 file database
 * with the demo users, an officer submits a dossier, the appraiser logs in to Tasklist and finds it
 * through their filter; after a restart the dossier and the task are still there and start-up
 * created nothing twice.
 */
class DemoProfileRestartTest {

  private final ObjectMapper json = new ObjectMapper();

  private ConfigurableApplicationContext start(Path dir) {
    return new SpringApplicationBuilder(TdktApplication.class)
        // command-line arguments, as they override application.yaml
        .run("--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("tdkt") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=20000",
            "--camunda.bpm.job-execution.enabled=false");
  }

  private record Counts(long users, long groups, long authorizations, long filters) {}

  private static Counts counts(ConfigurableApplicationContext app) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    return new Counts(engine.getIdentityService().createUserQuery().count(),
        engine.getIdentityService().createGroupQuery().count(),
        engine.getAuthorizationService().createAuthorizationQuery().count(),
        engine.getFilterService().createFilterQuery().count());
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  @Test
  void theDefaultProfileServesTasklistToDemoUsersAndKeepsItsStateAcrossARestart(@TempDir Path dir) throws Exception {
    String code;
    Counts first;
    try (ConfigurableApplicationContext app = start(dir)) {
      assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
      assertThat(app.getEnvironment().matchesProfiles("demo")).isTrue();
      // the demo users of the README, with the demo password (the postgres profile has none of them:
      // identity.PostgresProfileUsersTest)
      List<String> demoUsers = new java.util.ArrayList<>(List.of("admin", "appraiser", "appraiser.lead", "chairman",
          "auditor", "officer.sgddt", "officer.syt", "officer.ptohieu", "officer.vpubnd"));
      java.util.stream.IntStream.rangeClosed(1, 9).forEach(i -> demoUsers.add("council" + i));
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsAll(demoUsers);
      assertThat(demoUsers).allMatch(user -> identity.checkPassword(user, "demo"));
      code = submitAsOfficer(base(app));
      assertThat(tasklistFilterShows(base(app), "appraiser", "demo", "Hồ sơ chờ thẩm định")).contains(code);
      first = counts(app);
    }
    try (ConfigurableApplicationContext app = start(dir)) {
      assertThat(counts(app)).isEqualTo(first);
      HttpResponse<String> dossier = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base(app) + "/api/dossiers/" + code)).header("Authorization", basic("officer.sgddt")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(json.readTree(dossier.body()).get("status").asText()).isEqualTo("SUBMITTED");
      assertThat(tasklistFilterShows(base(app), "appraiser", "demo", "Hồ sơ chờ thẩm định")).contains(code);
      assertThat(tasklistFilterShows(base(app), "officer.sgddt", "demo", "Việc của đơn vị")).doesNotContain(code);
    }
  }

  private String submitAsOfficer(String base) throws Exception {
    Api api = new Api(new org.springframework.boot.test.web.client.TestRestTemplate(
        new org.springframework.boot.web.client.RestTemplateBuilder().rootUri(base)));
    var created = api.createDossier("officer.sgddt", vn.gov.sonla.tdkt.dossier.DossierApiScenariosAccess.json(),
        Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  /**
   * Logs in as a person does (the login form with its CSRF token, then Tasklist with the same session and
   * the webapps' X-XSRF-TOKEN) and lists the named filter's tasks.
   */
  private List<String> tasklistFilterShows(String base, String user, String password, String filterName)
      throws Exception {
    BrowserSession session = new BrowserSession(base).loggedInAs(user, password);
    assertThat(session.openWebapp("tasklist").statusCode()).isEqualTo(200);
    HttpResponse<String> me = session.get("/camunda/api/admin/auth/user/default");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json.readTree(me.body()).get("authorizedApps").toString()).contains("tasklist");
    String token = session.webappXsrfToken();
    JsonNode filters = json.readTree(session.send(session.request("/camunda/api/engine/engine/default/filter?resourceType=Task")
        .header("X-XSRF-TOKEN", token).build()).body());
    String filterId = null;
    for (JsonNode f : filters) {
      if (f.get("name").asText().equals(filterName)) {
        filterId = f.get("id").asText();
      }
    }
    assertThat(filterId).as("filter %s visible to %s", filterName, user).isNotNull();
    JsonNode tasks = json.readTree(session.send(session.request("/camunda/api/engine/engine/default/filter/" + filterId
            + "/list?firstResult=0&maxResults=50")
        .header("X-XSRF-TOKEN", token).header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).body());
    // each task's dossier code, from the task's variables (what Tasklist reads for a task one may work on; the
    // engine's history is not for appraisers)
    return tasks.findValuesAsText("id").stream().map(taskId -> {
      try {
        JsonNode variable = json.readTree(session.send(session.request(
            "/camunda/api/engine/engine/default/task/" + taskId + "/variables/dossierCode")
            .header("X-XSRF-TOKEN", token).build()).body());
        return variable.path("value").asText("?");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
