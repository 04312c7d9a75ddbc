package vn.gov.sonla.tdkt.db;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine schema migrations, given to Flyway as beans (Spring Boot passes every {@link JavaMigration} bean to
 * Flyway), next to the SQL migrations of the project's tables in {@code db/migration} and {@code db/vendor/{vendor}}.
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaConfiguration {

  @Bean
  JavaMigration camundaEngineSchema() {
    return new V10__camunda_engine_7_24();
  }

  // An engine upgrade adds its step here, e.g.:
  // @Bean JavaMigration camundaEngine725() { return new CamundaEngineUpgradeMigration("10.2", "7.24", "7.25"); }
}
