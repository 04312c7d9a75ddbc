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
    registry.add("DB_URL", PostgresTestDatabase::url);
  }
}
