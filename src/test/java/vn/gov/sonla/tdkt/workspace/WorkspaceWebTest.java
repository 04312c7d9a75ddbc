package vn.gov.sonla.tdkt.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 17, a home per role: "/" sends each role to its work, the menu offers only what the role may open,
 * the short addresses of the sections work, and errors are Vietnamese — a page for a browser, problem details
 * for a script.
 */
@AppTest
class WorkspaceWebTest {

  @Autowired TestRestTemplate rest;

  private static HttpEntity<Void> page() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml");
    headers.set("Sec-Fetch-Mode", "navigate");
    return new HttpEntity<>(headers);
  }

  /** A GET as the user (HTTP Basic) that does not follow redirects, to see where "/" sends the person. */
  private ResponseEntity<String> noFollow(String user, String path) {
    RestTemplate template = new RestTemplate(new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "text/html");
    headers.set("Sec-Fetch-Mode", "navigate");
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return template.exchange(rest.getRootUri() + path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static HttpEntity<Void> script() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "application/json");
    return new HttpEntity<>(headers);
  }

  @Test
  void afterLoginEachRoleLandsOnItsWork() {
    Api api = new Api(rest);
    Map<String, String> homes = Map.of(
        "officer.sgddt", "/dossiers/",
        "appraiser", "/dossiers/?status=IN_APPRAISAL",
        "council1", "/camunda/app/tasklist/",
        "chairman", "/camunda/app/tasklist/",
        "auditor", "/dossiers/",
        "admin", "/camunda/app/cockpit/");
    homes.forEach((user, home) -> {
      ResponseEntity<String> root = noFollow(user, "/");
      assertThat(root.getStatusCode()).as(user).isEqualTo(HttpStatus.FOUND);
      assertThat(root.getHeaders().getLocation().toString()).as(user).endsWith(home);
      assertThat(api.get(user, "/api/workspace").getBody().get("home").asText()).isEqualTo(home);
    });
    // without a login, "/" is the login page
    ResponseEntity<String> anonymous = noFollow(null, "/");
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/login");
  }

  private List<String> sections(String user) {
    List<String> ids = new ArrayList<>();
    for (JsonNode s : new Api(rest).get(user, "/api/workspace").getBody().get("sections")) {
      ids.add(s.get("id").asText());
      assertThat(s.get("label").asText()).isNotBlank();
    }
    return ids;
  }

  @Test
  void theMenuOffersOnlyWhatTheRoleMayOpen() {
    Api api = new Api(rest);
    assertThat(sections("officer.sgddt")).contains("dossiers", "new-dossier", "tasks", "unit-tasks", "plans",
        "notifications")
        .doesNotContain("reports", "cockpit", "admin", "council", "legal");
    var refused = api.get("officer.sgddt", "/api/legal-basis.csv");
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().toString()).contains("được xem danh mục căn cứ pháp lý");
    assertThat(api.get("officer.sgddt", "/api/legal-basis").getStatusCode().value()).isEqualTo(403);
    assertThat(sections("appraiser")).contains("legal");
    assertThat(api.get("appraiser", "/api/legal-basis").getStatusCode().is2xxSuccessful()).isTrue();
    // what is offered opens; what is not offered is refused
    assertThat(api.get("officer.sgddt", "/api/reports").getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(sections("auditor")).contains("dossiers", "reports", "cockpit").doesNotContain("tasks",
        "new-dossier", "admin", "unit-tasks");
    assertThat(sections("council1")).contains("tasks", "dossiers", "council").doesNotContain("new-dossier", "reports");
    assertThat(sections("appraiser")).contains("council");
    assertThat(sections("chairman")).contains("council");
    assertThat(sections("auditor")).contains("council");
    assertThat(sections("admin")).contains("cockpit", "admin", "reports").doesNotContain("new-dossier");
  }

  @Test
  void theShortAddressesOfTheSectionsOpenTheirPages() {
    Api api = new Api(rest);
    Map<String, String> titles = Map.of(
        "/plans/", "kế hoạch",
        "/reports/", "Báo cáo",
        "/council/", "Phiên họp Hội đồng Thi đua - Khen thưởng",
        "/blocs/", "Cụm, khối thi đua",
        "/notifications/", "<title>",
        "/awards/", "Tra cứu khen thưởng",
        "/dossiers/", "Danh sách hồ sơ",
        "/legal/", "Căn cứ pháp lý",
        "/unit-tasks/", "Việc của đơn vị");
    titles.forEach((path, title) -> {
      ResponseEntity<String> answer = api.as("appraiser").exchange(path, HttpMethod.GET, page(), String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(answer.getHeaders().getContentType().toString()).as(path).startsWith("text/html");
      assertThat(answer.getBody()).as(path).contains(title);
      String bare = path.substring(0, path.length() - 1);
      ResponseEntity<String> redirect = noFollow("appraiser", bare);
      assertThat(redirect.getStatusCode()).as(bare).isEqualTo(HttpStatus.FOUND);
      assertThat(redirect.getHeaders().getLocation().getPath()).as(bare).isEqualTo(path);
    });
  }

  @Test
  void errorsAreVietnameseAPageForABrowserAndProblemDetailsForAScript() {
    Api api = new Api(rest);
    ResponseEntity<String> missingPage = api.as("officer.sgddt").exchange("/khong-co-trang-nay", HttpMethod.GET,
        page(), String.class);
    assertThat(missingPage.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missingPage.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(missingPage.getBody()).contains("lang=\"vi\"", "Không tìm thấy trang", "href=\"/\"")
        .doesNotContain("Whitelabel", "Not Found");

    ResponseEntity<String> missingApi = api.as("officer.sgddt").exchange("/api/khong-co", HttpMethod.GET, script(),
        String.class);
    assertThat(missingApi.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missingApi.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(missingApi.getBody()).contains("Không tìm thấy").doesNotContain("No static resource");

    ResponseEntity<String> forbidden = api.as("officer.sgddt").exchange("/actuator/prometheus", HttpMethod.GET,
        page(), String.class);
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forbidden.getBody()).contains("Không có quyền truy cập").doesNotContain("Forbidden");
    ResponseEntity<String> forbiddenApi = api.as("officer.sgddt").exchange("/actuator/prometheus", HttpMethod.GET,
        script(), String.class);
    assertThat(forbiddenApi.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forbiddenApi.getBody()).contains("Không có quyền truy cập");
  }

  @Test
  void theReportShowsLabelsNeverModelIdsOrLoginIds() {
    JsonNode report = new Api(rest).get("auditor", "/api/reports?year=2001").getBody();
    for (JsonNode step : report.get("processing").get("steps")) {
      // no dossier of 2001 passed any step: every label still comes from the model, none is an element id
      assertThat(step.get("label").asText()).as(step.get("step").asText())
          .doesNotMatch("^(Task|Event|Sub|Gateway)_.*").isNotEqualTo("null").isNotBlank();
    }
    assertThat(report.get("labels").get("person").get("appraiser").asText()).isEqualTo("Nguyễn Thị Lan");
  }
}
