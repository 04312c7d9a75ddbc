package vn.gov.sonla.tdkt.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs users in against the Camunda users (the same accounts for the project's pages, the API, the
 * engine REST API and the webapps), through the login rate limit.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String BAD_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.";

  private final IdentityService identityService;
  private final LoginRateLimiter rateLimiter;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginRateLimiter rateLimiter) {
    this.identityService = identityService;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    if (!rateLimiter.allows(user, address)) {
      throw new LoginRateLimitedException("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau "
          + rateLimiter.minutesToWait() + " phút.");
    }
    if (user == null || user.isBlank() || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      rateLimiter.failed(user, address);
      throw new BadCredentialsException(BAD_CREDENTIALS);
    }
    List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .map(id -> new SimpleGrantedAuthority(CurrentUserProvider.GROUP_AUTHORITY_PREFIX + id))
        .toList();
    UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
        authorities);
    result.setDetails(authentication.getDetails());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
