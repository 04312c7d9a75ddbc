package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.sonla.tdkt.support.BrowserSession;
import vn.gov.sonla.tdkt.support.IsolatedAppTest;

/**
 * One login for the project's pages and the webapps, logout everywhere, CSRF on cookie sessions, the
 * session cookie's flags and the login rate limit. The rate limit is tried on users made for it, never on
 * the shared demo users (a failed password also locks a Camunda user for a few seconds, ENGINE-27001).
 */
@IsolatedAppTest
class LoginSecurityTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  private BrowserSession browser() {
    return new BrowserSession("http://localhost:" + port);
  }

  private JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  @Test
  void oneLoginServesTheProjectsPagesAndTheWebapps() throws Exception {
    BrowserSession b = browser();
    HttpResponse<String> login = b.login("appraiser", "demo");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");

    HttpResponse<String> page = b.send(b.request("/dossiers/index.html").header("Sec-Fetch-Mode", "navigate").build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Hồ sơ đề nghị khen thưởng");
    JsonNode session = read(b.get("/api/session"));
    assertThat(session.get("user").asText()).isEqualTo("appraiser");
    assertThat(session.get("displayName").asText()).isEqualTo("Nguyễn Thị Lan");
    assertThat(session.get("groups").toString()).contains("home-affairs");
    assertThat(session.get("csrf").get("headerName").asText()).isEqualTo("X-CSRF-TOKEN");

    // the webapps know the same user without their own login
    assertThat(b.openWebapp("welcome").statusCode()).isEqualTo(200);
    HttpResponse<String> webappUser = b.get("/camunda/api/admin/auth/user/default");
    assertThat(webappUser.statusCode()).isEqualTo(200);
    assertThat(read(webappUser).get("userId").asText()).isEqualTo("appraiser");
    assertThat(read(webappUser).get("authorizedApps").toString()).contains("tasklist");
    HttpResponse<String> tasklist = b.send(b.request("/camunda/app/tasklist/default/")
        .header("Sec-Fetch-Mode", "navigate").header("Accept", "text/html").build());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.body()).contains("camTasklistAppCtrl");
    assertThat(b.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
  }

  @Test
  void signingOutOfTasklistEndsTheSessionOfTheProjectsPagesToo() throws Exception {
    BrowserSession b = browser().loggedInAs("chairman", "demo");
    assertThat(b.get("/api/session").statusCode()).isEqualTo(200);
    assertThat(b.openWebapp("tasklist").statusCode()).isEqualTo(200);
    String xsrf = b.webappXsrfToken();
    HttpResponse<String> logout = b.send(b.request("/camunda/api/admin/auth/user/default/logout")
        .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(logout.statusCode()).isEqualTo(200);

    assertThat(b.get("/api/session").statusCode()).isEqualTo(401);
    HttpResponse<String> page = b.send(b.request("/dossiers/index.html").header("Sec-Fetch-Mode", "navigate").build());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void signingOutOfTheProjectsPagesEndsTheWebappsSessionToo() throws Exception {
    BrowserSession b = browser().loggedInAs("auditor", "demo");
    assertThat(b.openWebapp("cockpit").statusCode()).isEqualTo(200);
    assertThat(b.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    String token = read(b.get("/api/session")).get("csrf").get("token").asText();

    // without the token the logout is refused and the session goes on
    HttpResponse<String> forged = b.send(b.request("/logout").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(b.get("/api/session").statusCode()).isEqualTo(200);

    // the header's logout button: a form post with the session's token
    HttpResponse<String> logout = b.send(b.request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Mode", "navigate").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))
        .build());
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(b.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    assertThat(b.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
    HttpResponse<String> cockpit = b.send(b.request("/camunda/app/cockpit/default/")
        .header("Sec-Fetch-Mode", "navigate").build());
    assertThat(cockpit.statusCode()).isEqualTo(302);
    assertThat(cockpit.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void aFormPostOfTheSessionWithoutTheCsrfTokenIsRefused() throws Exception {
    BrowserSession b = browser().loggedInAs("officer.syt", "demo");
    String body = "{\"reason\":\"Rút hồ sơ\"}";
    // a changing request of the cookie session without the token: 403, nothing happens
    HttpResponse<String> forged = b.send(b.request("/api/dossiers/2026-syt-0001/withdrawal")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken = b.send(b.request("/api/dossiers/2026-syt-0001/withdrawal")
        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", "not-the-token")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    // with the session's token the request reaches the application (no such dossier: 404)
    String token = read(b.get("/api/session")).get("csrf").get("token").asText();
    HttpResponse<String> real = b.send(b.request("/api/dossiers/2026-syt-0001/withdrawal")
        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(real.statusCode()).isEqualTo(404);

    // the login form itself needs the token (no login CSRF)
    BrowserSession other = browser();
    other.loginFormToken();
    HttpResponse<String> noToken = other.postLoginForm("officer.syt", "demo", null);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(other.get("/api/session").statusCode()).isEqualTo(401);
  }

  @Test
  void anApiClientWithHttpBasicNeedsNoCsrfToken() {
    BrowserSession b = browser();
    HttpResponse<String> answer = b.send(b.request("/api/dossiers/2026-syt-0001/withdrawal")
        .header("Authorization", basic("officer.syt", "demo")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")).build());
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
  }

  /** Issue 15, finding 14: an Authorization header does not take a cookie session's request past the CSRF check. */
  @Test
  void aSessionRequestWithAnAuthorizationHeaderStillNeedsTheCsrfToken() throws Exception {
    BrowserSession b = browser().loggedInAs("officer.syt", "demo");
    String body = "{\"reason\":\"Rút hồ sơ\"}";
    for (String authorization : new String[] {"Bearer junk", "Basic", basic("officer.syt", "sai-mat-khau"),
        basic("officer.syt", "demo")}) {
      HttpResponse<String> forged = b.send(b.request("/api/dossiers/2026-syt-0001/withdrawal")
          .header("Authorization", authorization).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
      assertThat(forged.statusCode()).as("session request with Authorization: %s", authorization).isEqualTo(403);
    }
    assertThat(b.get("/api/session").statusCode()).as("the session goes on").isEqualTo(200);
  }

  /** Issue 15, finding 14: a webapp request refused for CSRF is refused; the session is not ended. */
  @Test
  void aWebappRequestRefusedForCsrfDoesNotEndTheSession() throws Exception {
    BrowserSession b = browser().loggedInAs("appraiser", "demo");
    assertThat(b.openWebapp("tasklist").statusCode()).isEqualTo(200);
    assertThat(b.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    for (String token : new String[] {null, "not-the-token"}) {
      HttpRequest.Builder claim = b.request("/camunda/api/engine/engine/default/task/no-such-task/claim")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"appraiser\"}"));
      if (token != null) {
        claim.header("X-XSRF-TOKEN", token);
      }
      assertThat(b.send(claim.build()).statusCode()).as("claim with token %s", token).isEqualTo(403);
      assertThat(b.get("/api/session").statusCode()).as("session after a refused webapp request").isEqualTo(200);
      assertThat(b.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    }
    // the webapps' own token still works
    HttpResponse<String> real = b.send(b.request("/camunda/api/engine/engine/default/task/no-such-task/claim")
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", b.webappXsrfToken())
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"appraiser\"}")).build());
    assertThat(real.statusCode()).isNotEqualTo(403);
  }

  /** Issue 15, finding 15: the project's pages send CSP with frame-ancestors and a Referrer-Policy; the webapps keep theirs. */
  @Test
  void theProjectsPagesSendContentSecurityAndReferrerPolicies() {
    BrowserSession b = browser().loggedInAs("officer.syt", "demo");
    for (String path : new String[] {"/dossiers/index.html", "/api/session", "/login", "/public/notices.html"}) {
      BrowserSession client = path.startsWith("/login") || path.startsWith("/public") ? browser() : b;
      HttpResponse<String> page = client.send(client.request(path).build());
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
          .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'self'")
          .doesNotContain("'unsafe-eval'"));
      assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
    }
    HttpResponse<String> tasklist = b.openWebapp("tasklist");
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).as("the webapps' own CSP only").hasSize(1)
        .allSatisfy(csp -> assertThat(csp).contains("'strict-dynamic'"));
  }

  @Test
  void theLoginRateLimitHoldsForTheFormAndForHttpBasic() throws Exception {
    createUser("probe.form", "dung-mat-khau");
    createUser("probe.basic", "dung-mat-khau");
    createUser("probe.other", "dung-mat-khau");

    BrowserSession b = browser();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> failed = b.login("probe.form", "sai-" + i);
      assertThat(failed.headers().firstValue("Location").orElseThrow()).as("attempt %d", i).endsWith("/login?error");
    }
    // the limit is reached: even the right password is refused, with a Vietnamese message
    HttpResponse<String> locked = b.login("probe.form", "dung-mat-khau");
    assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
    HttpResponse<String> page = b.send(b.request("/login?locked").build());
    assertThat(page.body()).contains("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 5 phút.");
    assertThat(b.get("/api/session").statusCode()).isEqualTo(401);
    // the same user through HTTP Basic is refused too
    assertThat(basicCall("probe.form", "dung-mat-khau").statusCode()).isEqualTo(429);

    // HTTP Basic failures count the same way, for the project API and the engine REST API
    for (int i = 0; i < 3; i++) {
      assertThat(basicCall("probe.basic", "sai").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> limited = basicCall("probe.basic", "dung-mat-khau");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(read(limited).get("detail").asText()).startsWith("Đăng nhập sai quá nhiều lần");
    BrowserSession api = browser();
    assertThat(api.send(api.request("/engine-rest/task/count").header("Authorization", basic("probe.basic", "dung-mat-khau"))
        .build()).statusCode()).isEqualTo(429);

    // other users are not affected
    assertThat(basicCall("probe.other", "dung-mat-khau").statusCode()).isEqualTo(200);
    browser().loggedInAs("probe.other", "dung-mat-khau");
  }

  private HttpResponse<String> basicCall(String user, String password) {
    BrowserSession api = browser();
    return api.send(api.request("/api/notifications").header("Authorization", basic(user, password)).build());
  }

  private void createUser(String id, String password) {
    User user = identity.newUser(id);
    user.setFirstName("Thử");
    user.setLastName("Giới hạn");
    user.setPassword(password);
    // a fixture: the password policy is for users created in Admin and the API
    ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }
}
