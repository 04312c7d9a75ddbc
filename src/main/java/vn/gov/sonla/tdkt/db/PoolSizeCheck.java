package vn.gov.sonla.tdkt.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Start-up check of the connection pool against the job executor. Every job executor thread holds a connection
 * for the whole of its job's transaction, the acquisition thread one more while it locks jobs, and web requests
 * and start-up work need some besides: with a pool smaller than {@code max-pool-size + 1 + web-connections}, a
 * burst of due jobs (2,000 timers at once in the cluster test) takes every connection and web requests wait for
 * Hikari's connection timeout (30 s) and fail. Logs a warning, or refuses to start with
 * {@code tdkt.database.pool-check=fail}. Nothing to check when the job executor is off.
 */
@Component
public class PoolSizeCheck implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(PoolSizeCheck.class);
  private final DataSource dataSource;
  private final CamundaBpmProperties camunda;
  private final PoolProperties pool;

  public PoolSizeCheck(DataSource dataSource, CamundaBpmProperties camunda, PoolProperties pool) {
    this.dataSource = dataSource;
    this.camunda = camunda;
    this.pool = pool;
  }

  /** The smallest pool for this job executor: its threads, the acquisition thread, the web connections. */
  public int requiredPoolSize() {
    JobExecutionProperty jobs = camunda.getJobExecution();
    return Math.max(jobs.getMaxPoolSize(), jobs.getCorePoolSize()) + 1 + pool.webConnections();
  }

  /** The configured maximum of the Hikari pool, or -1 when the data source is not a Hikari pool. */
  public int poolSize() {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() : -1;
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  /** The problem, or null when the pool is large enough (or there is nothing to check). */
  public String problem() {
    int size = poolSize();
    if (size < 0 || !camunda.getJobExecution().isEnabled()) {
      return null;
    }
    int required = requiredPoolSize();
    if (size >= required) {
      return null;
    }
    JobExecutionProperty jobs = camunda.getJobExecution();
    return "Connection pool too small for the job executor: spring.datasource.hikari.maximum-pool-size=" + size
        + " < camunda.bpm.job-execution.max-pool-size (" + jobs.getMaxPoolSize() + ") + 1 (job acquisition)"
        + " + tdkt.database.web-connections (" + pool.webConnections() + ") = " + required
        + ". Raise the pool (and PostgreSQL's max_connections for all nodes) or lower the job executor's threads.";
  }

  @Override
  public void afterPropertiesSet() {
    String problem = problem();
    if (problem == null) {
      LOG.info("Connection pool {} for job executor max {} threads (+1 acquisition, +{} web): large enough",
          poolSize(), camunda.getJobExecution().getMaxPoolSize(), pool.webConnections());
      return;
    }
    if (pool.poolCheck() == PoolProperties.Mode.FAIL) {
      throw new IllegalStateException(problem + " (tdkt.database.pool-check=fail)");
    }
    LOG.warn(problem);
  }
}
