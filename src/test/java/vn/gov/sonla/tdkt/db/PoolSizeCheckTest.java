package vn.gov.sonla.tdkt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;

/** The start-up check of the connection pool against the job executor's threads. */
class PoolSizeCheckTest {

  private static PoolSizeCheck check(int pool, int jobThreads, boolean jobs, PoolProperties.Mode mode) {
    HikariDataSource dataSource = new HikariDataSource(); // never started: only its configuration is read
    dataSource.setMaximumPoolSize(pool);
    CamundaBpmProperties camunda = new CamundaBpmProperties();
    camunda.getJobExecution().setEnabled(jobs);
    camunda.getJobExecution().setCorePoolSize(Math.min(3, jobThreads));
    camunda.getJobExecution().setMaxPoolSize(jobThreads);
    return new PoolSizeCheck(dataSource, camunda, new PoolProperties(4, mode));
  }

  @Test
  void theApplicationsDefaultsLeaveRoomForWebRequests() {
    // application.yaml: 20 connections, 10 job threads
    PoolSizeCheck check = check(20, 10, true, PoolProperties.Mode.FAIL);
    assertThat(check.requiredPoolSize()).isEqualTo(15);
    assertThat(check.problem()).isNull();
    check.afterPropertiesSet();
  }

  @Test
  void hikarisDefaultPoolIsTooSmallForCamundasDefaultJobExecutor() {
    PoolSizeCheck check = check(10, 10, true, PoolProperties.Mode.WARN);
    assertThat(check.problem()).contains("maximum-pool-size=10", "max-pool-size (10)", "= 15");
    check.afterPropertiesSet(); // warns only
  }

  @Test
  void failModeRefusesToStartWithATooSmallPool() {
    assertThatThrownBy(() -> check(8, 6, true, PoolProperties.Mode.FAIL).afterPropertiesSet())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.datasource.hikari.maximum-pool-size=8")
        .hasMessageContaining("tdkt.database.pool-check=fail");
  }

  @Test
  void withoutAJobExecutorThereIsNothingToCheck() {
    assertThat(check(2, 10, false, PoolProperties.Mode.FAIL).problem()).isNull();
  }
}
