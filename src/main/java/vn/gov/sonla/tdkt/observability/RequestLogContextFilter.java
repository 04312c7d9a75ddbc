package vn.gov.sonla.tdkt.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.sonla.tdkt.kernel.LogContext;

/**
 * Puts the request id, the user and the dossier of a request into the logging context for every line written while
 * the request is handled, and answers the request id in {@code X-Request-Id}. Registered twice around Spring
 * Security ({@link LoggingConfig}): before it for the request id, so that the security filters' lines carry it;
 * after it for the user, who is known only then.
 */
public class RequestLogContextFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
  /** {@code /api/dossiers/{code}...} and the dossier's pages' API calls. */
  private static final Pattern DOSSIER_PATH = Pattern.compile("^/api/dossiers/(\\d{4}-[a-z0-9-]+-\\d{4})(?:/.*)?$");

  public enum Stage { REQUEST, USER }

  private final Stage stage;

  public RequestLogContextFilter(Stage stage) {
    this.stage = stage;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (stage == Stage.REQUEST) {
      String given = request.getHeader(HEADER);
      String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
      MDC.put(LogContext.REQUEST_ID, id);
      response.setHeader(HEADER, id);
      Matcher dossier = DOSSIER_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (dossier.matches()) {
        MDC.put(LogContext.DOSSIER, dossier.group(1));
      }
      try {
        chain.doFilter(request, response);
      } finally {
        MDC.remove(LogContext.REQUEST_ID);
        MDC.remove(LogContext.DOSSIER);
        MDC.remove(LogContext.USER);
      }
    } else {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
          && !"anonymousUser".equals(authentication.getName())) {
        MDC.put(LogContext.USER, authentication.getName());
      }
      chain.doFilter(request, response);
    }
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }
}
