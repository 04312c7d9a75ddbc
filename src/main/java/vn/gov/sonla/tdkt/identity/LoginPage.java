package vn.gov.sonla.tdkt.identity;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one login page (Vietnamese) of the project's pages, Tasklist, Cockpit and Admin. Rendered on the
 * server so that it works without JavaScript and carries the session's CSRF token in the form.
 */
@RestController
public class LoginPage {

  public static final String PATH = "/login";

  private final Template template;
  private final LoginRateLimiter rateLimiter;

  public LoginPage(LoginRateLimiter rateLimiter) throws IOException {
    this.rateLimiter = rateLimiter;
    try (Reader reader = new InputStreamReader(new ClassPathResource("pages/login.mustache").getInputStream(),
        StandardCharsets.UTF_8)) {
      this.template = Mustache.compiler().escapeHTML(true).defaultValue("").compile(reader);
    }
  }

  /** The login page (Vietnamese), with the messages for a wrong password, a temporary lock and a logout. */
  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(HttpServletRequest request, CsrfToken csrf,
      @RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      @RequestParam(required = false) String locked) {
    Map<String, Object> model = new HashMap<>();
    model.put("csrfParameter", csrf.getParameterName());
    model.put("csrfToken", csrf.getToken());
    if (locked != null) {
      model.put("error", "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + rateLimiter.minutesToWait()
          + " phút.");
    } else if (error != null) {
      model.put("error", CamundaIdentityAuthenticationProvider.BAD_CREDENTIALS);
    } else if (logout != null) {
      model.put("info", "Bạn đã đăng xuất.");
    }
    var session = request.getSession(false);
    Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    if (last instanceof org.springframework.security.core.AuthenticationException e && error != null) {
      model.put("username", e.getAuthenticationRequest() == null ? null : e.getAuthenticationRequest().getName());
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(new MediaType("text", "html",
        StandardCharsets.UTF_8)).body(template.execute(model));
  }
}
