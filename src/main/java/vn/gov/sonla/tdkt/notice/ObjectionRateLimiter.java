package vn.gov.sonla.tdkt.notice;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Limits public objections per client address ({@code tdkt.objections.per-hour}), in memory per node. */
@Component
public class ObjectionRateLimiter {

  private final int perHour;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterAccess(Duration.ofHours(2)).build();

  public ObjectionRateLimiter(@Value("${tdkt.objections.per-hour:5}") int perHour) {
    this.perHour = perHour;
  }

  /** Whether one more objection from this address is allowed now. */
  public boolean tryAcquire(String clientAddress) {
    return buckets.get(clientAddress, key -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
        .build()).tryConsume(1);
  }
}
