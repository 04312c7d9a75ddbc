package vn.gov.sonla.tdkt.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.kernel.RateLimitBuckets;

/**
 * Counts failed logins per user name and per client address (Bucket4j; shared by the nodes through PostgreSQL,
 * in memory on the embedded database: {@link RateLimitBuckets}): once
 * either has used up {@code tdkt.login.max-failures} / {@code max-failures-per-address} within
 * {@code tdkt.login.window}, every further attempt is refused before the password is checked, until the
 * bucket refills. Successful logins cost nothing, so people and API clients signing in often are never
 * slowed down. The engine's own lock after a failed password (ENGINE-27001) still applies underneath.
 */
@Component
public class LoginRateLimiter {

  private final LoginProperties properties;
  private final RateLimitBuckets buckets;

  public LoginRateLimiter(LoginProperties properties, RateLimitBuckets buckets) {
    this.properties = properties;
    this.buckets = buckets;
  }

  /** Whether a login attempt for this user from this address may be checked now. */
  public boolean allows(String user, String address) {
    return user(user).getAvailableTokens() > 0 && address(address).getAvailableTokens() > 0;
  }

  /** Counts one failed attempt against the user name and the address. */
  public void failed(String user, String address) {
    user(user).tryConsume(1);
    address(address).tryConsume(1);
  }

  /** How long until one more attempt is allowed, rounded up to whole minutes (at least 1). */
  public long minutesToWait() {
    Duration perToken = properties.window().dividedBy(properties.maxFailures());
    return Math.max(1, (perToken.toSeconds() + 59) / 60);
  }

  private Bucket user(String user) {
    String key = "login-user:" + (user == null ? "" : user.trim().toLowerCase(Locale.ROOT));
    return buckets.bucket(key, limit(properties.maxFailures()));
  }

  private Bucket address(String address) {
    return buckets.bucket("login-address:" + (address == null ? "?" : address), limit(properties.maxFailuresPerAddress()));
  }

  private Bandwidth limit(int capacity) {
    return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, properties.window()).build();
  }
}
