package vn.gov.sonla.tdkt.bloc;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/** Issue 9 acceptance on the real PostgreSQL server (a fresh database of its own on 127.0.0.1:5432). */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.demo-data=true", "DB_USER=postgres", "DB_PASSWORD="})
@ActiveProfiles({"test", "postgres"})
class BlocYearPostgresTest extends BlocYearScenarios {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.url("tdkt_blocs"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }
}
