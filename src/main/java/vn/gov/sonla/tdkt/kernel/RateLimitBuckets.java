package vn.gov.sonla.tdkt.kernel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The buckets of the rate limits (failed logins, public objections). On PostgreSQL they are shared by every node
 * through the database (Bucket4j's PostgreSQL proxy manager, table {@code rate_limit_bucket}, each bucket read and
 * written under {@code SELECT … FOR UPDATE}): a limit holds for the cluster, not per node, and survives a restart.
 * On the embedded H2 database (one node) they live in memory. A bucket untouched until it is full again is removed.
 */
@Component
public class RateLimitBuckets {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimitBuckets.class);

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
  private final Cache<String, Bucket> local = Caffeine.newBuilder().maximumSize(200_000)
      .expireAfterAccess(Duration.ofHours(2)).build();

  public RateLimitBuckets(DataSource dataSource) {
    this.shared = isPostgres(dataSource)
        ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
            .build()
        : null;
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell the database of the rate limits", e);
    }
  }

  /** Whether the buckets are shared through the database (PostgreSQL). */
  public boolean shared() {
    return shared != null;
  }

  /** The bucket of the key (e.g. {@code login-user:appraiser}), made with the limit the first time it is used. */
  public Bucket bucket(String key, Bandwidth limit) {
    if (shared != null) {
      return shared.builder().build(key, () -> BucketConfiguration.builder().addLimit(limit).build());
    }
    return local.get(key, k -> Bucket.builder().addLimit(limit).build());
  }

  /** Removes the shared buckets that are full again (untouched since their limit refilled). */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  public void removeFull() {
    if (shared != null) {
      int removed;
      int total = 0;
      do {
        removed = shared.removeExpired(1000);
        total += removed;
      } while (removed == 1000);
      if (total > 0) {
        LOG.debug("Removed {} full rate-limit buckets", total);
      }
    }
  }
}
