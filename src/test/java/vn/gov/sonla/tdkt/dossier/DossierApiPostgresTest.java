package vn.gov.sonla.tdkt.dossier;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * The API scenarios on the real PostgreSQL server (profile {@code postgres}, a fresh database on
 * 127.0.0.1:5432), with the demo users switched on for the scenario.
 */
// one process engine per JVM at a time: the engine REST API and the webapps find it in a static registry
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.demo-data=true", "DB_USER=postgres", "DB_PASSWORD="})
@ActiveProfiles({"test", "postgres"})
class DossierApiPostgresTest extends DossierApiScenarios {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // the datasource itself: the test profile's H2 URL would otherwise win over the postgres profile's DB_URL
    registry.add("spring.datasource.url", PostgresTestDatabase::url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @org.springframework.beans.factory.annotation.Autowired javax.sql.DataSource dataSource;

  @org.junit.jupiter.api.Test
  void theseScenariosRunOnPostgreSql() throws Exception {
    try (var connection = dataSource.getConnection()) {
      org.assertj.core.api.Assertions.assertThat(connection.getMetaData().getDatabaseProductName())
          .isEqualTo("PostgreSQL");
      org.assertj.core.api.Assertions.assertThat(connection.getMetaData().getURL()).endsWith("/tdkt_it" + vn.gov.sonla.tdkt.support.PostgresTestDatabase.SUFFIX);
    }
  }
}
