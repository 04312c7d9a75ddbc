package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import vn.gov.sonla.tdkt.TdktApplication;

/**
 * Outside the demo profile the administrator's password must come from TDKT_ADMIN_PASSWORD: without
 * it, start-up fails with a message naming the variable. The database is H2 here; only the password
 * check is under test.
 */
class PostgresProfileWithoutAdminPasswordTest {

  @Test
  void startUpInThePostgresProfileFailsWithoutTdktAdminPassword() {
    assertThatThrownBy(() -> {
      // command-line arguments, not default properties: they must win over the postgres profile's
      // ${DB_URL:...} and ${TDKT_ADMIN_PASSWORD:} placeholders in application.yaml, whatever the environment holds
      ConfigurableApplicationContext context = new SpringApplicationBuilder(TdktApplication.class)
          .profiles("postgres")
          .run("--spring.datasource.url=jdbc:h2:mem:noadmin;DB_CLOSE_DELAY=-1",
              "--spring.datasource.username=sa",
              "--spring.datasource.password=",
              "--server.port=0",
              "--camunda.bpm.job-execution.enabled=false",
              // H2 stands in for PostgreSQL, where Flyway (V10) creates the engine tables: here the engine does
              "--camunda.bpm.database.schema-update=true",
              "--tdkt.subjects.citizen-id-key=some-secret",
              "--tdkt.admin.password=");
      context.close(); // started after all: release it before the assertion reports the failure
    })
        .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .as("root cause of the start-up failure")
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("TDKT_ADMIN_PASSWORD"));
  }

  @Test
  void startUpInThePostgresProfileFailsWithoutTheCitizenIdKey() {
    assertThatThrownBy(() -> {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(TdktApplication.class)
          .profiles("postgres")
          .run("--spring.datasource.url=jdbc:h2:mem:nokey;DB_CLOSE_DELAY=-1",
              "--spring.datasource.username=sa",
              "--spring.datasource.password=",
              "--server.port=0",
              "--camunda.bpm.job-execution.enabled=false",
              // H2 stands in for PostgreSQL, where Flyway (V10) creates the engine tables: here the engine does
              "--camunda.bpm.database.schema-update=true",
              "--tdkt.admin.password=secret",
              "--tdkt.subjects.citizen-id-key=");
      context.close();
    })
        .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .as("root cause of the start-up failure")
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("TDKT_CITIZEN_ID_KEY"));
  }
}
