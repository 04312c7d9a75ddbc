package vn.gov.sonla.tdkt.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link EngineRoutes} to every request of the engine REST API and the webapps' engine API, after Spring
 * Security has authenticated it: a route the caller's roles do not allow is refused with 403 (problem details
 * in Vietnamese) before the engine sees it, so it changes nothing and says nothing about the data it names.
 */
public class EngineRouteFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRouteFilter.class);
  static final String REFUSED = "Bạn không có quyền thực hiện thao tác này qua giao diện lập trình của hệ thống quy trình.";

  private final ObjectMapper json;
  private final String webapps;

  public EngineRouteFilter(ObjectMapper json, String webapps) {
    this.json = json;
    this.webapps = webapps;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Optional<String> enginePath = EngineRoutes.enginePath(path, webapps);
    if (enginePath.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      refuse(response, HttpStatus.UNAUTHORIZED, "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết. Vui lòng đăng nhập lại.");
      return;
    }
    Set<EngineRoutes.Role> roles = EngineRoutes.Role.of(auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(CurrentUserProvider.GROUP_AUTHORITY_PREFIX))
        .map(a -> a.substring(CurrentUserProvider.GROUP_AUTHORITY_PREFIX.length())).toList());
    if (!EngineRoutes.allows(request.getMethod(), enginePath.get(), roles, auth.getName())) {
      LOG.info("Engine route refused: {} {} for {} (roles {})", request.getMethod(), enginePath.get(), auth.getName(),
          roles);
      refuse(response, HttpStatus.FORBIDDEN, REFUSED);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://sonla.gov.vn/tdkt/problems/" + (status == HttpStatus.FORBIDDEN
        ? "forbidden" : "unauthorized")));
    problem.setTitle(status == HttpStatus.FORBIDDEN ? "Không có quyền" : "Chưa đăng nhập");
    // Camunda's clients (Tasklist) show "message"
    problem.setProperty("message", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), problem);
  }
}
