package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/** The register scenarios (imports, accent-insensitive search, …) on the real PostgreSQL server. */
// one process engine per JVM at a time: the engine REST API and the webapps find it in a static registry
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.demo-data=true", "spring.datasource.hikari.maximum-pool-size=6"})
@ActiveProfiles({"test", "postgres"})
class RegisterApiPostgresTest extends RegisterApiScenarios {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.url("tdkt_register"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Autowired DataSource dataSource;

  @Test
  void theseScenariosRunOnPostgreSql() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
