package vn.gov.sonla.tdkt.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
public class CurrentUserProvider {

  static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  public CurrentUser get() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  /** The user of an authentication (the {@code authentication} of a {@code @PreAuthorize} expression). */
  public static CurrentUser of(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      throw new IllegalStateException("No signed-in user");
    }
    Set<String> groups = auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(GROUP_AUTHORITY_PREFIX))
        .map(a -> a.substring(GROUP_AUTHORITY_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
    return new CurrentUser(auth.getName(), groups);
  }
}
