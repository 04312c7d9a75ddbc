package vn.gov.sonla.tdkt.notice;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.kernel.RateLimitBuckets;

/**
 * Limits public objections per client address ({@code tdkt.objections.per-hour}); shared by the nodes through
 * PostgreSQL, in memory on the embedded database ({@link RateLimitBuckets}).
 */
@Component
public class ObjectionRateLimiter {

  private final int perHour;
  private final RateLimitBuckets buckets;

  public ObjectionRateLimiter(@Value("${tdkt.objections.per-hour:5}") int perHour, RateLimitBuckets buckets) {
    this.perHour = perHour;
    this.buckets = buckets;
  }

  /** Whether one more objection from this address is allowed now. */
  public boolean tryAcquire(String clientAddress) {
    return buckets.bucket("objection-address:" + clientAddress,
        Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build()).tryConsume(1);
  }
}
