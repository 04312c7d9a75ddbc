package vn.gov.sonla.tdkt.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.database}: how the connection pool is checked against the job executor at start-up
 * ({@link PoolSizeCheck}). {@code web-connections} (default 4) is the number of connections kept for web
 * requests and start-up work besides the job executor's threads and its acquisition thread; {@code pool-check}
 * is {@code warn} (default: log a warning) or {@code fail} (refuse to start) when the pool is smaller.
 */
@ConfigurationProperties("tdkt.database")
public record PoolProperties(Integer webConnections, Mode poolCheck) {

  public enum Mode { WARN, FAIL }

  public PoolProperties {
    webConnections = webConnections == null ? 4 : webConnections;
    poolCheck = poolCheck == null ? Mode.WARN : poolCheck;
    if (webConnections < 0) {
      throw new IllegalArgumentException("tdkt.database.web-connections must not be negative");
    }
  }
}
