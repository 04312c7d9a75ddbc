package vn.gov.sonla.tdkt.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for the user name or from the address: the attempt was not checked. */
public class LoginRateLimitedException extends AuthenticationException {
  public LoginRateLimitedException(String message) {
    super(message);
  }
}
