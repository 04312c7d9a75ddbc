package vn.gov.sonla.tdkt.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Signs project API users in against the Camunda users (the same accounts as Tasklist). */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .map(id -> new SimpleGrantedAuthority(CurrentUserProvider.GROUP_AUTHORITY_PREFIX + id))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
