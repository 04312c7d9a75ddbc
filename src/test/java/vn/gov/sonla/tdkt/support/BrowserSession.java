package vn.gov.sonla.tdkt.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does, over HTTP: a cookie jar, the login form with its CSRF token, the webapps'
 * X-XSRF-TOKEN. No redirects are followed, so tests see each answer.
 */
public class BrowserSession {

  private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public BrowserSession(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Sec-Fetch-Site", "same-origin");
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).header("Accept", "application/json").header("Sec-Fetch-Mode", "cors").GET().build());
  }

  /** Opens the login page and returns the CSRF token of its form. */
  public String loginFormToken() {
    HttpResponse<String> page = send(request("/login").header("Accept", "text/html")
        .header("Sec-Fetch-Mode", "navigate").GET().build());
    Matcher m = CSRF_INPUT.matcher(page.body());
    if (page.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("no login form: " + page.statusCode());
    }
    return m.group(1);
  }

  /** Posts the login form (with its token) and returns the answer (a redirect). */
  public HttpResponse<String> login(String user, String password) {
    return postLoginForm(user, password, loginFormToken());
  }

  public HttpResponse<String> postLoginForm(String user, String password, String csrf) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Mode", "navigate").POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** Logs in and checks that the login succeeded (a redirect away from the login page). */
  public BrowserSession loggedInAs(String user, String password) {
    HttpResponse<String> answer = login(user, password);
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || location.contains("/login")) {
      throw new IllegalStateException("login of " + user + " failed: " + answer.statusCode() + " " + location);
    }
    return this;
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
  }

  public java.util.List<HttpCookie> cookies() {
    return cookies.getCookieStore().getCookies();
  }

  /** Opens a webapp's page (tasklist, cockpit, admin, welcome) as the browser does, which signs the session in to it. */
  public HttpResponse<String> openWebapp(String app) {
    return send(request("/camunda/app/" + app + "/default/").header("Accept", "text/html")
        .header("Sec-Fetch-Mode", "navigate").GET().build());
  }

  /** The webapps' CSRF token (cookie XSRF-TOKEN, set by Camunda's filter on a GET under /camunda/api). */
  public String webappXsrfToken() {
    get("/camunda/api/admin/auth/user/default");
    return cookie("XSRF-TOKEN");
  }
}
