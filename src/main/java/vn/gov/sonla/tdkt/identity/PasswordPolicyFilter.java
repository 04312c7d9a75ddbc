package vn.gov.sonla.tdkt.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's password policy (enable-password-policy) checked before the engine sees a new password, through
 * engine REST or Admin (which calls the webapps' engine API): a password that breaks it is answered 400 with a
 * problem detail naming, in Vietnamese, each rule it breaks; nothing is created or changed. (The engine itself
 * would refuse it too, with an English message and, through REST, a 500.)
 */
public class PasswordPolicyFilter extends OncePerRequestFilter {

  /** {@code …/user/create} (POST) and {@code …/user/{id}/credentials} (PUT) of engine REST and the webapps. */
  private static final Pattern ROUTE = Pattern.compile(".*/user/(create|([^/]+)/credentials)/?$");
  private static final int MAX_BODY = 64 * 1024;

  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  public PasswordPolicyFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher route = ROUTE.matcher(request.getRequestURI());
    boolean create = route.matches() && route.group(2) == null && "POST".equals(request.getMethod());
    boolean change = route.matches() && route.group(2) != null && "PUT".equals(request.getMethod());
    if (!create && !change) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY);
    HttpServletRequest replay = new Replay(request, body);
    String password;
    User user;
    try {
      JsonNode tree = json.readTree(body);
      if (create) {
        password = text(tree.path("credentials").path("password"));
        JsonNode profile = tree.path("profile");
        user = identity.newUser(text(profile.path("id")));
        user.setFirstName(text(profile.path("firstName")));
        user.setLastName(text(profile.path("lastName")));
        user.setEmail(text(profile.path("email")));
      } else {
        password = text(tree.path("password"));
        String id = java.net.URLDecoder.decode(route.group(2), StandardCharsets.UTF_8);
        user = identity.createUserQuery().userId(id).singleResult();
      }
    } catch (IOException | RuntimeException unreadable) {
      chain.doFilter(replay, response); // the engine answers malformed bodies itself
      return;
    }
    if (password == null) {
      chain.doFilter(replay, response);
      return;
    }
    PasswordPolicyResult result = user == null ? identity.checkPasswordAgainstPolicy(password)
        : identity.checkPasswordAgainstPolicy(password, user);
    if (result == null || result.isValid()) {
      chain.doFilter(replay, response);
      return;
    }
    List<Map<String, String>> errors = new ArrayList<>();
    for (PasswordPolicyRule rule : result.getViolatedRules()) {
      errors.add(Map.of("field", "password", "message", message(rule)));
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "https://sonla.gov.vn/tdkt/problems/weak-password");
    problem.put("title", "Mật khẩu chưa đủ mạnh");
    problem.put("status", 400);
    problem.put("detail", "Mật khẩu chưa đạt yêu cầu: "
        + String.join("; ", errors.stream().map(e -> e.get("message")).toList()) + ".");
    problem.put("errors", errors);
    // the engine REST client (and Admin) read "message" and "type" of its own error format
    problem.put("message", problem.get("detail"));
    response.setStatus(400);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  /** Vietnamese text of one of Camunda's default rules. */
  static String message(PasswordPolicyRule rule) {
    Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "cần ít nhất " + p.get("minLength") + " ký tự";
      case "PASSWORD_POLICY_LOWERCASE" -> "cần ít nhất " + p.get("minLowerCase") + " chữ thường";
      case "PASSWORD_POLICY_UPPERCASE" -> "cần ít nhất " + p.get("minUpperCase") + " chữ hoa";
      case "PASSWORD_POLICY_DIGIT" -> "cần ít nhất " + p.get("minDigit") + " chữ số";
      case "PASSWORD_POLICY_SPECIAL" -> "cần ít nhất " + p.get("minSpecial") + " ký tự đặc biệt";
      case "PASSWORD_POLICY_USER_DATA" -> "không được chứa tên đăng nhập, họ tên hay thư điện tử của người dùng";
      default -> "không đạt quy tắc " + rule.getPlaceholder();
    };
  }

  /** The request with its body read once and offered again to the engine. */
  private static final class Replay extends HttpServletRequestWrapper {
    private final byte[] body;

    Replay(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  /** Registered on the user routes of engine REST and of the webapps' engine API, after the login. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<PasswordPolicyFilter> passwordPolicy(IdentityService identity,
        @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
      FilterRegistrationBean<PasswordPolicyFilter> registration =
          new FilterRegistrationBean<>(new PasswordPolicyFilter(identity));
      registration.setName("password-policy");
      registration.addUrlPatterns("/engine-rest/user/*", webapps + "/api/engine/*");
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
      return registration;
    }
  }
}
