package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.support.PostgresAppTest;

/** The register scenarios (imports, accent-insensitive search, …) on the real PostgreSQL server. */
@PostgresAppTest
class RegisterApiPostgresTest extends RegisterApiScenarios {

  @Autowired DataSource dataSource;

  @Test
  void theseScenariosRunOnPostgreSql() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
