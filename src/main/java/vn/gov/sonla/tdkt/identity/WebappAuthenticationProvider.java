package vn.gov.sonla.tdkt.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's container-based authentication for Tasklist, Cockpit, Admin and Welcome: the webapps take
 * the user (and the groups read at login) from the Spring Security session, so one login serves the
 * project's pages and the webapps. Instantiated by Camunda's {@code ContainerBasedAuthenticationFilter}
 * (no Spring bean: it reads the security context of the request's thread).
 */
public class WebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken
        || authentication.getName() == null || authentication.getName().isEmpty()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
    List<String> groups = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(CurrentUserProvider.GROUP_AUTHORITY_PREFIX))
        .map(a -> a.substring(CurrentUserProvider.GROUP_AUTHORITY_PREFIX.length()))
        .toList();
    result.setGroups(groups);
    return result;
  }
}
