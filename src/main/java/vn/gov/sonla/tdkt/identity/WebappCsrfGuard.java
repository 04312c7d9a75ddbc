package vn.gov.sonla.tdkt.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' CSRF check without its side effect (issue 15, finding 14). Camunda's CsrfPreventionFilter ends the
 * whole session when a changing request under the webapps lacks its X-XSRF-TOKEN or carries a wrong one, so one
 * forged request logs the person out everywhere. This filter, in Spring Security's chain before Camunda's, refuses
 * such a request of an existing session itself with 403 (header {@code X-XSRF-TOKEN: Required}, as Camunda does)
 * and leaves the session alone; a valid token goes on to Camunda's filter, which checks it again.
 */
final class WebappCsrfGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(WebappCsrfGuard.class);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final String webapps;

  WebappCsrfGuard(String webapps) {
    this.webapps = webapps;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return SAFE_METHODS.contains(request.getMethod()) || !path.startsWith(webapps + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      if (!(expected instanceof String token) || given == null || !MessageDigest.isEqual(
          token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
        LOG.info("Webapp request {} {} refused: missing or wrong {} (session kept)", request.getMethod(),
            request.getRequestURI(), CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF).");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
