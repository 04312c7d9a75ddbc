package vn.gov.sonla.tdkt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/** The planner setting reaches every pooled PostgreSQL connection, and nothing else. */
class PlannerSettingsTest {

  @Test
  void everyPostgresConnectionOfThePoolPlansWithTheConfiguredRandomPageCost() throws Exception {
    try (HikariDataSource pool = pool(PostgresTestDatabase.url())) {
      new PlannerSettings("1.1").postProcessBeforeInitialization(pool, "dataSource");
      pool.setMaximumPoolSize(2);
      try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
        assertThat(show(a)).isEqualTo("1.1");
        assertThat(show(b)).isEqualTo("1.1");
      }
    }
  }

  @Test
  void emptyKeepsTheServersSettingAndAPoolsOwnInitSqlIsKept() throws Exception {
    try (HikariDataSource pool = pool(PostgresTestDatabase.url())) {
      new PlannerSettings("").postProcessBeforeInitialization(pool, "dataSource");
      assertThat(pool.getConnectionInitSql()).isNull();
      try (Connection c = pool.getConnection()) {
        assertThat(show(c)).isEqualTo("4");
      }
    }
    HikariDataSource own = pool(PostgresTestDatabase.url());
    own.setConnectionInitSql("SET random_page_cost = 2");
    new PlannerSettings("1.1").postProcessBeforeInitialization(own, "dataSource");
    assertThat(own.getConnectionInitSql()).isEqualTo("SET random_page_cost = 2");
    own.close();
  }

  @Test
  void otherDatabasesAreLeftAlone() {
    HikariDataSource h2 = pool("jdbc:h2:mem:planner");
    new PlannerSettings("1.1").postProcessBeforeInitialization(h2, "dataSource");
    assertThat(h2.getConnectionInitSql()).isNull();
    h2.close();
  }

  @Test
  void aValueOutsideWhatPostgresTakesIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new PlannerSettings("0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tdkt.database.random-page-cost");
    assertThatThrownBy(() -> new PlannerSettings("cheap")).isInstanceOf(NumberFormatException.class);
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(url.startsWith("jdbc:h2") ? "sa" : "postgres");
    pool.setPassword("");
    return pool;
  }

  private static String show(Connection c) throws Exception {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW random_page_cost")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
