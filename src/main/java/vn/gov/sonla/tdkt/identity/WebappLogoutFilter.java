package vn.gov.sonla.tdkt.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signing out in Tasklist, Cockpit or Admin ends the whole session: once the webapp's own logout call
 * ({@code POST /camunda/api/admin/auth/user/{engine}/logout}, checked by the webapp's CSRF filter) has
 * succeeded, the HTTP session and its Spring Security login are invalidated too, so the project's pages
 * need a new login as well.
 */
class WebappLogoutFilter extends OncePerRequestFilter {

  private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/logout");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (response.getStatus() < 300) {
      logout.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
    }
  }
}
