package vn.gov.sonla.tdkt.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * What a request without a login gets: a browser loading a page is sent to the login page (and back
 * after it); a browser's script gets 401 without a challenge; an API client gets 401 with an HTTP Basic
 * challenge. Browsers never get the challenge, so they never cache Basic credentials that a forged
 * cross-site request could ride on: every cookie-session request goes through CSRF protection.
 */
class LoginEntryPoint implements AuthenticationEntryPoint {

  static final String REALM = "TDKT Son La";

  private final LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint(LoginPage.PATH);
  private final ObjectMapper json;
  private final boolean pagesToLogin;

  /** pagesToLogin: whether a browser loading a page is sent to the login page (not for the engine REST API). */
  LoginEntryPoint(ObjectMapper json, boolean pagesToLogin) {
    this.json = json;
    this.pagesToLogin = pagesToLogin;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException, jakarta.servlet.ServletException {
    if (pagesToLogin && !Clients.hasCredentials(request) && Clients.isPageNavigation(request)) {
      loginPage.commence(request, response, e);
      return;
    }
    if (Clients.hasCredentials(request) || !Clients.isBrowser(request)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    }
    boolean limited = e instanceof LoginRateLimitedException;
    response.setStatus(limited ? 429 : HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String detail = limited ? e.getMessage()
        : Clients.hasCredentials(request) ? CamundaIdentityAuthenticationProvider.BAD_CREDENTIALS
        : "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết. Vui lòng đăng nhập lại.";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(limited ? 429 : 401), detail);
    problem.setType(URI.create("https://sonla.gov.vn/tdkt/problems/" + (limited ? "rate-limited" : "unauthorized")));
    problem.setTitle(limited ? "Quá nhiều lần đăng nhập sai" : "Chưa đăng nhập");
    json.writeValue(response.getOutputStream(), problem);
  }
}
