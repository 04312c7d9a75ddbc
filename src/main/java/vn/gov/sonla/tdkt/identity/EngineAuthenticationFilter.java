package vn.gov.sonla.tdkt.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each signed-in project API request under the user's Camunda authentication, so the engine's
 * authorization checks apply to what the request does (e.g. completing a unit's task).
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final CurrentUserProvider currentUser;
  private final String webapps;

  public EngineAuthenticationFilter(IdentityService identityService, CurrentUserProvider currentUser, String webapps) {
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.webapps = webapps;
  }

  /** The webapps under {@code /camunda} set the engine's authentication themselves. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + webapps + "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
      chain.doFilter(request, response);
      return;
    }
    CurrentUser user = currentUser.get();
    identityService.setAuthentication(user.id(), new ArrayList<>(user.groups()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
