package vn.gov.sonla.tdkt.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's cost of a random page read for this application's connections ({@code tdkt.database.random-page-cost},
 * default 1.1; empty keeps the server's setting), set when each pooled connection opens.
 *
 * <p>PostgreSQL's default (4) models spinning disks. On SSDs, and with the working set in memory as here, a lookup by
 * primary key costs about what a sequential page does, and the usual setting is 1.1. With 4, a unit's Tasklist list
 * and count read all open tasks sequentially (100,000 at the benchmark's size) instead of looking the unit's up by
 * key (README "Planner and authorization settings"). Only on PostgreSQL: other databases (H2) are left alone. A
 * pool that already has its own {@code connection-init-sql} keeps it.
 */
@Component
public class PlannerSettings implements BeanPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(PlannerSettings.class);

  private final String randomPageCost;

  public PlannerSettings(@Value("${tdkt.database.random-page-cost:1.1}") String randomPageCost) {
    this.randomPageCost = randomPageCost == null ? "" : randomPageCost.trim();
    if (!this.randomPageCost.isEmpty()) {
      double value = Double.parseDouble(this.randomPageCost);
      if (!(value > 0 && value < 100)) {
        throw new IllegalArgumentException("tdkt.database.random-page-cost must be between 0 and 100: " + value);
      }
    }
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && !randomPageCost.isEmpty() && pool.getConnectionInitSql() == null
        && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      pool.setConnectionInitSql(String.format(Locale.ROOT, "SET random_page_cost = %s",
          Double.parseDouble(randomPageCost)));
      LOG.info("PostgreSQL connections of pool {} use random_page_cost = {}", pool.getPoolName(), randomPageCost);
    }
    return bean;
  }
}
