package vn.gov.sonla.tdkt.dossier;

import vn.gov.sonla.tdkt.support.PostgresTestDatabase;
import vn.gov.sonla.tdkt.support.PostgresAppTest;

/**
 * The API scenarios on the real PostgreSQL server (profile {@code postgres}, a fresh database on
 * 127.0.0.1:5432), with the demo users switched on for the scenario.
 */
@PostgresAppTest
class DossierApiPostgresTest extends DossierApiScenarios {

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
