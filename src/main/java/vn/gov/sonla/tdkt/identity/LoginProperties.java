package vn.gov.sonla.tdkt.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.login}: the login rate limit and the session cookies.
 *
 * @param maxFailures failed logins allowed per user name within {@code window}; further attempts, even
 *     with the right password, are refused until the window has passed
 * @param maxFailuresPerAddress failed logins allowed per client address within {@code window}
 * @param window the period the failures are counted over (the buckets refill gradually over it)
 * @param secureCookies mark the session and CSRF cookies {@code Secure} even when the request did not
 *     arrive over TLS (set it behind a TLS-terminating proxy that does not forward the scheme)
 */
@ConfigurationProperties("tdkt.login")
public record LoginProperties(Integer maxFailures, Integer maxFailuresPerAddress, Duration window,
    Boolean secureCookies) {
  public LoginProperties {
    maxFailures = maxFailures == null ? 5 : maxFailures;
    maxFailuresPerAddress = maxFailuresPerAddress == null ? 30 : maxFailuresPerAddress;
    window = window == null ? Duration.ofMinutes(15) : window;
    secureCookies = secureCookies != null && secureCookies;
    if (maxFailures < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalStateException("tdkt.login: max-failures and max-failures-per-address must be at least 1"
          + " and window positive");
    }
  }
}
